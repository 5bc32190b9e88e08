/**
 * Small pieces of wording every report section shares: dates, how participants may be named,
 * free text as paragraphs, and the words for the aggregation and weighting methods.
 */
import type { Method } from '../workshop';
import type { Block } from './blocks';

/** A participant as the report may name them, and whether names are hidden. */
export type Names = {
  /**
   * "Participant N" when names are hidden; a ballot stored without a name is "Anonymous ballot
   * N", whatever the level.
   */
  of: (id: string) => string;
  anonymous: boolean;
};

export const AGGREGATION_TEXT = {
  mean: 'the mean of the voters’ normalised weights',
  median: 'the median of the voters’ normalised weights, renormalised to add up to 100%',
  geometric: 'the geometric mean of the voters’ weights (for pairwise input, of their judgments)',
} as const;

/** How a voter weighed the criteria, as a phrase after "by": "by sliders from 0 to 10". */
export const METHOD_WORDS: Record<Method, string> = {
  direct: 'sliders from 0 to 10',
  points: 'sharing out 100 points',
  rank: 'ranking',
  pairwise: 'pairwise comparison',
};

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2026-03-12" -> "12 March 2026", the same on every machine. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  return `${day ?? ''} ${MONTHS[(month ?? 1) - 1] ?? ''} ${year ?? ''}`;
}

/** Free text as paragraphs: blank lines separate them, single line breaks stay. */
export function paragraphs(text: string, tone: 'normal' | 'muted' = 'normal'): Block[] {
  return text
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => ({ kind: 'paragraph', text: part, tone }));
}

/** "one voter", "3 voters". */
export function voterCount(n: number): string {
  return n === 1 ? 'one voter' : `${n} voters`;
}
