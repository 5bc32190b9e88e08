/**
 * Bad input to the decision engine throws a `DecisionInputError` with a message a facilitator can
 * act on. The engine never returns NaN: every public function validates before it computes.
 */
export type DecisionErrorCode =
  | 'empty'
  | 'not_finite'
  | 'negative'
  | 'all_zero'
  | 'length_mismatch'
  | 'not_square'
  | 'not_positive'
  | 'not_reciprocal'
  | 'out_of_range'
  | 'bad_points_total'
  | 'too_few'
  | 'too_many';

export class DecisionInputError extends Error {
  readonly code: DecisionErrorCode;

  constructor(code: DecisionErrorCode, message: string) {
    super(message);
    this.name = 'DecisionInputError';
    this.code = code;
  }
}

export function assertFiniteList(values: readonly number[], what: string): void {
  if (values.length === 0) throw new DecisionInputError('empty', `${what} is empty.`);
  values.forEach((value, index) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new DecisionInputError(
        'not_finite',
        `${what} has a value that is not a finite number at position ${index + 1}.`,
      );
    }
  });
}

export function assertSameLength(actual: number, expected: number, what: string): void {
  if (actual !== expected) {
    throw new DecisionInputError('length_mismatch', `${what} has ${actual} values; expected ${expected}.`);
  }
}
