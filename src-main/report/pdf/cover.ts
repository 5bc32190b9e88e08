/** The cover: the brand's band and logo, the title, the key facts and the answer in a box. */
import type { Canvas } from './canvas';
import { INK, isDark, MARGIN, MUTED, PAGE, WHITE, WIDTH } from './layout';

export function drawCover(c: Canvas): void {
  const { doc, model } = c;
  const { cover, brand } = model;
  // A band of the primary colour down the left edge, and a thin accent rule beside it.
  doc.setFillColor(...c.primary);
  doc.rect(0, 0, 18, PAGE.height, 'F');
  doc.setFillColor(...c.accent);
  doc.rect(18, 0, 4, PAGE.height, 'F');

  let top = 80;
  if (brand.logo) {
    const scale = Math.min(190 / brand.logo.width, 70 / brand.logo.height);
    const w = brand.logo.width * scale;
    const h = brand.logo.height * scale;
    doc.addImage(brand.logo.base64, brand.logo.format, MARGIN.left + 8, top, w, h, undefined, 'FAST');
    top += h;
  } else {
    c.font('bold', 16, c.primary);
    c.write(c.clean(brand.companyName), MARGIN.left + 8, top + 20);
    top += 28;
  }

  const left = MARGIN.left + 8;
  const width = WIDTH - 8;
  let y = Math.max(top + 120, 280);
  // Text stays in the primary colour (chosen to read on white); the accent marks rules and bars.
  c.font('bold', 10, c.primary);
  doc.setCharSpace(1.5);
  c.write(c.clean(cover.kicker.toUpperCase()), left, y);
  doc.setCharSpace(0);
  y += 34;
  c.font('bold', 28, c.primary);
  for (const line of c.lines(cover.title, width).slice(0, 4)) {
    c.write(line, left, y);
    y += 34;
  }
  c.font('normal', 15, MUTED);
  for (const line of c.lines(cover.client, width).slice(0, 2)) {
    c.write(line, left, y);
    y += 20;
  }
  y += 18;
  doc.setDrawColor(...c.accent);
  doc.setLineWidth(2);
  doc.line(left, y, left + 64, y);
  y += 32;

  for (const [label, value] of cover.facts) {
    c.font('normal', 9, MUTED);
    c.write(label.toUpperCase(), left, y);
    c.font('normal', 12, INK);
    const lines = c.lines(value, width - 130).slice(0, 2);
    lines.forEach((line, i) => c.write(line, left + 130, y + i * 16));
    y += 16 * lines.length + 12;
  }

  // The answer, in one line, in a box of the primary colour.
  const boxY = Math.max(y + 24, 600);
  c.font('bold', 14, WHITE);
  const headline = c.lines(cover.headline, width - 40).slice(0, 3);
  const boxHeight = 34 + headline.length * 20;
  doc.setFillColor(...c.primary);
  doc.roundedRect(left, boxY, width, boxHeight, 4, 4, 'F');
  c.font('bold', 14, isDark(c.primary) ? WHITE : INK);
  headline.forEach((line, i) => c.write(line, left + 20, boxY + 27 + i * 20));

  c.font('normal', 8.5, MUTED);
  const foot = [brand.contactLine, brand.footerText].filter(Boolean).map((t) => c.clean(t));
  foot.forEach((line, i) => c.write(line, left, PAGE.height - 56 + i * 13, { maxWidth: width }));
  c.newPage();
}
