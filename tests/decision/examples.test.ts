/**
 * Published worked examples, reproduced to three decimals. Each cites where its numbers come from.
 */
import { describe, expect, it } from 'vitest';
import { ahp, rank, rankOrderCentroid, weightedSum } from '@shared/decision';

const to3 = (values: number[]) => values.map((v) => Number(v.toFixed(3)));

describe('weighted sum model', () => {
  // Triantaphyllou, E. (2000). Multi-Criteria Decision Making Methods: A Comparative Study.
  // Springer, ch. 2 (the weighted sum model example, also reproduced in Wikipedia's
  // "Weighted sum model" article): criteria weights 0.20, 0.15, 0.40, 0.25;
  // A1 = 21.50, A2 = 22.00, A3 = 22.00, so A2 and A3 tie for first.
  it('reproduces Triantaphyllou (2000), including the tie for first place', () => {
    const weights = [0.2, 0.15, 0.4, 0.25];
    const ratings = [
      [25, 20, 15, 30],
      [10, 30, 20, 30],
      [30, 10, 30, 10],
    ];
    const totals = weightedSum(weights, ratings);
    expect(to3(totals)).toEqual([21.5, 22, 22]);
    const ranking = rank(totals);
    expect(ranking.leaders).toEqual([1, 2]);
    expect(ranking.order.map((entry) => entry.rank)).toEqual([1, 1, 3]);
    expect(Number(ranking.margin.toFixed(3))).toBe(0.5);
  });
});

describe('rank-order centroid weights', () => {
  // Barron, F. H. & Barrett, B. E. (1996). Decision quality using ranked attribute weights.
  // Management Science 42(11), 1515-1523, table of ROC weights.
  it.each([
    [2, [0.75, 0.25]],
    [3, [0.611, 0.278, 0.111]],
    [4, [0.521, 0.271, 0.146, 0.063]],
    [5, [0.457, 0.257, 0.157, 0.09, 0.04]],
  ])('reproduces Barron & Barrett (1996) for n = %i', (n, expected) => {
    expect(to3(rankOrderCentroid(n))).toEqual(expected);
  });
});

describe('analytic hierarchy process', () => {
  // Saaty, T. L. (1980). The Analytic Hierarchy Process. McGraw-Hill: the classic three-criterion
  // example (3 : 5 : 3 judgments) found in most AHP texts: weights 0.637, 0.258, 0.105,
  // lambda max 3.039, CR 0.033 with the random index 0.58.
  it('reproduces the classic 3 x 3 example', () => {
    const result = ahp([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    expect(to3(result.weights)).toEqual([0.637, 0.258, 0.105]);
    expect(Number(result.lambdaMax.toFixed(3))).toBe(3.039);
    expect(Number(result.cr.toFixed(3))).toBe(0.033);
  });
});
