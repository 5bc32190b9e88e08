/**
 * The Analytic Hierarchy Process for pairwise input: weights from the principal eigenvector of a
 * positive reciprocal matrix, and Saaty's consistency ratio.
 */
import { DecisionInputError } from './errors';

/** Saaty's (1980) random consistency index for n = 1..10. */
export const RANDOM_INDEX: readonly number[] = [0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49];

/** Above this consistency ratio the judgments should be revisited. */
export const CONSISTENCY_LIMIT = 0.1;

/** Saaty's 1-9 scale and its reciprocals: the values a pairwise judgment may take in the UI. */
export const SAATY_SCALE: readonly number[] = [
  1 / 9,
  1 / 8,
  1 / 7,
  1 / 6,
  1 / 5,
  1 / 4,
  1 / 3,
  1 / 2,
  1,
  2,
  3,
  4,
  5,
  6,
  7,
  8,
  9,
];

export type AhpResult = { weights: number[]; lambdaMax: number; ci: number; cr: number };

const RECIPROCAL_TOLERANCE = 1e-6;

/** Throws unless `matrix` is square, positive, finite, with a unit diagonal and a_ji = 1 / a_ij. */
export function assertPairwiseMatrix(matrix: readonly (readonly number[])[]): void {
  const n = matrix.length;
  if (n === 0) throw new DecisionInputError('empty', 'The pairwise matrix is empty.');
  matrix.forEach((row, i) => {
    if (row.length !== n) {
      throw new DecisionInputError(
        'not_square',
        `Row ${i + 1} of the pairwise matrix has ${row.length} values; expected ${n}.`,
      );
    }
    row.forEach((value, j) => {
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new DecisionInputError(
          'not_finite',
          `The judgment at row ${i + 1}, column ${j + 1} is not a finite number.`,
        );
      }
      if (value <= 0) {
        throw new DecisionInputError(
          'not_positive',
          `The judgment at row ${i + 1}, column ${j + 1} is ${value}; judgments must be positive.`,
        );
      }
    });
  });
  for (let i = 0; i < n; i++) {
    if (Math.abs((matrix[i]?.[i] ?? 0) - 1) > RECIPROCAL_TOLERANCE) {
      throw new DecisionInputError(
        'not_reciprocal',
        `A criterion compared with itself must be 1 (row ${i + 1}).`,
      );
    }
    for (let j = i + 1; j < n; j++) {
      const product = (matrix[i]?.[j] ?? 0) * (matrix[j]?.[i] ?? 0);
      if (Math.abs(product - 1) > RECIPROCAL_TOLERANCE) {
        throw new DecisionInputError(
          'not_reciprocal',
          `The judgments at (${i + 1}, ${j + 1}) and (${j + 1}, ${i + 1}) must be reciprocals of each other.`,
        );
      }
    }
  }
}

/** The random index for n criteria; beyond Saaty's table (n > 10) its last value, a close bound. */
export function randomIndex(n: number): number {
  return RANDOM_INDEX[Math.min(n, RANDOM_INDEX.length) - 1] ?? 0;
}

/**
 * Weights (principal right eigenvector, by power iteration, summing to 1), lambda max, the
 * consistency index CI = (lambdaMax - n) / (n - 1) and ratio CR = CI / RI(n). CR is 0 for n <= 2,
 * where any reciprocal matrix is consistent.
 */
export function ahp(matrix: readonly (readonly number[])[]): AhpResult {
  assertPairwiseMatrix(matrix);
  const n = matrix.length;
  let weights = new Array<number>(n).fill(1 / n);
  let product = new Array<number>(n).fill(0);
  for (let iteration = 0; iteration < 1000; iteration++) {
    multiplyInto(matrix, weights, product);
    let total = 0;
    for (let i = 0; i < n; i++) total += product[i] as number;
    let change = 0;
    for (let i = 0; i < n; i++) {
      const next = (product[i] as number) / total;
      change = Math.max(change, Math.abs(next - (weights[i] as number)));
      product[i] = next;
    }
    [weights, product] = [product, weights];
    if (change < 1e-14) break;
  }
  multiplyInto(matrix, weights, product);
  let lambdaSum = 0;
  for (let i = 0; i < n; i++) lambdaSum += (product[i] as number) / (weights[i] as number);
  const lambdaMax = lambdaSum / n;
  if (n <= 2) return { weights, lambdaMax, ci: 0, cr: 0 };
  // lambdaMax >= n in exact arithmetic; clamp rounding noise so a consistent matrix gives exactly 0.
  const ci = Math.max(0, (lambdaMax - n) / (n - 1));
  if (ci < 1e-12) return { weights, lambdaMax, ci: 0, cr: 0 };
  return { weights, lambdaMax, ci, cr: ci / randomIndex(n) };
}

