/** Turning each weighting method's input into weights that sum to 1. */
import { DecisionInputError, assertFiniteList } from './errors';

/** Scales non-negative weights so they sum to 1. Throws on negatives, NaN or all zeros. */
export function normalize(weights: readonly number[]): number[] {
  assertFiniteList(weights, 'The weights');
  weights.forEach((w, i) => {
    if (w < 0)
      throw new DecisionInputError(
        'negative',
        `Weight ${i + 1} is negative (${w}); weights must be 0 or more.`,
      );
  });
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0)
    throw new DecisionInputError(
      'all_zero',
      'Every weight is zero; give at least one criterion some weight.',
    );
  return weights.map((w) => w / total);
}

/**
 * Rank-order centroid weights for n ranked criteria, most important first
 * (Barron & Barrett 1996): w_k = (1/n) * sum_{i=k..n} 1/i.
 */
export function rankOrderCentroid(n: number): number[] {
  if (!Number.isInteger(n) || n < 1) {
    throw new DecisionInputError(
      'out_of_range',
      `Rank-order centroid needs a whole number of criteria, not ${n}.`,
    );
  }
  const weights: number[] = [];
  let tail = 0;
  for (let k = n; k >= 1; k--) {
    tail += 1 / k;
    weights[k - 1] = tail / n;
  }
  return weights;
}

export const DIRECT_MIN = 0;
export const DIRECT_MAX = 10;

/** Direct rating: each criterion scored 0-10 for importance. */
export function directWeights(scores: readonly number[]): number[] {
  assertFiniteList(scores, 'The direct scores');
  scores.forEach((s, i) => {
    if (s < DIRECT_MIN || s > DIRECT_MAX) {
      throw new DecisionInputError('out_of_range', `Direct score ${i + 1} is ${s}; scores run from 0 to 10.`);
    }
  });
  return normalize(scores);
}

export const POINTS_TOTAL = 100;

/** 100 points shared across the criteria. The total must be exactly 100. */
export function pointsWeights(points: readonly number[]): number[] {
  assertFiniteList(points, 'The points');
  const total = points.reduce((sum, p) => sum + p, 0);
  if (Math.abs(total - POINTS_TOTAL) > 1e-9) {
    throw new DecisionInputError(
      'bad_points_total',
      `The points add up to ${total}; they must add up to ${POINTS_TOTAL}.`,
    );
  }
  return normalize(points);
}

/**
 * Weights from a ranking: `ranks[i]` is criterion i's place (1 = most important). Criteria that
 * share a place share the centroid weights of the places they span, so ties stay fair.
 */
export function rankWeights(ranks: readonly number[]): number[] {
  assertFiniteList(ranks, 'The ranks');
  ranks.forEach((r, i) => {
    if (r < 1) throw new DecisionInputError('out_of_range', `Rank ${i + 1} is ${r}; ranks start at 1.`);
  });
  const n = ranks.length;
  const centroid = rankOrderCentroid(n);
  const order = ranks.map((rank, index) => ({ rank, index })).sort((a, b) => a.rank - b.rank);
  const weights = new Array<number>(n).fill(0);
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && order[end + 1]?.rank === order[start]?.rank) end++;
    const share = centroid.slice(start, end + 1).reduce((sum, w) => sum + w, 0) / (end - start + 1);
    for (let p = start; p <= end; p++) weights[order[p]?.index ?? 0] = share;
    start = end + 1;
  }
  return weights;
}

/** Moves criterion `k` to weight `t` (0-1); the others keep their proportions to each other. */
export function withWeight(weights: readonly number[], k: number, t: number): number[] {
  const normalized = normalize(weights);
  if (k < 0 || k >= normalized.length || !Number.isInteger(k)) {
    throw new DecisionInputError(
      'out_of_range',
      `There is no criterion ${k + 1} among ${normalized.length}.`,
    );
  }
  if (!(t >= 0 && t <= 1))
    throw new DecisionInputError('out_of_range', `A weight must be from 0 to 1, not ${t}.`);
  const rest = 1 - (normalized[k] ?? 0);
  const others = normalized.length - 1;
  return normalized.map((w, j) => {
    if (j === k) return t;
    // With all weight on k there are no proportions to keep: share the remainder equally.
    return rest > 0 ? (w * (1 - t)) / rest : (1 - t) / others;
  });
}
