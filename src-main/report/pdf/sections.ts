/**
 * A section: its heading (kept with what follows it, and the section's entry in the PDF outline)
 * and its blocks, each drawn by its own part.
 */
import type { Block, Section } from '@shared/report/blocks';
import type { Canvas, Mark } from './canvas';
import { drawBarChart, drawDivergingChart } from './charts';
import { BOTTOM, MARGIN, SIZE, WIDTH } from './layout';
import { drawSignOff } from './signoff';
import { drawTable } from './tables';
import { drawBullets, drawCallout, drawFacts, drawParagraph, drawSubheading } from './text';

/** The summary and the appendix open a page of their own; other sections flow. */
export function opensPage(section: Section): boolean {
  return section.id === 'method' || section.id === 'summary';
}

/** A page with less than this much on it (about ten lines) is nearly empty. */
const NEARLY_EMPTY = 150;

/**
 * `closesPage`: what follows starts a new page (or nothing follows), so a nearly empty last page
 * would stay that way; then the blocks from the one that crossed onto it move over with it.
 */
export function drawSection(c: Canvas, section: Section, closesPage = false): void {
  if (opensPage(section)) {
    if (c.y > MARGIN.top) c.newPage();
  } else {
    c.y += 18;
  }
  c.font('bold', SIZE.heading, c.primaryText);
  const title = c.lines(section.title, WIDTH);
  // Keep the heading with the start of what follows.
  c.ensure(title.length * SIZE.heading * 1.25 + SIZE.heading * 0.35 + 70);
  c.doc.outline.add(null, outlineTitle(section.title), { pageNumber: c.page });
  c.font('bold', SIZE.heading, c.primaryText);
  title.forEach((line, i) => c.write(line, MARGIN.left, c.y + SIZE.heading + i * SIZE.heading * 1.25));
  c.y += SIZE.heading + (title.length - 1) * SIZE.heading * 1.25 + 8;
  c.doc.setDrawColor(...c.accent);
  c.doc.setLineWidth(1.5);
  c.doc.line(MARGIN.left, c.y, MARGIN.left + 40, c.y);
  c.y += 16;
  const marks: Mark[] = [];
  for (const block of section.blocks) {
    marks.push(c.mark());
    drawBlock(c, block);
  }
  if (closesPage) fillLastPage(c, section.blocks, marks);
}

/**
 * When the section's last page is nearly empty, the blocks that end the page before (enough of
 * them to fill it, and a subheading just before them) start that page instead, as long as the page
 * before stays at least 40% full and the section's heading keeps a block under it.
 */
function fillLastPage(c: Canvas, blocks: readonly Block[], marks: readonly Mark[]): void {
  const page = c.page;
  const short = NEARLY_EMPTY - (c.y - MARGIN.top);
  if (short <= 0) return;
  // The block that crossed onto the page, and those before it until enough moves over.
  let from = marks.findLastIndex((mark) => mark.page < page);
  while (from > 1 && BOTTOM - (marks[from]?.y ?? 0) < short && marks[from - 1]?.page === page - 1) from--;
  while (from > 0 && blocks[from - 1]?.kind === 'subheading') from--;
  const mark = marks[from];
  if (from < 1 || !mark || mark.page !== page - 1) return;
  if (mark.y - MARGIN.top < (BOTTOM - MARGIN.top) * 0.4) return;
  c.rollback(mark);
  c.newPage();
  for (const block of blocks.slice(from)) drawBlock(c, block);
}
/** An outline entry is metadata, not drawn: every character kept, on one line. */
function outlineTitle(title: string): string {
  return title.replace(/[\p{Cc}\s]+/gu, ' ').trim();
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
    case 'divergingChart':
      return drawDivergingChart(c, block);
    case 'keepTogether':
      return c.keep(() => {
        for (const inner of block.blocks) drawBlock(c, inner);
      });
    case 'signOff':
      return drawSignOff(c, block.roles);
  }
}
