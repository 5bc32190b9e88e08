/** Tables: a header row in the primary colour, repeated on every page the table runs onto. */
import type { TableColumn } from '@shared/report/blocks';
import type { Canvas } from './canvas';
import { BOTTOM, INK, isDark, MARGIN, MUTED, RULE, SIZE, tint, WHITE, WIDTH, ZEBRA } from './layout';
import type { Rgb } from './layout';

export function drawTable(
  c: Canvas,
  columns: readonly TableColumn[],
  rows: readonly (readonly string[])[],
  emphasis: readonly number[],
  caption: string | undefined,
): void {
  const pad = 5;
  const size = columns.length > 8 ? SIZE.small - 1 : SIZE.small + 0.5;
  const lineHeight = size * 1.3;
  const widths = columns.map((col) => col.width * WIDTH);
  const cellLines = (cells: readonly string[], bold: boolean) => {
    c.font(bold ? 'bold' : 'normal', size);
    return cells.map((cell, i) => c.lines(cell, (widths[i] ?? 40) - 2 * pad));
  };
  const header = cellLines(
    columns.map((col) => col.title),
    true,
  );
  const headerHeight = Math.max(...header.map((l) => l.length)) * lineHeight + 2 * pad;

  const drawRow = (lines: string[][], height: number, fill: Rgb | null, color: Rgb, bold: boolean) => {
    if (fill) {
      c.doc.setFillColor(...fill);
      c.doc.rect(MARGIN.left, c.y, WIDTH, height, 'F');
    }
    c.font(bold ? 'bold' : 'normal', size, color);
    let x = MARGIN.left;
    lines.forEach((cellText, i) => {
      const width = widths[i] ?? 0;
      const align = columns[i]?.align ?? 'left';
      const tx = align === 'right' ? x + width - pad : align === 'center' ? x + width / 2 : x + pad;
      cellText.forEach((line, j) => {
        c.write(line, tx, c.y + pad + size + j * lineHeight - 1.5, { align });
      });
      x += width;
    });
    c.y += height;
  };
  const drawHeader = () => drawRow(header, headerHeight, c.primary, isDark(c.primary) ? WHITE : INK, true);

  const firstHeight = rows[0] ? Math.max(...cellLines(rows[0], false).map((l) => l.length)) : 1;
  c.ensure(headerHeight + firstHeight * lineHeight + 2 * pad);
  drawHeader();
  rows.forEach((row, r) => {
    const bold = emphasis.includes(r);
    const lines = cellLines(row, bold);
    const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
    if (c.y + height > BOTTOM) {
      c.newPage();
      drawHeader();
    }
    const fill = bold ? tint(c.accent, 0.82) : r % 2 === 1 ? ZEBRA : null;
    drawRow(lines, height, fill, INK, bold);
    c.doc.setDrawColor(...RULE);
    c.doc.setLineWidth(0.5);
    c.doc.line(MARGIN.left, c.y, MARGIN.left + WIDTH, c.y);
  });
  c.y += 6;
  if (caption) {
    c.font('normal', SIZE.small, MUTED);
    c.flow(c.lines(caption, WIDTH), MARGIN.left, SIZE.small);
  }
  c.y += 10;
}
