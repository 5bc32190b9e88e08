/** Weighted-sum scoring, per-criterion contributions, and a ranking that reports ties as ties. */
import { DecisionInputError, assertFiniteList, assertSameLength } from './errors';
import { normalize } from './weights';

function assertRatings(ratings: readonly (readonly number[])[], criteria: number): void {
  if (ratings.length === 0) throw new DecisionInputError('empty', 'There are no candidates to score.');
  ratings.forEach((row, c) => {
    assertSameLength(row.length, criteria, `Candidate ${c + 1}'s ratings`);
    assertFiniteList(row, `Candidate ${c + 1}'s ratings`);
  });
}

/** contributions[candidate][criterion] = normalized weight x rating. */
export function contributions(
  weights: readonly number[],
  ratings: readonly (readonly number[])[],
): number[][] {
  const w = normalize(weights);
  assertRatings(ratings, w.length);
  return ratings.map((row) => row.map((rating, k) => (w[k] ?? 0) * rating));
}

/** Each candidate's total: the sum over criteria of normalized weight x rating. */
export function weightedSum(weights: readonly number[], ratings: readonly (readonly number[])[]): number[] {
  return contributions(weights, ratings).map((row) => row.reduce((sum, v) => sum + v, 0));
}

/** Totals closer than this (relative) are the same score: float noise must not pick a winner. */
const TIE_TOLERANCE = 1e-9;

export function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) <= TIE_TOLERANCE * Math.max(1, Math.abs(a), Math.abs(b));
}

export type RankedCandidate = { candidate: number; total: number; rank: number };

export type Ranking = {
  /** Best first; tied candidates share a rank (1, 1, 3) and keep the candidates' given order. */
  order: RankedCandidate[];
  /** Every candidate with the top score: more than one means a tie for first place. */
  leaders: number[];
  /** First total minus the best total not tied with it; 0 when all are tied. */
  margin: number;
};

export function rank(totals: readonly number[]): Ranking {
  assertFiniteList(totals, 'The totals');
  const sorted = totals.map((total, candidate) => ({ candidate, total })).sort((a, b) => b.total - a.total);
  // Within a group of tied totals, keep the candidates' given order, so rounding noise in the last
  // digit never decides who is listed first.
  const order: RankedCandidate[] = [];
  for (let start = 0; start < sorted.length;) {
    const head = sorted[start] as { candidate: number; total: number };
    let end = start + 1;
    while (end < sorted.length && sameScore(head.total, (sorted[end] as { total: number }).total)) end++;
    const group = sorted.slice(start, end).sort((a, b) => a.candidate - b.candidate);
    for (const entry of group) order.push({ ...entry, rank: start + 1 });
    start = end;
  }
  const leaders = order.filter((entry) => entry.rank === 1).map((entry) => entry.candidate);
  const top = order[0]?.total ?? 0;
  const runnerUp = order.find((entry) => entry.rank !== 1);
  return { order, leaders, margin: runnerUp ? top - runnerUp.total : 0 };
}
