/**
 * The smallest change of ratings that flips the leader is minimal (checked against a brute-force
 * search over every rating matrix of small models) and really flips: applied, it puts the named
 * challenger strictly ahead of the old leader.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRatingSteps,
  describeRatingFlip,
  normalize,
  rank,
  RATING_SCALE,
  sameScore,
  smallestRatingFlip,
  weightedSum,
} from '@shared/decision';

const strictlyBehind = (totals: readonly number[], leader: number) =>
  totals.some((t, c) => c !== leader && t > (totals[leader] ?? 0) && !sameScore(t, totals[leader] ?? 0));

/** Fewest one-point steps to any matrix on the scale where someone is strictly ahead of `leader`. */
function bruteForce(
  weights: readonly number[],
  ratings: readonly (readonly number[])[],
  leader: number,
): number | null {
  const cells = ratings.flat();
  const columns = ratings[0]?.length ?? 0;
  const span = RATING_SCALE.max - RATING_SCALE.min + 1;
  let best: number | null = null;
  const values = cells.map((): number => RATING_SCALE.min);
  for (let index = 0; index < span ** cells.length; index++) {
    let rest = index;
    for (let i = 0; i < cells.length; i++) {
      values[i] = RATING_SCALE.min + (rest % span);
      rest = Math.floor(rest / span);
    }
    const cost = values.reduce((sum, v, i) => sum + Math.abs(v - (cells[i] ?? 0)), 0);
    if (best !== null && cost >= best) continue;
    const matrix = ratings.map((_, c) => values.slice(c * columns, (c + 1) * columns));
    if (strictlyBehind(weightedSum(weights, matrix), leader)) best = cost;
  }
  return best;
}

const smallModel = (candidates: number, criteria: number) =>
  fc.record({
    weights: fc
      .array(fc.integer({ min: 0, max: 10 }), { minLength: criteria, maxLength: criteria })
      .filter((w) => w.some((v) => v > 0)),
    ratings: fc.array(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: criteria, maxLength: criteria }),
      {
        minLength: candidates,
        maxLength: candidates,
      },
    ),
  });

describe('the smallest change of ratings that flips the leader', () => {
  it('says which points would have to change, in words', () => {
    // Django leads 4.1 to 3.9 on Security (weight 0.5), Learning curve (0.3) and Speed (0.2).
    const weights = [0.5, 0.3, 0.2];
    const ratings = [
      [4, 5, 3],
      [4, 4, 4],
    ];
    const flip = smallestRatingFlip(weights, ratings);
    expect(flip).toMatchObject({ leader: 0, challenger: 1, steps: 1 });
    expect(
      describeRatingFlip(flip, {
        criteria: ['Security', 'Learning curve', 'Speed'],
        candidates: ['Django', 'Node.js'],
      }),
    ).toBe('One more point for Node.js on Security (4 to 5) would put Node.js ahead of Django.');
  });

  it('combines steps on both candidates when one is not enough', () => {
    const weights = [0.5, 0.5, 0];
    const ratings = [
      [5, 5, 1],
      [4, 4, 5],
    ];
    // Node.js is 1 point behind and each step gains 0.5: two steps only draw level, the third flips.
    const flip = smallestRatingFlip(weights, ratings);
    expect(flip?.steps).toBe(3);
    const text = describeRatingFlip(flip, {
      criteria: ['Security', 'Learning curve', 'Cost'],
      candidates: ['Django', 'Node.js'],
    });
    expect(text).toBe(
      'One more point for Node.js on Security (4 to 5) and two fewer for Django on Security (5 to 3) would put Node.js ahead of Django.',
    );
  });

  it('is null when first place is tied', () => {
    expect(
      smallestRatingFlip(
        [0.5, 0.5],
        [
          [4, 2],
          [2, 4],
        ],
      ),
    ).toBeNull();
  });

  it('is minimal: no change with fewer one-point steps flips the leader (2 candidates, 3 criteria)', () => {
    fc.assert(
      fc.property(smallModel(2, 3), ({ weights, ratings }) => {
        const ranking = rank(weightedSum(normalize(weights), ratings));
        fc.pre(ranking.leaders.length === 1);
        const flip = smallestRatingFlip(weights, ratings);
        expect(flip?.steps ?? null).toBe(bruteForce(normalize(weights), ratings, ranking.leaders[0] ?? 0));
      }),
      { numRuns: 60 },
    );
  });

  it('is minimal with three candidates, where any challenger may overtake (3 candidates, 2 criteria)', () => {
    fc.assert(
      fc.property(smallModel(3, 2), ({ weights, ratings }) => {
        const ranking = rank(weightedSum(normalize(weights), ratings));
        fc.pre(ranking.leaders.length === 1);
        const flip = smallestRatingFlip(weights, ratings);
        expect(flip?.steps ?? null).toBe(bruteForce(normalize(weights), ratings, ranking.leaders[0] ?? 0));
      }),
      { numRuns: 60 },
    );
  });

  it('applied, really puts the named challenger strictly ahead, with ratings on the scale', () => {
    fc.assert(
      fc.property(
        fc
          .record({ candidates: fc.integer({ min: 2, max: 8 }), criteria: fc.integer({ min: 3, max: 40 }) })
          .chain(({ candidates, criteria }) => smallModel(candidates, criteria)),
        ({ weights, ratings }) => {
          const w = normalize(weights);
          const flip = smallestRatingFlip(w, ratings);
          const before = rank(weightedSum(w, ratings));
          if (before.leaders.length !== 1) {
            expect(flip).toBeNull();
            return;
          }
          expect(flip).not.toBeNull();
          if (!flip) return;
          expect(flip.leader).toBe(before.leaders[0]);
          const changed = applyRatingSteps(ratings, flip.changes);
          changed.flat().forEach((r) => {
            expect(r).toBeGreaterThanOrEqual(RATING_SCALE.min);
            expect(r).toBeLessThanOrEqual(RATING_SCALE.max);
          });
          const after = weightedSum(w, changed);
          const lead = (after[flip.challenger] ?? 0) - (after[flip.leader] ?? 0);
          expect(lead).toBeGreaterThan(0);
          expect(sameScore(after[flip.challenger] ?? 0, after[flip.leader] ?? 0)).toBe(false);
          expect(rank(after).leaders).toEqual(flip.leadersAfter);
          expect(flip.leadersAfter).not.toContain(flip.leader);
          // Steps are whole points, counted once each.
          expect(flip.changes.reduce((sum, c) => sum + Math.abs(c.to - c.from), 0)).toBe(flip.steps);
        },
      ),
    );
  });
});
