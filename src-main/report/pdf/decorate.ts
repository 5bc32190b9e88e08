/**
 * The running header and the numbered footer, on every page after the cover. The header is one
 * line each side, cut with "…"; the footer gives the footer text and the contact line up to their
 * print limits each, under a rule that sits below the text area, so neither touches the body.
 */
import { BRAND_PRINT_LINES } from '@shared/brands/print';
import type { Canvas } from './canvas';
import { BOTTOM, INK, MARGIN, MUTED, PAGE, RULE, SIZE, WIDTH } from './layout';

const HEADER = { baseline: 38, rule: 50 };
const FOOTER = { rule: BOTTOM + 8, size: SIZE.small - 0.5, leading: 9.6 };
const PAGE_NUMBER_WIDTH = 76;

export function decoratePages(c: Canvas): void {
  const { doc, model } = c;
  const total = doc.getNumberOfPages();
  c.font('bold', SIZE.small);
  const [left = ''] = c.clamp(model.header.left, WIDTH / 2 - 10, 1);
  c.font('normal', SIZE.small);
  const [right = ''] = c.clamp(model.header.right, WIDTH / 2 - 10, 1);
  c.font('normal', FOOTER.size);
  const foot = footerLines(c);
  for (let page = 2; page <= total; page++) {
    doc.setPage(page);
    doc.setFillColor(...c.primary);
    doc.rect(0, 0, PAGE.width, 6, 'F');
    c.font('bold', SIZE.small, c.primaryText);
    c.write(left, MARGIN.left, HEADER.baseline);
    c.font('normal', SIZE.small, MUTED);
    c.write(right, PAGE.width - MARGIN.right, HEADER.baseline, { align: 'right' });
    doc.setDrawColor(...RULE);
    doc.setLineWidth(0.5);
    doc.line(MARGIN.left, HEADER.rule, PAGE.width - MARGIN.right, HEADER.rule);

    doc.line(MARGIN.left, FOOTER.rule, PAGE.width - MARGIN.right, FOOTER.rule);
    const first = FOOTER.rule + 12;
    c.font('normal', FOOTER.size, MUTED);
    foot.forEach((line, i) => c.write(line, MARGIN.left, first + i * FOOTER.leading));
    c.font('bold', SIZE.small, INK);
    c.write(`Page ${page} of ${total}`, PAGE.width - MARGIN.right, first, { align: 'right' });
  }
}

/**
 * The footer text, then the contact line, each within its print limit. The first line leaves room
 * for the page number; the lines under it use the full width.
 */
function footerLines(c: Canvas): string[] {
  const { footerText, contactLine } = c.model.brand;
  const out: string[] = [];
  const texts: Array<[string, number]> = [
    [footerText, BRAND_PRINT_LINES.footerText],
    [contactLine, BRAND_PRINT_LINES.contactLine],
  ];
  for (const [text, max] of texts) {
    // Cleaned once (so a replaced character is counted once); cleaning it again changes nothing.
    const clean = c.clean(text).replace(/\s+/g, ' ').trim();
    if (!clean) continue;
    if (out.length > 0) {
      out.push(...c.clamp(clean, WIDTH, max));
      continue;
    }
    // Only the very first line is narrowed.
    const [head = ''] = c.lines(clean, WIDTH - PAGE_NUMBER_WIDTH);
    const rest = clean.startsWith(head) ? clean.slice(head.length).trim() : '';
    if (!rest) out.push(head);
    else if (max === 1) out.push(...c.clamp(clean, WIDTH - PAGE_NUMBER_WIDTH, 1));
    else out.push(head, ...c.clamp(rest, WIDTH, max - 1));
  }
  return out;
}
