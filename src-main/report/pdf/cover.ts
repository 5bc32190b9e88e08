/**
 * The cover: the brand's band, the consultancy's logo (or name) and the client's logo, the title,
 * the key facts, this copy's status, version, reference and date, the answer in a box, and the
 * contact line and footer at the foot. Heights are worked out first and the parts placed so none
 * is drawn over another however long the brand's texts are.
 */
import { BRAND_PRINT_LINES } from '@shared/brands/print';
import type { Logo } from '@shared/brands/schema';
import type { Canvas } from './canvas';
import { INK, MARGIN, MUTED, PAGE, WIDTH } from './layout';

const LEFT = MARGIN.left + 8;
const TEXT_WIDTH = WIDTH - 8;
const LABEL_WIDTH = 130;
const FOOT = { size: 8, leading: 11, bottom: PAGE.height - 40 };

export function drawCover(c: Canvas): void {
  const { doc, model } = c;
  const { cover, brand } = model;
  // A band of the primary colour down the left edge, and a thin accent rule beside it.
  doc.setFillColor(...c.primary);
  doc.rect(0, 0, 18, PAGE.height, 'F');
  doc.setFillColor(...c.accent);
  doc.rect(18, 0, 4, PAGE.height, 'F');

  const top = 80;
  let brandBottom = top;
  const clientLogo = brand.clientLogo ?? null;
  if (clientLogo) brandBottom = top + drawLogo(c, clientLogo, PAGE.width - MARGIN.right, top, 'right');
  if (brand.logo) {
    brandBottom = Math.max(brandBottom, top + drawLogo(c, brand.logo, LEFT, top, 'left'));
  } else {
    c.font('bold', 16, c.primaryText);
    const nameWidth = clientLogo ? TEXT_WIDTH - 170 : TEXT_WIDTH;
    const name = c.clamp(brand.companyName, nameWidth, BRAND_PRINT_LINES.companyName);
    name.forEach((line, i) => c.write(line, LEFT, top + 16 + i * 20));
    brandBottom = Math.max(brandBottom, top + 8 + name.length * 20);
  }

  // Everything measured before anything is placed.
  c.font('bold', 28);
  const title = c.clamp(cover.title, TEXT_WIDTH, 3);
  c.font('normal', 15);
  const client = c.clamp(cover.client, TEXT_WIDTH, 2);
  const { issue } = cover;
  // A copy exported before reports had an issue is redrawn as it was: without these lines.
  const issueFacts: Array<[string, string]> = issue
    ? [
        ['Status', `${issue.status}, ${issue.version.toLowerCase()}`],
        ['Date', issue.date],
        ['Reference', issue.reference],
      ]
    : [];
  const facts = [...cover.facts, ...issueFacts];
  c.font('normal', 11);
  const factLines = facts.map(
    ([label, value]) => [label, c.clamp(value, TEXT_WIDTH - LABEL_WIDTH, 2)] as const,
  );
  c.font('bold', 14);
  const headline = c.clamp(cover.headline, TEXT_WIDTH - 40, 3);
  c.font('normal', FOOT.size);
  const foot = [
    ...c.clamp(brand.contactLine, TEXT_WIDTH, BRAND_PRINT_LINES.contactLine),
    ...c.clamp(brand.footerText, TEXT_WIDTH, BRAND_PRINT_LINES.footerText),
  ].filter((line) => line.trim() !== '');

  const footTop = FOOT.bottom - (foot.length - 1) * FOOT.leading - FOOT.size;
  const boxHeight = 30 + headline.length * 20;
  const factsHeight = factLines.reduce((sum, [, lines]) => sum + 15 * lines.length + 10, 0);
  const bodyHeight = 34 + title.length * 34 + client.length * 20 + 18 + 32 + factsHeight;
  // The box sits low on the page but always clear of the foot; the title block moves up if needed.
  const boxY = Math.min(Math.max(brandBottom + 60 + bodyHeight + 24, 600), footTop - 28 - boxHeight);
  let y = Math.max(Math.min(Math.max(brandBottom + 120, 280), boxY - 24 - bodyHeight), brandBottom + 48);

  // Text goes in the primary colour's text shade; the accent marks rules and bars only.
  c.font('bold', 10, c.primaryText);
  doc.setCharSpace(1.5);
  c.write(c.clean(cover.kicker.toUpperCase()), LEFT, y);
  doc.setCharSpace(0);
  y += 34;
  c.font('bold', 28, c.primaryText);
  for (const line of title) {
    c.write(line, LEFT, y);
    y += 34;
  }
  c.font('normal', 15, MUTED);
  for (const line of client) {
    c.write(line, LEFT, y);
    y += 20;
  }
  y += 18;
  doc.setDrawColor(...c.accent);
  doc.setLineWidth(2);
  doc.line(LEFT, y - 10, LEFT + 64, y - 10);
  y += 22;

  for (const [label, lines] of factLines) {
    c.font('normal', 8.5, MUTED);
    c.write(c.clean(label.toUpperCase()), LEFT, y);
    c.font('normal', 11, INK);
    lines.forEach((line, i) => c.write(line, LEFT + LABEL_WIDTH, y + i * 15));
    y += 15 * lines.length + 10;
  }

  // The answer, in a box of the primary colour.
  doc.setFillColor(...c.primary);
  doc.roundedRect(LEFT, boxY, TEXT_WIDTH, boxHeight, 4, 4, 'F');
  c.font('bold', 14, c.onPrimary);
  headline.forEach((line, i) => c.write(line, LEFT + 20, boxY + 25 + i * 20));

  c.font('normal', FOOT.size, MUTED);
  foot.forEach((line, i) => c.write(line, LEFT, footTop + FOOT.size + i * FOOT.leading));
  c.newPage();
}

/** A logo scaled into 190 x 70 points at `x` (its left or right edge); returns its height. */
function drawLogo(c: Canvas, logo: Logo, x: number, y: number, edge: 'left' | 'right'): number {
  const scale = Math.min((edge === 'left' ? 190 : 150) / logo.width, 70 / logo.height);
  const w = logo.width * scale;
  const h = logo.height * scale;
  c.doc.addImage(logo.base64, logo.format, edge === 'left' ? x : x - w, y, w, h, undefined, 'FAST');
  return h;
}
