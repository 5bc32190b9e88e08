/**
 * The room's weights on their own (`workshopRoomWeights`, what the geometric mean's "zero
 * everywhere" check asks for) are those of the whole evaluation, and fail exactly when it fails,
 * with the same error. Rounds of random inputs, many of them zeros, under every aggregation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DecisionInputError } from '@shared/decision';
import { evaluateWorkshop, initialWorkshopState } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import { workshopRoomWeights } from '@shared/workshop/evaluate';

const PEOPLE = [
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '33333333-3333-4333-8333-333333333333',
].map((id) => ({ id, name: id }));

const criteria = initialWorkshopState().criteria.map((c) => c.id);

type Voter = {
  method: 'direct' | 'points' | 'rank' | 'pairwise';
  ballot: 'voted' | 'abstained' | null;
  values: number[];
  judgment: number;
};

// Mostly voters who voted by sliders or points, so rounds where the geometric mean has nothing
// left (every criterion a zero from someone) come up often.
const voter: fc.Arbitrary<Voter> = fc.record({
  method: fc.constantFrom<Voter['method']>('direct', 'direct', 'direct', 'points', 'rank', 'pairwise'),
  ballot: fc.constantFrom<Voter['ballot']>(...Array<Voter['ballot']>(8).fill('voted'), 'abstained', null),
  values: fc.array(fc.constantFrom(0, 0, 0, 1, 5), {
    minLength: criteria.length,
    maxLength: criteria.length,
  }),
  judgment: fc.constantFrom(1, 3, 1 / 5, 9),
});

function stateOf(aggregation: WorkshopState['aggregation'], voters: readonly Voter[]): WorkshopState {
  const state = initialWorkshopState();
  const [round] = state.rounds;
  if (!round) throw new Error('A new workshop has a round.');
  voters.forEach((v, i) => {
    const id = PEOPLE[i]?.id ?? '';
    const values = (scale: number) =>
      Object.fromEntries(criteria.map((c, k) => [c, (v.values[k] ?? 0) * scale]));
    round.inputs[id] = {
      method: v.method,
      direct: values(1),
      points: values(10),
      ranking: [...criteria].reverse(),
      pairwise: { 'performance|security': v.judgment },
      pointsSet: [],
    };
    if (v.ballot) round.votes[id] = v.ballot;
  });
  return { ...state, aggregation };
}

const outcome = (work: () => number[]) => {
  try {
    return { weights: work() };
  } catch (error) {
    if (!(error instanceof DecisionInputError)) throw error;
    return { code: error.code, message: error.message };
  }
};

describe('the room’s weights on their own', () => {
  it('are the whole evaluation’s, and fail when it fails, with its error', () => {
    let empty = 0;
    fc.assert(
      fc.property(
        fc.constantFrom<WorkshopState['aggregation']>('geometric', 'geometric', 'mean', 'median'),
        fc.array(voter, { minLength: 2, maxLength: PEOPLE.length }),
        (aggregation, voters) => {
          const state = stateOf(aggregation, voters);
          const whole = outcome(() => evaluateWorkshop(state, PEOPLE).evaluation.weights);
          expect(outcome(() => workshopRoomWeights(state, PEOPLE))).toEqual(whole);
          if ('code' in whole && whole.code === 'all_zero') empty++;
        },
      ),
      { numRuns: 400 },
    );
    expect(empty).toBeGreaterThan(5);
  });
});
