/** Combining participants' inputs into the room's weights, and measuring where they disagree. */
import { ahp } from './ahp';
import type { AhpResult } from './ahp';
import { DecisionInputError, assertSameLength } from './errors';
import { directWeights, normalize, pointsWeights, rankWeights } from './weights';

export type AggregationMethod = 'mean' | 'median' | 'geometric';

/** One participant's input, by whichever method they chose. */
export type ParticipantInput =
  | { method: 'direct'; scores: readonly number[] }
  | { method: 'points'; points: readonly number[] }
  | { method: 'rank'; ranks: readonly number[] }
  | { method: 'pairwise'; matrix: readonly (readonly number[])[] };

/** The normalized weights one participant's input implies (pairwise via AHP). */
export function inputWeights(input: ParticipantInput): number[] {
  switch (input.method) {
    case 'direct':
      return directWeights(input.scores);
    case 'points':
      return pointsWeights(input.points);
    case 'rank':
      return rankWeights(input.ranks);
    case 'pairwise':
      return ahp(input.matrix).weights;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function geometricMean(values: number[]): number {
  if (values.some((v) => v === 0)) return 0;
  return Math.exp(values.reduce((sum, v) => sum + Math.log(v), 0) / values.length);
}

const COMBINE: Record<AggregationMethod, (values: number[]) => number> = {
  mean: (values) => values.reduce((sum, v) => sum + v, 0) / values.length,
  median,
  geometric: geometricMean,
};

/**
 * Combines per-participant weight vectors criterion by criterion, then normalizes to sum to 1.
 * Each participant's vector is normalized first, so everyone counts equally whatever their method.
 * Note: with the geometric mean, a zero from anyone gives that criterion zero.
 */
export function aggregateWeights(
  perParticipant: readonly (readonly number[])[],
  method: AggregationMethod,
): number[] {
  if (perParticipant.length === 0)
    throw new DecisionInputError('too_few', 'No participant has given weights yet.');
  const n = perParticipant[0]?.length ?? 0;
  const rows = perParticipant.map((row, p) => {
    assertSameLength(row.length, n, `Participant ${p + 1}'s weights`);
    return normalize(row);
  });
  const combined = Array.from({ length: n }, (_, k) => COMBINE[method](rows.map((row) => row[k] ?? 0)));
  if (combined.every((w) => w === 0)) {
    throw new DecisionInputError(
      'all_zero',
      'The geometric mean is zero for every criterion because each got a zero from someone; use the mean or median.',
    );
  }
  return normalize(combined);
}

/**
 * Aggregation of individual judgments (AIJ): the element-wise geometric mean of the participants'
 * pairwise matrices, which is again a reciprocal matrix, then AHP on the result.
 */
export function aggregatePairwise(
  matrices: readonly (readonly (readonly number[])[])[],
): AhpResult & { matrix: number[][] } {
  if (matrices.length === 0) throw new DecisionInputError('too_few', 'No pairwise judgments to combine.');
  const n = matrices[0]?.length ?? 0;
  matrices.forEach((m, p) => assertSameLength(m.length, n, `Participant ${p + 1}'s pairwise matrix`));
  const matrix = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => geometricMean(matrices.map((m) => m[i]?.[j] ?? 0))),
  );
  return { ...ahp(matrix), matrix };
}

/** The room's weights from everyone's inputs, honouring AIJ when all inputs are pairwise. */
export function groupWeights(inputs: readonly ParticipantInput[], method: AggregationMethod): number[] {
  const pairwise = inputs.flatMap((input) => (input.method === 'pairwise' ? [input.matrix] : []));
  if (method === 'geometric' && pairwise.length > 0 && pairwise.length === inputs.length) {
    return aggregatePairwise(pairwise).weights;
  }
  return aggregateWeights(inputs.map(inputWeights), method);
}

export type CriterionDisagreement = {
  criterion: number;
  min: number;
  max: number;
  range: number;
  /** Population standard deviation of the participants' normalized weights. */
  stdDev: number;
  flagged: boolean;
};

/** The default threshold: a spread of 10 percentage points of weight (standard deviation). */
export const DEFAULT_DISAGREEMENT_THRESHOLD = 0.1;

/** How far apart participants are on each criterion; `flagged` when the std dev exceeds the threshold. */
export function disagreement(
  perParticipant: readonly (readonly number[])[],
  threshold: number = DEFAULT_DISAGREEMENT_THRESHOLD,
): CriterionDisagreement[] {
  if (!(threshold >= 0) || !Number.isFinite(threshold)) {
    throw new DecisionInputError(
      'out_of_range',
      `The disagreement threshold must be 0 or more, not ${threshold}.`,
    );
  }
  if (perParticipant.length === 0) return [];
  const rows = perParticipant.map((row) => normalize(row));
  const n = rows[0]?.length ?? 0;
  return Array.from({ length: n }, (_, criterion) => {
    const values = rows.map((row) => row[criterion] ?? 0);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    const stdDev = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
    const min = Math.min(...values);
    const max = Math.max(...values);
    return { criterion, min, max, range: max - min, stdDev, flagged: stdDev > threshold };
  });
}
