/**
 * Every figure the app prints about a decision, formatted in one place so the screens, the PDF,
 * the CSV and the decision record agree with each other and with themselves:
 *
 * - parts of a whole (the weights) are rounded by largest remainder, so the printed parts add up
 *   to exactly the printed total (100.0%), never 100.1%;
 * - a candidate's printed contributions add up to its printed score, the same way;
 * - a printed lead is the difference of the printed scores;
 * - a threshold is rounded toward the side its sentence describes (`atLeast`, `atMost`, …), so
 *   the sentence stays true for every weight it covers.
 *
 * Everything is worked out in whole units of the last printed digit (integers), so no float
 * noise can make two printed figures disagree.
 */

/** Weights print as percent with one decimal; scores and contributions (0-5) with two. */
export const WEIGHT_DIGITS = 1;
export const SCORE_DIGITS = 2;

const scale = (digits: number) => 10 ** digits;

/** `value` in whole units of 10^-digits, with the float noise of the multiplication removed. */
export function toUnits(value: number, digits: number): number {
  const units = Math.round(Number((value * scale(digits)).toPrecision(12)));
  return units === 0 ? 0 : units;
}

/** Whole units as text with exactly `digits` decimals ("137" at 2 digits is "1.37"). */
export function unitsText(units: number, digits: number): string {
  const sign = units < 0 ? '-' : '';
  const whole = Math.abs(units);
  if (digits === 0) return `${sign}${whole}`;
  const text = String(whole).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/**
 * Rounds each value to whole units of 10^-digits so that they add up to the rounded total (or
 * `totalUnits`, when given): each value is floored, and the units left over go to the values
 * with the largest remainders (earlier values first on a tie).
 */
export function largestRemainder(values: readonly number[], digits: number, totalUnits?: number): number[] {
  const raw = values.map((v) => Number((v * scale(digits)).toPrecision(12)));
  const target =
    totalUnits ??
    toUnits(
      values.reduce((sum, v) => sum + v, 0),
      digits,
    );
  const floors = raw.map(Math.floor);
  let left = target - floors.reduce((sum, v) => sum + v, 0);
  const order = raw
    .map((v, i) => ({ i, rest: v - Math.floor(v) }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  // `left` lies in [0, n] whenever the target is the rounded sum; a given total may ask for more
  // or fewer, which is spread one unit per value, round after round.
  while (left !== 0 && order.length > 0) {
    for (const { i } of left > 0 ? order : [...order].reverse()) {
      if (left === 0) break;
      const step = left > 0 ? 1 : -1;
      floors[i] = (floors[i] ?? 0) + step;
      left -= step;
    }
  }
  return floors;
}

/** A fraction (0-1) as percent with `digits` decimals: 0.1234 -> "12.3%". */
export function formatPercent(fraction: number, digits = WEIGHT_DIGITS): string {
  return `${unitsText(toUnits(fraction * 100, digits), digits)}%`;
}

/** A score or contribution (0-5) with two decimals. */
export function formatScore(value: number, digits = SCORE_DIGITS): string {
  return unitsText(toUnits(value, digits), digits);
}

/** Weights that sum to 1 as percentages that add up to exactly the printed total, "100.0%". */
export function weightPercents(weights: readonly number[], digits = WEIGHT_DIGITS): string[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const total = toUnits(sum * 100, digits);
  return largestRemainder(
    weights.map((w) => w * 100),
    digits,
    total,
  ).map((units) => `${unitsText(units, digits)}%`);
}

/** The printed total of `weightPercents`. */
export function weightTotal(weights: readonly number[], digits = WEIGHT_DIGITS): string {
  return formatPercent(
    weights.reduce((a, b) => a + b, 0),
    digits,
  );
}

export type ScoreFigures = {
  /** Each candidate's score as printed. */
  totals: string[];
  /** contributions[candidate][criterion] as printed; each row adds up to that candidate's printed score. */
  contributions: string[][];
  totalUnits: number[];
};

/** Scores and their contributions, printed so that every candidate's contributions add up to its score. */
export function scoreFigures(
  contributions: readonly (readonly number[])[],
  digits = SCORE_DIGITS,
): ScoreFigures {
  const totalUnits = contributions.map((row) =>
    toUnits(
      row.reduce((sum, v) => sum + v, 0),
      digits,
    ),
  );
  return {
    totals: totalUnits.map((units) => unitsText(units, digits)),
    contributions: contributions.map((row, c) =>
      largestRemainder(row, digits, totalUnits[c] ?? 0).map((units) => unitsText(units, digits)),
    ),
    totalUnits,
  };
}

/**
 * The lead as printed: the printed leader's score minus the printed runner-up's. When both print
 * the same although one is ahead, "less than 0.01", which is true and still agrees with them.
 */
export function formatLead(leaderTotal: number, runnerUpTotal: number, digits = SCORE_DIGITS): string {
  const units = toUnits(leaderTotal, digits) - toUnits(runnerUpTotal, digits);
  if (units <= 0)
    return leaderTotal > runnerUpTotal ? `less than ${unitsText(1, digits)}` : unitsText(0, digits);
  return unitsText(units, digits);
}

/** A positive amount of points that never prints as 0.00: "less than 0.01" below the last digit. */
export function formatPositivePoints(value: number, digits = SCORE_DIGITS): string {
  const units = toUnits(value, digits);
  return units <= 0 && value > 0 ? `less than ${unitsText(1, digits)}` : unitsText(units, digits);
}

/** How far `units` may sit from a whole unit and still be that unit: float noise, not a real gap. */
const ON_GRID = 1e-9;

function gridUnits(value: number, digits: number): { scaled: number; nearest: number; onGrid: boolean } {
  const scaled = value * scale(digits);
  const nearest = Math.round(scaled);
  return { scaled, nearest, onGrid: Math.abs(scaled - nearest) <= ON_GRID * Math.max(1, Math.abs(scaled)) };
}

/**
 * Safe rounding of a threshold `value`, in whole units of 10^-digits:
 * - `above`: the smallest printed value strictly above it (for "at least P" when the claim
 *   fails at the threshold itself);
 * - `atOrAbove`: the smallest printed value not below it (for "more than P");
 * - `below`: the largest printed value strictly below it (for "at most P");
 * - `atOrBelow`: the largest printed value not above it (for "less than P").
 */
export function safeUnits(
  value: number,
  digits: number,
  side: 'above' | 'atOrAbove' | 'below' | 'atOrBelow',
): number {
  const { scaled, nearest, onGrid } = gridUnits(value, digits);
  switch (side) {
    case 'above':
      return onGrid ? nearest + 1 : Math.ceil(scaled);
    case 'atOrAbove':
      return onGrid ? nearest : Math.ceil(scaled);
    case 'below':
      return onGrid ? nearest - 1 : Math.floor(scaled);
    case 'atOrBelow':
      return onGrid ? nearest : Math.floor(scaled);
  }
}

/** `safeUnits` as percent text: a fraction of 0.0137 rounded `above` at one decimal is "1.4%". */
export function safePercent(
  fraction: number,
  digits: number,
  side: 'above' | 'atOrAbove' | 'below' | 'atOrBelow',
): string {
  return `${unitsText(safeUnits(fraction * 100, digits, side), digits)}%`;
}
