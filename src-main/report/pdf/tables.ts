/** Tables: a header row in the primary colour, repeated on every page the table runs onto. */
import type { TableColumn } from '@shared/report/blocks';
import type { Canvas } from './canvas';
import { BOTTOM, INK, LEADING, MARGIN, MUTED, RULE, SIZE, tint, WIDTH, ZEBRA } from './layout';
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
  const cellLines = (cells: readonly string[], bold: boolean, cellSize = size) => {
    c.font(bold ? 'bold' : 'normal', cellSize);
    return cells.map((cell, i) => c.lines(cell, (widths[i] ?? 40) - 2 * pad));
  };
  // Column titles never break inside a word ("Sprea/d"): the header's type shrinks until every word fits.
  const titles = columns.map((col) => c.clean(col.title));
  c.font('bold', size);
  const fit = Math.min(
    1,
    ...titles.flatMap((title, i) =>
      title.split(/\s+/).map((word) => ((widths[i] ?? 40) - 2 * pad) / Math.max(c.width(word), 1)),
    ),
  );
  const headerSize = Math.max(size * fit, 6);
  const header = cellLines(titles, true, headerSize);
  const headerHeight = Math.max(...header.map((l) => l.length)) * headerSize * 1.3 + 2 * pad;

  const drawRow = (
    lines: string[][],
    height: number,
    fill: Rgb | null,
    color: Rgb,
    bold: boolean,
    rowSize = size,
  ) => {
    if (fill) {
      c.doc.setFillColor(...fill);
      c.doc.rect(MARGIN.left, c.y, WIDTH, height, 'F');
    }
    c.font(bold ? 'bold' : 'normal', rowSize, color);
    let x = MARGIN.left;
    lines.forEach((cellText, i) => {
      const width = widths[i] ?? 0;
      const align = columns[i]?.align ?? 'left';
      const tx = align === 'right' ? x + width - pad : align === 'center' ? x + width / 2 : x + pad;
      cellText.forEach((line, j) => {
        c.write(line, tx, c.y + pad + rowSize + j * rowSize * 1.3 - 1.5, { align });
      });
      x += width;
    });
    c.y += height;
  };
  const drawHeader = () => drawRow(header, headerHeight, c.primary, c.onPrimary, true, headerSize);

  const bodies = rows.map((row, r) => {
    const lines = cellLines(row, emphasis.includes(r));
    return { lines, height: Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad };
  });
  // A table starts where its header and at least three rows (all of a shorter one) fit.
  const opening = bodies.slice(0, 3).reduce((sum, b) => sum + b.height, headerHeight);
  c.ensure(Math.min(opening, BOTTOM - MARGIN.top));
  drawHeader();
  c.font('normal', SIZE.small);
  const captionLines = caption ? c.lines(caption, WIDTH) : [];
  const captionHeight = 6 + Math.min(captionLines.length, 2) * SIZE.small * LEADING;
  bodies.forEach(({ lines, height }, r) => {
    const bold = emphasis.includes(r);
    // The last row never goes over alone (the one before it goes with it), nor leaves its
    // caption's first lines behind.
    const next = bodies[r + 1];
    const tail =
      r === bodies.length - 1
        ? captionHeight
        : r === bodies.length - 2 && next
          ? next.height + captionHeight
          : 0;
    const needed = height + tail;
    if (c.y + height > BOTTOM || (r > 0 && c.y + needed > BOTTOM)) {
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
  if (captionLines.length > 0) {
    c.font('normal', SIZE.small, MUTED);
    c.flow(captionLines, MARGIN.left, SIZE.small);
  }
  c.y += 10;
}
