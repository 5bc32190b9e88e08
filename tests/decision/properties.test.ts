import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregatePairwise,
  ahp,
  flipPointDetails,
  normalize,
  rank,
  rankWeights,
  weightedSum,
  withWeight,
} from '@shared/decision';

/** Non-negative weights with at least one clearly positive. */
const weightsArb = (n: number) =>
  fc
    .array(fc.double({ min: 0, max: 100, noNaN: true, noDefaultInfinity: true }), {
      minLength: n,
      maxLength: n,
    })
    .filter((w) => w.some((v) => v > 1e-6));

/**
 * Weights as the UI produces them (sliders 0-10, 100 points): whole numbers. Sensitivity is only
 * meaningful to the tie tolerance; adversarial doubles such as 99.99999999999993 manufacture
 * near-ties below it, which no facilitator can enter.
 */
const enteredWeightsArb = (n: number) =>
  fc
    .array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n })
    .filter((w) => w.some((v) => v > 0));

const ratingsArb = (candidates: number, criteria: number) =>
  fc.array(fc.array(fc.integer({ min: 1, max: 5 }), { minLength: criteria, maxLength: criteria }), {
    minLength: candidates,
    maxLength: candidates,
  });

const problemArb = fc
  .record({ candidates: fc.integer({ min: 2, max: 8 }), criteria: fc.integer({ min: 3, max: 12 }) })
  .chain(({ candidates, criteria }) =>
    fc.record({ weights: weightsArb(criteria), ratings: ratingsArb(candidates, criteria) }),
  );