export type Judgment = {
  row: number;
  column: number;
  given: number;
  /** What the other judgments imply for this pair: the geometric mean of a_ik * a_kj over every k. */
  implied: number;
  /** `implied` rounded to the nearest value on Saaty's scale, a starting point for the room. */
  suggested: number;
};

/**
 * The judgment that most disagrees with the weights the whole matrix implies: the largest
 * |ln(a_ij * w_j / w_i)|, Saaty's error for one comparison. Returns null when every judgment
 * agrees (a consistent matrix). Pass the weights from `ahp(matrix)` when you have them; the matrix
 * is then trusted to be valid.
 */
export function mostInconsistentJudgment(
  matrix: readonly (readonly number[])[],
  /** The matrix's AHP weights, when the caller already has them. */
  weights: readonly number[] = ahp(matrix).weights,
): Judgment | null {
  const n = matrix.length;
  let worst: { row: number; column: number } | null = null;
  let worstError = 1e-9;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const error = Math.abs(Math.log(((matrix[i]?.[j] ?? 1) * (weights[j] ?? 1)) / (weights[i] ?? 1)));
      if (error > worstError) {
        worstError = error;
        worst = { row: i, column: j };
      }
    }
  }
  if (!worst) return null;
  const { row, column } = worst;
  // The indirect evidence: every third criterion k links the pair through a_ik * a_kj.
  let logSum = 0;
  let paths = 0;
  for (let k = 0; k < n; k++) {
    if (k === row || k === column) continue;
    logSum += Math.log((matrix[row]?.[k] ?? 1) * (matrix[k]?.[column] ?? 1));
    paths++;
  }
  const implied = paths > 0 ? Math.exp(logSum / paths) : (weights[row] ?? 1) / (weights[column] ?? 1);
  return { row, column, given: matrix[row]?.[column] ?? 1, implied, suggested: nearestSaatyValue(implied) };
}

export function nearestSaatyValue(ratio: number): number {
  return SAATY_SCALE.reduce((best, value) =>
    Math.abs(Math.log(value / ratio)) < Math.abs(Math.log(best / ratio)) ? value : best,
  );
}

/** Builds a full reciprocal matrix from the upper-triangle judgments (missing ones are 1, "equal"). */
export function pairwiseMatrix(
  n: number,
  judgments: ReadonlyArray<{ row: number; column: number; value: number }>,
): number[][] {
  const matrix = Array.from({ length: n }, () => new Array<number>(n).fill(1));
  for (const { row, column, value } of judgments) {
    if (row === column || row < 0 || column < 0 || row >= n || column >= n) {
      throw new DecisionInputError(
        'out_of_range',
        `There is no pair (${row + 1}, ${column + 1}) among ${n} criteria.`,
      );
    }
    if (!(value > 0) || !Number.isFinite(value)) {
      throw new DecisionInputError(
        'not_positive',
        `The judgment for (${row + 1}, ${column + 1}) must be a positive number.`,
      );
    }
    (matrix[row] as number[])[column] = value;
    (matrix[column] as number[])[row] = 1 / value;
  }
  return matrix;
}

function multiplyInto(
  matrix: readonly (readonly number[])[],
  vector: readonly number[],
  out: number[],
): void {
  for (let i = 0; i < matrix.length; i++) {
    const row = matrix[i] as readonly number[];
    let sum = 0;
    for (let j = 0; j < row.length; j++) sum += (row[j] as number) * (vector[j] as number);
    out[i] = sum;
  }
}
