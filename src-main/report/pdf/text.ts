/** Text blocks: paragraphs, subheadings, lists, label and value pairs, and the callout box. */
import type { Canvas } from './canvas';
import { BOTTOM, INK, LEADING, MARGIN, MUTED, SIZE, tint, WIDTH } from './layout';

export function drawParagraph(c: Canvas, text: string, tone: 'normal' | 'lead' | 'muted'): void {
  const size = tone === 'lead' ? SIZE.lead : tone === 'muted' ? SIZE.small + 0.5 : SIZE.body;
  c.font('normal', size, tone === 'muted' ? MUTED : INK);
  const lines = c.lines(text, WIDTH);
  // No single line left alone at the foot of a page.
  c.ensure(Math.min(lines.length, 2) * size * LEADING);
  c.flow(lines, MARGIN.left, size);
  c.y += 8;
}

export function drawSubheading(c: Canvas, text: string): void {
  c.y += 6;
  // A subheading never ends a page: it needs room for itself and three lines after it.
  c.ensure(SIZE.subheading * LEADING + 3 * SIZE.body * LEADING + 8);
  c.font('bold', SIZE.subheading, c.primaryText);
  c.flow(c.lines(text, WIDTH), MARGIN.left, SIZE.subheading);
  c.y += 4;
}

export function drawBullets(c: Canvas, items: readonly string[], ordered: boolean): void {
  // Numbers are right-aligned in a gutter as wide as the widest one ("10." as well as "1.").
  c.font('bold', SIZE.body);
  const gutter = ordered ? c.width(`${items.length}.`) + 2 : 6;
  const indent = gutter + 8;
  for (const [i, item] of items.entries()) {
    c.font('normal', SIZE.body, INK);
    const lines = c.lines(item, WIDTH - indent);
    c.ensure(Math.min(lines.length, 2) * SIZE.body * LEADING);
    c.font('bold', SIZE.body, c.accentText);
    if (ordered) c.write(`${i + 1}.`, MARGIN.left + gutter, c.y + SIZE.body, { align: 'right' });
    else c.write('•', MARGIN.left + 2, c.y + SIZE.body);
    c.font('normal', SIZE.body, INK);
    c.flow(lines, MARGIN.left + indent, SIZE.body);
    c.y += 4;
  }
  c.y += 6;
}

export function drawFacts(c: Canvas, rows: ReadonlyArray<readonly [string, string]>): void {
  const labelWidth = 130;
  for (const [label, value] of rows) {
    c.font('normal', SIZE.body, INK);
    const lines = c.lines(value, WIDTH - labelWidth);
    c.ensure(Math.min(lines.length, 3) * SIZE.body * LEADING);
    c.font('bold', SIZE.small, MUTED);
    c.write(c.clean(label), MARGIN.left, c.y + SIZE.body);
    c.font('normal', SIZE.body, INK);
    c.flow(lines, MARGIN.left + labelWidth, SIZE.body);
    c.y += 4;
  }
  c.y += 8;
}

export function drawCallout(c: Canvas, title: string, text: string): void {
  c.font('bold', SIZE.lead, INK);
  const lines = c.lines(text, WIDTH - 36);
  const height = 24 + SIZE.body * LEADING + lines.length * SIZE.lead * LEADING + 6;
  c.ensure(Math.min(height, BOTTOM - MARGIN.top));
  const background = tint(c.primary, 0.92);
  c.doc.setFillColor(...background);
  c.doc.rect(MARGIN.left, c.y, WIDTH, height, 'F');
  c.doc.setFillColor(...c.accent);
  c.doc.rect(MARGIN.left, c.y, 4, height, 'F');
  const top = c.y;
  c.y += 14;
  c.font('bold', SIZE.small, c.textOn(c.primary, background));
  c.write(c.clean(title.toUpperCase()), MARGIN.left + 18, c.y + SIZE.small);
  c.y += SIZE.body * LEADING;
  c.font('bold', SIZE.lead, INK);
  c.flow(lines, MARGIN.left + 18, SIZE.lead);
  c.y = Math.max(c.y, top + height) + 14;
}
