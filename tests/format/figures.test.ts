/**
 * Printed figures agree with each other: parts of a whole add up to their printed total, printed
 * contributions add up to the printed score, a printed lead is the difference of the printed
 * scores, and a safely rounded threshold lies on the side its sentence claims.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalize } from '@shared/decision';
import {
  formatLead,
  formatPercent,
  formatPositivePoints,
  formatScore,
  largestRemainder,
  safeUnits,
  scoreFigures,
  unitsText,
  weightPercents,
  weightTotal,
} from '@shared/format/figures';

/** A printed figure back to whole units of its last digit ("100.0%" at one digit is 1000). */
const units = (text: string, digits: number) => Math.round(Number(text.replace('%', '')) * 10 ** digits);

const weightsArb = fc
  .array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 40 })
  .filter((w) => w.some((v) => v > 0))
  .map((w) => normalize(w));

const contributionsArb = fc
  .record({ candidates: fc.integer({ min: 2, max: 8 }), criteria: fc.integer({ min: 3, max: 40 }) })
  .chain(({ candidates, criteria }) =>
    fc.record({
      weights: fc
        .array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: criteria, maxLength: criteria })
        .filter((w) => w.some((v) => v > 1e-6)),
      ratings: fc.array(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: criteria, maxLength: criteria }),
        {
          minLength: candidates,
          maxLength: candidates,
        },
      ),
    }),
  )
  .map(({ weights, ratings }) => {
    const w = normalize(weights);
    return ratings.map((row) => row.map((r, k) => r * (w[k] ?? 0)));
  });

describe('parts of a whole', () => {
  it('weights that print as 100.1% today add up to exactly 100.0%', () => {
    // Seven equal weights: 14.3% each, which add up to 100.1% when rounded one by one.
    const weights = normalize([1, 1, 1, 1, 1, 1, 1]);
    const naive = weights.map((w) => Number((w * 100).toFixed(1))).reduce((a, b) => a + b, 0);
    expect(naive.toFixed(1)).not.toBe('100.0');
    const printed = weightPercents(weights);
    expect(printed.reduce((sum, p) => sum + units(p, 1), 0)).toBe(1000);
    expect(weightTotal(weights)).toBe('100.0%');
  });

  it('rounded parts always sum to the printed total, and each is within one unit of its value', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 3 }), (weights, digits) => {
        const printed = weightPercents(weights, digits);
        const total = weightTotal(weights, digits);
        expect(printed.reduce((sum, p) => sum + units(p, digits), 0)).toBe(units(total, digits));
        printed.forEach((p, i) =>
          expect(Math.abs(units(p, digits) - (weights[i] ?? 0) * 100 * 10 ** digits)).toBeLessThan(1 + 1e-6),
        );
      }),
    );
  });

  it('largest remainder keeps the order of the values: a larger one never prints smaller', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 40 }),
        (values) => {
          const printed = largestRemainder(values, 2);
          for (let i = 0; i < values.length; i++)
            for (let j = 0; j < values.length; j++)
              if ((values[i] ?? 0) > (values[j] ?? 0))
                expect(printed[i] ?? 0).toBeGreaterThanOrEqual(printed[j] ?? 0);
          printed.forEach((p, i) => expect(Math.abs(p - (values[i] ?? 0) * 100)).toBeLessThan(1 + 1e-6));
        },
      ),
    );
    // Two advantages a hair apart print in their order, never 0.24 before 0.25.
    expect(largestRemainder([0.2449, 0.2451, -0.4], 2)).toEqual([24, 25, -40]);
  });

  it('largest remainder reaches any given total', () => {
    expect(largestRemainder([0.333, 0.333, 0.334], 2, 100)).toEqual([33, 33, 34]);
    expect(largestRemainder([1, 1, 1], 0, 5).reduce((a, b) => a + b, 0)).toBe(5);
    expect(largestRemainder([1, 1, 1], 0, 1).reduce((a, b) => a + b, 0)).toBe(1);
  });
});

describe('scores, contributions and the lead', () => {
  it('printed contributions add up to the printed score, and each is within one unit', () => {
    fc.assert(
      fc.property(contributionsArb, (contributions) => {
        const figures = scoreFigures(contributions);
        contributions.forEach((row, c) => {
          const printed = figures.contributions[c] ?? [];
          expect(printed.reduce((sum, p) => sum + units(p, 2), 0)).toBe(units(figures.totals[c] ?? '', 2));
          expect(figures.totals[c]).toBe(formatScore(row.reduce((a, b) => a + b, 0)));
          printed.forEach((p, k) =>
            expect(Math.abs(units(p, 2) - (row[k] ?? 0) * 100)).toBeLessThan(1 + 1e-6),
          );
        });
      }),
    );
  });

  it('the printed lead is the difference of the printed scores (3.88 and 3.65 lead by 0.23, not 0.22)', () => {
    expect(formatScore(3.8849)).toBe('3.88');
    expect(formatScore(3.6541)).toBe('3.65');
    expect(formatLead(3.8849, 3.6541)).toBe('0.23');
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (a, b) => {
          const [high, low] = a >= b ? [a, b] : [b, a];
          const lead = formatLead(high, low);
          const difference = units(formatScore(high), 2) - units(formatScore(low), 2);
          if (difference > 0) expect(units(lead, 2)).toBe(difference);
          else expect(lead).toBe(high > low ? 'less than 0.01' : '0.00');
        },
      ),
    );
  });

  it('a positive amount never prints as zero', () => {
    expect(formatPositivePoints(0.004)).toBe('less than 0.01');
    expect(formatPositivePoints(0.2)).toBe('0.20');
    expect(formatPercent(0.0137)).toBe('1.4%');
    expect(unitsText(-5, 2)).toBe('-0.05');
  });
});

describe('safe rounding', () => {
  it('rounds 1.37 to 1.4 strictly above, 1.3 at or below', () => {
    expect(safeUnits(1.37, 1, 'above')).toBe(14);
    expect(safeUnits(1.37, 1, 'atOrBelow')).toBe(13);
    // On the grid, "strictly" moves one unit: at exactly 1.3 the two are level, not ahead.
    expect(safeUnits(1.3, 1, 'above')).toBe(14);
    expect(safeUnits(1.3, 1, 'below')).toBe(12);
    expect(safeUnits(1.3, 1, 'atOrAbove')).toBe(13);
  });

  it('always lands on the side it names', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.integer({ min: 0, max: 4 }),
        (value, digits) => {
          const at = (side: Parameters<typeof safeUnits>[2]) => safeUnits(value, digits, side) / 10 ** digits;
          const noise = 1e-9 * Math.max(1, value);
          expect(at('above')).toBeGreaterThan(value - noise);
          expect(at('atOrAbove')).toBeGreaterThanOrEqual(value - noise);
          expect(at('below')).toBeLessThan(value + noise);
          expect(at('atOrBelow')).toBeLessThanOrEqual(value + noise);
          expect(at('above') - value).toBeLessThanOrEqual(10 ** -digits + noise);
        },
      ),
    );
  });
});
