import { largeRowUnits } from '../workshop/charts/ContributionChart';

/**
 * Bars on the shared screen are drawn against the largest value shown, not against 100%: seven
 * criteria sharing 100% are each 10–25%, and on a 0–100% scale the room sees seven slivers.
 */
export function barFractions(values: readonly number[]): number[] {
  const finite = values.map((value) => (Number.isFinite(value) && value > 0 ? value : 0));
  const largest = Math.max(0, ...finite);
  return finite.map((value) => (largest > 0 ? value / largest : 0));
}

/**
 * What a slide has room for: every criterion when they fit, else the `limit` with the most weight
 * (heaviest first) and what the others carry between them, said on the slide. A projector shows
 * ten rows legibly, not forty.
 */
export function heaviest(
  weights: readonly number[],
  limit: number,
): { shown: number[]; rest: { count: number; weight: number } } {
  const all = weights.map((_, k) => k);
  if (weights.length <= limit) return { shown: all, rest: { count: 0, weight: 0 } };
  const ranked = [...all].sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0) || a - b);
  const shown = ranked.slice(0, Math.max(1, limit));
  const left = ranked.slice(shown.length);
  return {
    shown,
    rest: { count: left.length, weight: left.reduce((sum, k) => sum + (weights[k] ?? 0), 0) },
  };
}

/**
 * Rows of the large contribution chart that stay legible (labels 20 px and up) in the height a
 * 1080p slide leaves it: about 680 of its units, for this many candidates.
 */
export const contributionRows = (candidates: number) =>
  Math.max(2, Math.floor(680 / largeRowUnits(candidates)));
