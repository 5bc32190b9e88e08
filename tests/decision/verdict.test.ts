/**
 * What the verdict says is true: reasons argue (ordered by advantage over the runner-up), flip
 * thresholds are printed on the safe side, each voter's own answer is counted, and confidence is
 * never claimed from votes nobody cast.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_RULE,
  contributions,
  describeFlip,
  describeOwnAnswers,
  flipPointDetails,
  normalize,
  ownAnswers,
  rank,
  recommend,
  sameScore,
  weightedSum,
  withWeight,
} from '@shared/decision';
import { weightPercents } from '@shared/format/figures';

const problemArb = fc
  .record({ candidates: fc.integer({ min: 2, max: 8 }), criteria: fc.integer({ min: 3, max: 12 }) })
  .chain(({ candidates, criteria }) =>
    fc.record({
      weights: fc
        .array(fc.integer({ min: 0, max: 100 }), { minLength: criteria, maxLength: criteria })
        .filter((w) => w.some((v) => v > 0)),
      ratings: fc.array(
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: criteria, maxLength: criteria }),
        {
          minLength: candidates,
          maxLength: candidates,
        },
      ),
    }),
  );

describe('reasons that argue', () => {
  it('put first the criterion of largest advantage, not the leader’s largest contribution', () => {
    // Django's biggest contribution is Security (0.5 x 4 = 2.0), where Node.js scores more.
    const rec = recommend(
      [0.5, 0.3, 0.2],
      [
        [4, 5, 5],
        [5, 2, 3],
      ],
    );
    expect(rec.leader).toBe(0);
    expect(rec.reasons.map((r) => r.criterion)).toEqual([1, 2]);
    expect(rec.reasons[0]?.advantage).toBeCloseTo(0.9, 12);
    expect(rec.strongerForRunnerUp.map((r) => r.criterion)).toEqual([0]);
    expect(rec.strongerForRunnerUp[0]?.advantage).toBeCloseTo(0.5, 12);
  });

  it('are exactly the criteria with a positive advantage, largest first; the others argue for the runner-up', () => {
    fc.assert(
      fc.property(problemArb, ({ weights, ratings }) => {
        const rec = recommend(weights, ratings);
        if (!rec.compared) {
          expect(rec.reasons).toEqual([]);
          return;
        }
        const { first, second } = rec.compared;
        if (rec.leader !== null) {
          expect(first).toBe(rec.leader);
          expect(second).toBe(rec.runnerUp);
        }
        const parts = contributions(normalize(weights), ratings);
        const advantage = (k: number) => (parts[first]?.[k] ?? 0) - (parts[second]?.[k] ?? 0);
        const criteria = weights.map((_, k) => k);
        expect(rec.reasons.map((r) => r.criterion).sort((a, b) => a - b)).toEqual(
          criteria.filter((k) => advantage(k) > 0),
        );
        expect(rec.strongerForRunnerUp.map((r) => r.criterion).sort((a, b) => a - b)).toEqual(
          criteria.filter((k) => advantage(k) < 0),
        );
        // A criterion where the leader scores less never appears among its reasons.
        for (const r of rec.reasons) {
          expect(ratings[first]?.[r.criterion] ?? 0).toBeGreaterThan(ratings[second]?.[r.criterion] ?? 0);
          expect(r.advantage).toBeCloseTo(advantage(r.criterion), 12);
        }
        for (const list of [rec.reasons, rec.strongerForRunnerUp]) {
          list.forEach((r, i) => {
            if (i > 0) expect(r.advantage).toBeLessThanOrEqual(list[i - 1]?.advantage ?? Infinity);
          });
        }
      }),
    );
  });
});

/** The numbers a flip sentence prints, in order, as fractions. */
const printed = (sentence: string) =>
  [...sentence.matchAll(/(\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]) / 100);

