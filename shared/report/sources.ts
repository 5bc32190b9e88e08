/**
 * Where the built-in ratings come from and when they were last checked, and the numbered list of
 * sources the printed reasons cite ("[1, 4]" after a reason; the list in the appendix). The facts
 * live with the knowledge base (shared/decision/knowledge/source.ts); only the sources a printed
 * reason rests on are listed, numbered in the knowledge base's order.
 */
import { citedSources, KNOWLEDGE_PROVENANCE, KNOWLEDGE_REVIEWED } from '../decision';
import type { RatingCell } from '../decision';
import type { WorkshopResult } from '../workshop';
import type { Block } from './blocks';
import { formatDate } from './prose';

export type SourceList = {
  /** " [1, 4]" for a cell whose reason cites sources 1 and 4, or '' when it cites none. */
  marker: (cell: RatingCell) => string;
  /** The appendix's list, in the order of the numbers. */
  items: string[];
};

/** The sources the printed reasons rest on: a facilitator's changed rating cites its own note. */
export function sourceList(result: WorkshopResult): SourceList {
  const cells = result.evaluation.ratings.cells.flat().filter((cell) => !cell.override);
  const cited = citedSources(cells.flatMap((cell) => cell.sources ?? []));
  const number = new Map<string, number>(cited.map(({ id }, i) => [id, i + 1]));
  return {
    marker: (cell) => {
      const numbers = [...new Set((cell.sources ?? []).flatMap((id) => number.get(id) ?? []))].sort(
        (a, b) => a - b,
      );
      return numbers.length > 0 ? ` [${numbers.join(', ')}]` : '';
    },
    items: cited.map(({ source }) => {
      const edition = source.version ?? (source.date ? formatDate(source.date) : null);
      // A quotation inside the title takes single quotes inside the double ones.
      const title = source.title.replace(/“/g, '‘').replace(/”/g, '’');
      const read = source.accessed === KNOWLEDGE_REVIEWED ? '' : `, read ${formatDate(source.accessed)}`;
      return `${source.publisher}, “${title}”${edition ? `, ${edition}` : ''}. ${source.url}${read}.`;
    }),
  };
}

/** The sentence beneath the comparison: where the ratings come from and when they were reviewed. */
export function ratingsSourceSentence(sources: SourceList): string {
  const numbered =
    sources.items.length > 0 ? ' Numbers in brackets refer to the sources listed in the appendix.' : '';
  return `${KNOWLEDGE_PROVENANCE} The ratings were last reviewed on ${formatDate(KNOWLEDGE_REVIEWED)}.${numbered}`;
}

/** The appendix's account of the sources, numbered as the reasons cite them. */
export function ratingsSourceBlocks(sources: SourceList): Block[] {
  if (sources.items.length === 0) return [];
  return [
    { kind: 'subheading', text: 'Sources of the built-in ratings' },
    { kind: 'bullets', ordered: true, items: sources.items },
    {
      kind: 'paragraph',
      tone: 'muted',
      text: `Each built-in reason was last checked against these sources on ${formatDate(KNOWLEDGE_REVIEWED)}.`,
    },
  ];
}
