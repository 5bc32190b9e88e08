/** A section: its heading (kept with what follows it) and its blocks, each drawn by its own part. */
import type { Block, Section } from '@shared/report/blocks';
import type { Canvas } from './canvas';
import { drawBarChart } from './charts';
import { MARGIN, SIZE } from './layout';
import { drawTable } from './tables';
import { drawBullets, drawCallout, drawFacts, drawParagraph, drawSubheading } from './text';

export function drawSection(c: Canvas, section: Section): void {
  // Charts and the appendix open a page of their own; other sections flow.
  if (section.id === 'method' || section.id === 'summary') {
    if (c.y > MARGIN.top) c.newPage();
  } else {
    c.y += 18;
  }
  // Keep the heading with the start of what follows.
  c.ensure(SIZE.heading * 1.6 + 70);
  c.font('bold', SIZE.heading, c.primary);
  c.write(c.clean(section.title), MARGIN.left, c.y + SIZE.heading);
  c.y += SIZE.heading + 8;
  c.doc.setDrawColor(...c.accent);
  c.doc.setLineWidth(1.5);
  c.doc.line(MARGIN.left, c.y, MARGIN.left + 40, c.y);
  c.y += 16;
  for (const block of section.blocks) drawBlock(c, block);
}

function drawBlock(c: Canvas, block: Block): void {
  switch (block.kind) {
    case 'paragraph':
      return drawParagraph(c, block.text, block.tone ?? 'normal');
    case 'subheading':
      return drawSubheading(c, block.text);
    case 'bullets':
      return drawBullets(c, block.items, block.ordered ?? false);
    case 'facts':
      return drawFacts(c, block.rows);
    case 'callout':
      return drawCallout(c, block.title, block.text);
    case 'table':
      return drawTable(c, block.columns, block.rows, block.emphasis ?? [], block.caption);
    case 'barChart':
      return drawBarChart(c, block);
  }
}