const enteredProblemArb = fc
  .record({ candidates: fc.integer({ min: 2, max: 8 }), criteria: fc.integer({ min: 3, max: 12 }) })
  .chain(({ candidates, criteria }) =>
    fc.record({ weights: enteredWeightsArb(criteria), ratings: ratingsArb(candidates, criteria) }),
  );

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('properties', () => {
  it('normalized weights sum to 1 and keep their proportions', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }).chain(weightsArb), (weights) => {
        const normalized = normalize(weights);
        expect(sum(normalized)).toBeCloseTo(1, 12);
        const i = weights.findIndex((w) => w > 1e-6);
        normalized.forEach((w, j) =>
          expect(w * (weights[i] ?? 1)).toBeCloseTo((normalized[i] ?? 0) * (weights[j] ?? 0), 9),
        );
      }),
    );
  });

  it('scaling every weight by the same factor changes no total', () => {
    fc.assert(
      fc.property(
        problemArb,
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        ({ weights, ratings }, factor) => {
          const before = weightedSum(weights, ratings);
          const after = weightedSum(
            weights.map((w) => w * factor),
            ratings,
          );
          after.forEach((total, c) => expect(total).toBeCloseTo(before[c] ?? NaN, 9));
        },
      ),
    );
  });

  it("raising one candidate's rating never lowers its total", () => {
    fc.assert(
      fc.property(
        problemArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        ({ weights, ratings }, c0, k0, raise) => {
          const c = c0 % ratings.length;
          const k = k0 % weights.length;
          const raised = ratings.map((row, i) => row.map((r, j) => (i === c && j === k ? r + raise : r)));
          expect(weightedSum(weights, raised)[c]).toBeGreaterThanOrEqual(
            (weightedSum(weights, ratings)[c] ?? 0) - 1e-12,
          );
        },
      ),
    );
  });

  it('a perfectly consistent pairwise matrix gives CR = 0 and exactly the weights it was built from', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (raw) => {
          const w = normalize(raw);
          const matrix = w.map((wi) => w.map((wj) => wi / wj));
          const result = ahp(matrix);
          expect(result.cr).toBe(0);
          expect(result.ci).toBe(0);
          result.weights.forEach((weight, i) => expect(weight).toBeCloseTo(w[i] ?? NaN, 9));
          expect(result.lambdaMax).toBeCloseTo(w.length, 9);
        },
      ),
    );
  });

  it('a flip point, when applied, really changes the leader', () => {
    fc.assert(
      fc.property(enteredProblemArb, ({ weights, ratings }) => {
        const normalized = normalize(weights);
        const leader = rank(weightedSum(normalized, ratings)).order[0]?.candidate;
        for (const flip of flipPointDetails(normalized, ratings)) {
          if (flip.weight === null) continue;
          const current = normalized[flip.criterion] ?? 0;
          const clamp = (t: number) => Math.min(1, Math.max(0, t));
          // Just past the flip point, on the side where the challenger gains: someone else leads.
          const step = flip.direction === 'above' ? 1e-7 : -1e-7;
          const after = rank(
            weightedSum(withWeight(normalized, flip.criterion, clamp(flip.weight + step)), ratings),
          );
          expect(after.leaders).toContain(flip.challenger);
          expect(after.leaders).not.toContain(leader);
          // Everywhere between the current weight and the flip point, the leader still leads (or shares the lead).
          const between = rank(
            weightedSum(withWeight(normalized, flip.criterion, (current + flip.weight) / 2), ratings),
          );
          expect(between.leaders).toContain(leader);
        }
      }),
    );
  });

  it('a null flip point means no weight from 0 to 1 changes the leader', () => {
    fc.assert(
      fc.property(enteredProblemArb, ({ weights, ratings }) => {
        const normalized = normalize(weights);
        const totals = weightedSum(normalized, ratings);
        const leader = rank(totals).order[0]?.candidate ?? -1;
        for (const flip of flipPointDetails(normalized, ratings)) {
          if (flip.weight !== null) continue;
          for (const t of [0.001, 0.25, 0.5, 0.75, 0.999]) {
            expect(rank(weightedSum(withWeight(normalized, flip.criterion, t), ratings)).leaders).toContain(
              leader,
            );
          }
        }
      }),
    );
  });

  it('flip points stay within 0 to 1 and never become NaN, whatever the weights', () => {
    fc.assert(
      fc.property(problemArb, ({ weights, ratings }) => {
        for (const flip of flipPointDetails(weights, ratings)) {
          if (flip.weight === null) continue;
          expect(flip.weight).toBeGreaterThanOrEqual(0);
          expect(flip.weight).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('combining pairwise matrices by geometric mean keeps them reciprocal', () => {
    const judgment = fc.constantFrom(1 / 9, 1 / 5, 1 / 3, 1, 3, 5, 9);
    const matrixArb = (n: number) =>
      fc.array(judgment, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
        const m = Array.from({ length: n }, () => new Array<number>(n).fill(1));
        let index = 0;
        for (let i = 0; i < n; i++)
          for (let j = i + 1; j < n; j++) {
            const v = upper[index++] ?? 1;
            (m[i] as number[])[j] = v;
            (m[j] as number[])[i] = 1 / v;
          }
        return m;
      });
    fc.assert(
      fc.property(
        fc.integer({ min: 3, max: 7 }).chain((n) => fc.array(matrixArb(n), { minLength: 1, maxLength: 12 })),
        (matrices) => {
          const { matrix, weights, cr } = aggregatePairwise(matrices);
          matrix.forEach((row, i) =>
            row.forEach((v, j) => expect(v * (matrix[j]?.[i] ?? 0)).toBeCloseTo(1, 9)),
          );
          expect(sum(weights)).toBeCloseTo(1, 12);
          expect(Number.isFinite(cr)).toBe(true);
        },
      ),
    );
  });

  it('rank weights sum to 1, follow the ranking, and tied ranks share equally', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 40 }), (ranks) => {
        const weights = rankWeights(ranks);
        expect(sum(weights)).toBeCloseTo(1, 12);
        ranks.forEach((ri, i) =>
          ranks.forEach((rj, j) => {
            if (ri < rj) expect(weights[i]).toBeGreaterThan(weights[j] ?? 1);
            if (ri === rj) expect(weights[i]).toBeCloseTo(weights[j] ?? NaN, 12);
          }),
        );
      }),
    );
  });
});