describe('safe thresholds', () => {
  it('print 1.37% as "less than 1.4%", never "less than 1%"', () => {
    // Django 5 vs Node.js 3 on Security; on the rest 3.3 against 3.
    const ratings = [
      [5, 3.3],
      [3, 4],
    ];
    // 5t + 3.3(1-t) = 3t + 4(1-t)  =>  t = 0.7 / 2.7 = 25.93%
    const weights = [0.4, 0.6];
    const [security] = flipPointDetails(weights, ratings);
    expect(security?.weight).toBeCloseTo(0.7 / 2.7, 12);
    expect(
      describeFlip(security!, 0.4, { criteria: ['Security', 'Speed'], candidates: ['Django', 'Node.js'] }),
    ).toBe('Node.js overtakes Django only if Security carries less than 26.0% of the weight (now 40.0%).');
    const close = flipPointDetails(
      [0.02, 0.98],
      [
        [5, 3],
        [1, 3.06],
      ],
    )[0];
    // 5t + 3(1-t) = t + 3.06(1-t)  =>  t = 0.06 / 4.06 = 1.478%, nearly the current 2%
    expect(
      describeFlip(close!, 0.02, { criteria: ['Security', 'Speed'], candidates: ['Django', 'Node.js'] }),
    ).toBe('Node.js overtakes Django only if Security carries less than 1.5% of the weight (now 2.0%).');
  });

  it('adds decimals until the threshold differs from the current weight', () => {
    const weights = [0.2028, 0.7972];
    // Crossing at 20.26%: one decimal would print "less than 20.3% (now 20.3%)".
    const t = 0.2026;
    const ratings = [
      [5, 3 - (2 * t) / (1 - t) + 0.0001],
      [3, 3],
    ];
    const flip = flipPointDetails(weights, ratings)[0];
    const sentence = describeFlip(flip!, weights[0] ?? 0, {
      criteria: ['Security', 'Speed'],
      candidates: ['Django', 'Node.js'],
    });
    expect(sentence).toContain('less than 20.26% of the weight (now 20.28%)');
  });

  it('the sentence stays true for every weight on the side it describes', () => {
    fc.assert(
      fc.property(
        problemArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 8, maxLength: 8 }),
        ({ weights, ratings }, samples) => {
          const w = normalize(weights);
          const totals = weightedSum(w, ratings);
          const before = rank(totals);
          fc.pre(before.leaders.length === 1);
          const leader = before.leaders[0] ?? 0;
          const shown = weightPercents(w);
          // Never overtaken; strictly ahead inside 0-100%: near an edge a rival may draw level (within
          // the tie tolerance), as a crossing at 0% or 100% only draws level.
          const aheadAt = (k: number, t: number) => {
            const after = weightedSum(withWeight(w, k, t), ratings);
            const own = after[leader] ?? 0;
            const edge = t <= 1e-6 || t >= 1 - 1e-6;
            return after.every(
              (v, c) =>
                c === leader || (edge ? own >= v || sameScore(own, v) : own > v && !sameScore(own, v)),
            );
          };
          for (const flip of flipPointDetails(w, ratings)) {
            const k = flip.criterion;
            const sentence = describeFlip(
              flip,
              w[k] ?? 0,
              { criteria: weights.map((_, i) => `C${i}`), candidates: ratings.map((_, c) => `S${c}`) },
              shown[k],
            );
            const numbers = printed(sentence);
            if (flip.weight === null) {
              expect(sentence).toContain('whatever weight');
              continue;
            }
            if (sentence.includes('draws level')) continue;
            // The printed thresholds never read as 0% or 100%, nor as the current weight.
            const threshold = sentence.includes('between') ? numbers.slice(0, 2) : numbers.slice(0, 1);
            for (const value of threshold) {
              expect(value).toBeGreaterThan(0);
              expect(value).toBeLessThan(1);
              expect(`${(value * 100).toFixed(10)}`).not.toBe(
                `${Number((shown[k] ?? '').replace('%', '')).toFixed(10)}`,
              );
            }
            // "only if less than P": the leader is strictly ahead everywhere from P up to the
            // current weight and beyond; likewise for "more than P" and "between".
            let low = 0;
            let high = 1;
            if (sentence.includes('between')) [low, high] = [threshold[0] ?? 0, threshold[1] ?? 1];
            else if (sentence.includes('less than')) low = threshold[0] ?? 0;
            else high = threshold[0] ?? 1;
            expect(low).toBeLessThanOrEqual(w[k] ?? 0);
            expect(high).toBeGreaterThanOrEqual(w[k] ?? 0);
            for (const s of [0, 1, ...samples])
              expect(aheadAt(k, low + s * (high - low)), `${sentence} at ${low + s * (high - low)}`).toBe(
                true,
              );
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('each person’s own answer', () => {
  const ratings = [
    [5, 2],
    [2, 5],
  ];
  it('counts whose own weights pick whom, names them unless anonymous, and reports ties as ties', () => {
    const groups = ownAnswers(
      [
        [0.8, 0.2],
        [0.7, 0.3],
        [0.1, 0.9],
        [0.5, 0.5],
      ],
      ratings,
    );
    expect(groups).toEqual([
      { winners: [0], voters: [0, 1] },
      { winners: [1], voters: [2] },
      { winners: [0, 1], voters: [3] },
    ]);
    const candidates = ['Django', 'Node.js'];
    expect(describeOwnAnswers(groups, { candidates, voters: ['Priya', 'Marek', 'Tomasz', 'Ana'] })).toBe(
      '2 of 4 voters’ own weights pick Django: Priya and Marek; 1 picks Node.js: Tomasz; 1 ties Django and Node.js: Ana.',
    );
    expect(describeOwnAnswers(groups, { candidates, voters: null })).toBe(
      '2 of 4 voters’ own weights pick Django, 1 picks Node.js, 1 ties Django and Node.js.',
    );
  });

  it('says so when everyone agrees, when one voter counts, and when no one does', () => {
    const candidates = ['Django', 'Node.js'];
    expect(
      describeOwnAnswers(
        ownAnswers(
          [
            [0.9, 0.1],
            [0.6, 0.4],
          ],
          ratings,
        ),
        { candidates, voters: null },
      ),
    ).toBe('Both voters’ own weights pick Django.');
    expect(describeOwnAnswers(ownAnswers([[0.1, 0.9]], ratings), { candidates, voters: ['Ana'] })).toBe(
      'The one counted voter’s own weights pick Node.js: Ana.',
    );
    expect(describeOwnAnswers([], { candidates, voters: null })).toContain('No voter’s weights count yet');
  });

  it('each group’s answer is what that voter’s weights alone give', () => {
    fc.assert(
      fc.property(
        fc
          .record({
            candidates: fc.integer({ min: 2, max: 6 }),
            criteria: fc.integer({ min: 3, max: 8 }),
            voters: fc.integer({ min: 1, max: 12 }),
          })
          .chain(({ candidates, criteria, voters }) =>
            fc.record({
              people: fc.array(
                fc.array(fc.integer({ min: 1, max: 10 }), { minLength: criteria, maxLength: criteria }),
                { minLength: voters, maxLength: voters },
              ),
              ratings: fc.array(
                fc.array(fc.integer({ min: 1, max: 5 }), { minLength: criteria, maxLength: criteria }),
                { minLength: candidates, maxLength: candidates },
              ),
            }),
          ),
        ({ people, ratings: r }) => {
          const weights = people.map((p) => normalize(p));
          const groups = ownAnswers(weights, r);
          expect(groups.flatMap((g) => g.voters).sort((a, b) => a - b)).toEqual(weights.map((_, i) => i));
          for (const group of groups)
            for (const v of group.voters)
              expect(rank(weightedSum(weights[v] ?? [], r)).leaders).toEqual(group.winners);
        },
      ),
    );
  });
});

describe('confidence claimed only from votes', () => {
  const wide = {
    weights: [0.5, 0.3, 0.2],
    ratings: [
      [5, 5, 4],
      [2, 2, 3],
    ],
  };
  it('with no votes claims none and never says the room agrees', () => {
    const rec = recommend(wide.weights, wide.ratings, [], undefined, 0);
    expect(rec.confidence).toBe('none');
    expect(rec.confidenceReasons.join(' ')).not.toContain('The room agrees');
    expect(rec.confidenceReasons.join(' ')).toContain('No one has voted yet');
  });

  it('with one voter is at most medium and says only one voter counted', () => {
    const rec = recommend(wide.weights, wide.ratings, [], undefined, 1);
    expect(rec.confidence).toBe('medium');
    const text = rec.confidenceReasons.join(' ');
    expect(text).not.toContain('The room agrees');
    expect(text).toContain('Only one voter counted');
  });

  it('with two agreeing voters may be high, and the rule says so', () => {
    expect(recommend(wide.weights, wide.ratings, [], undefined, 2).confidence).toBe('high');
    expect(CONFIDENCE_RULE).toContain('at least two voters counted');
    expect(CONFIDENCE_RULE).toContain('no confidence is claimed');
  });
});
