/**
 * A whole ballot from a participant's device: accepted when complete for the session's criteria,
 * counted exactly as the same answer typed into the console, refused (naming the field) when not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SAATY_SCALE } from '@shared/decision';
import type { BallotSubmission } from '@shared/room/schema';
import {
  ActionSchema,
  applyAction,
  apportion,
  ballotOf,
  evaluateWorkshop,
  initialWorkshopState,
  pairKey,
  WorkshopRuleError,
  WorkshopStateSchema,
} from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const ann = '11111111-1111-4111-8111-111111111111';
const ben = '22222222-2222-4222-8222-222222222222';
const people = [
  { id: ann, name: 'Ann' },
  { id: ben, name: 'Ben' },
];

function apply(state: WorkshopState, ...actions: Action[]): WorkshopState {
  return actions.reduce((current, action) => applyAction(current, ActionSchema.parse(action)), state);
}

const submit = (ballot: BallotSubmission, participantId = ann): Action =>
  ActionSchema.parse({ type: 'submitBallot', voter: { participantId }, ballot });

/** The session's criteria, with `extra` custom ones added. */
function withCriteria(extra: number): WorkshopState {
  const adds: Action[] = Array.from({ length: extra }, (_, i) => ({
    type: 'addCriterion',
    id: `custom-${i}`,
    name: `Custom ${i}`,
    description: '',
  }));
  return apply(initialWorkshopState(), ...adds);
}

const pairsOf = (ids: readonly string[]) =>
  ids.flatMap((a, i) => ids.slice(i + 1).map((b) => [a, b] as const));

/** A complete ballot for `ids` in any of the four methods. */
function ballotArb(ids: readonly string[]): fc.Arbitrary<BallotSubmission> {
  const values = (min: number, max: number) =>
    fc.array(fc.integer({ min, max }), { minLength: ids.length, maxLength: ids.length });
  const direct = values(0, 10)
    .filter((scores) => scores.some((v) => v > 0))
    .map((scores): BallotSubmission => ({
      method: 'direct',
      direct: Object.fromEntries(ids.map((id, i) => [id, scores[i] ?? 0])),
    }));
  const points = values(0, 20).map((weights): BallotSubmission => {
    const shares = apportion(weights, 100);
    return { method: 'points', points: Object.fromEntries(ids.map((id, i) => [id, shares[i] ?? 0])) };
  });
  const rank = fc
    .shuffledSubarray([...ids], { minLength: ids.length, maxLength: ids.length })
    .map((ranking): BallotSubmission => ({ method: 'rank', ranking }));
  const pairs = pairsOf(ids);
  const pairwise = fc
    .array(fc.constantFrom(...SAATY_SCALE), { minLength: pairs.length, maxLength: pairs.length })
    .map((judgments): BallotSubmission => ({
      method: 'pairwise',
      pairwise: Object.fromEntries(pairs.map(([a, b], i) => [pairKey(a, b).key, judgments[i] ?? 1])),
    }));
  return fc.oneof(direct, points, rank, pairwise);
}

/** The same answer as the facilitator types it into the console, one control at a time. */
function typedIntoConsole(ids: readonly string[], ballot: BallotSubmission, participantId: string): Action[] {
  const method: Action = { type: 'setMethod', participantId, method: ballot.method };
  const vote: Action = { type: 'castVote', participantId };
  switch (ballot.method) {
    case 'direct':
      return [
        method,
        ...ids.map((criterionId): Action => ({
          type: 'setDirect',
          participantId,
          criterionId,
          value: ballot.direct[criterionId] ?? 0,
        })),
        vote,
      ];
    case 'points':
      // Each value typed stays as typed; the last criterion takes what is left of the 100.
      return [
        method,
        ...ids.slice(0, -1).map((criterionId): Action => ({
          type: 'setPoints',
          participantId,
          criterionId,
          value: ballot.points[criterionId] ?? 0,
        })),
        vote,
      ];
    case 'rank': {
      const order = [...ids];
      const moves: Action[] = [];
      ballot.ranking.forEach((criterionId, target) => {
        for (let at = order.indexOf(criterionId); at > target; at--) {
          [order[at - 1], order[at]] = [order[at]!, order[at - 1]!];
          moves.push({ type: 'moveRank', participantId, criterionId, offset: -1 });
        }
      });
      return [method, ...moves, vote];
    }
    case 'pairwise':
      return [
        method,
        // "a|b" holds how much more a matters than b: typed as that comparison.
        ...Object.entries(ballot.pairwise).map(([key, value]): Action => {
          const [a = '', b = ''] = key.split('|');
          return { type: 'setJudgment', participantId, a, b, value };
        }),
        vote,
      ];
  }
}

describe('a ballot from a device', () => {
  it('is accepted whole for any criteria, and weighs exactly as the same answer typed in the console', () => {
    const setup = fc.integer({ min: 0, max: 3 }).chain((extra) => {
      const state = withCriteria(extra);
      const ids = state.criteria.map((c) => c.id);
      return fc.tuple(fc.constant(state), ballotArb(ids));
    });
    fc.assert(
      fc.property(setup, ([state, ballot]) => {
        const ids = state.criteria.map((c) => c.id);
        const fromDevice = apply(state, submit(ballot));
        const fromConsole = apply(state, ...typedIntoConsole(ids, ballot, ann));
        // A stored document the store reads back unchanged.
        const stored = JSON.parse(JSON.stringify(fromDevice)) as unknown;
        expect(WorkshopStateSchema.parse(stored)).toEqual(stored);
        expect(ballotOf(fromDevice, ann)).toBe('voted');
        expect(fromDevice.rounds[0]?.inputs[ann]?.method).toBe(ballot.method);
        const device = evaluateWorkshop(fromDevice, people);
        const typed = evaluateWorkshop(fromConsole, people);
        expect(device.counted.map((p) => p.id)).toEqual(typed.counted.map((p) => p.id));
        expect(device.ballots).toEqual(typed.ballots);
        device.evaluation.weights.forEach((w, i) =>
          expect(w).toBeCloseTo(typed.evaluation.weights[i] ?? NaN, 9),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('replaces the voter’s earlier ballot, keeps their other methods’ answers, and makes an abstainer a voter', () => {
    const state = apply(
      initialWorkshopState(),
      { type: 'setDirect', participantId: ann, criterionId: 'security', value: 3 },
      { type: 'abstain', participantId: ann },
    );
    const ids = state.criteria.map((c) => c.id);
    const next = apply(state, submit({ method: 'rank', ranking: [...ids].reverse() }));
    expect(ballotOf(next, ann)).toBe('voted');
    const inputs = next.rounds[0]?.inputs[ann];
    expect(inputs?.method).toBe('rank');
    expect(inputs?.ranking).toEqual([...ids].reverse());
    expect(inputs?.direct['security']).toBe(3);
    // Ben, who sent nothing, has still not voted.
    expect(ballotOf(next, ben)).toBe('notYet');
  });

  it('counts in the current round only, leaving earlier rounds as they were', () => {
    const ids = initialWorkshopState().criteria.map((c) => c.id);
    const direct = Object.fromEntries(ids.map((id) => [id, 5]));
    const state = apply(initialWorkshopState(), submit({ method: 'direct', direct }), { type: 'startRound' });
    const next = apply(state, submit({ method: 'rank', ranking: ids }));
    expect(next.rounds[0]).toEqual(state.rounds[0]);
    expect(ballotOf(next, ann)).toBe('voted');
  });

  it('judges a new pairwise ballot afresh: an earlier "count anyway" does not carry over', () => {
    const ids = initialWorkshopState().criteria.map((c) => c.id);
    const pairwise = Object.fromEntries(pairsOf(ids).map(([a, b]) => [pairKey(a, b).key, 1]));
    const state = apply(initialWorkshopState(), submit({ method: 'pairwise', pairwise }), {
      type: 'includeInconsistent',
      participantId: ann,
      include: true,
    });
    const next = apply(state, submit({ method: 'pairwise', pairwise }));
    expect(next.rounds[0]?.includeInconsistent[ann]).toBeUndefined();
  });
});

describe('a ballot that is not complete is refused, naming the field, and changes nothing', () => {
  const state = initialWorkshopState();
  const ids = state.criteria.map((c) => c.id);
  const [first, second] = ids as [string, string];
  const firstName = state.criteria[0]?.name ?? '';
  const all = <T>(value: T) => Object.fromEntries(ids.map((id) => [id, value]));
  const without = <T>(record: Record<string, T>, key: string) =>
    Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
  const pairwise = Object.fromEntries(pairsOf(ids).map(([a, b]) => [pairKey(a, b).key, 3]));
  const firstPair = pairKey(first, second).key;
  const evenPoints = Object.fromEntries(
    ids.map((id, i) => [
      id,
      apportion(
        ids.map(() => 1),
        100,
      )[i] ?? 0,
    ]),
  );

  const refused: Array<[string, BallotSubmission, string, RegExp]> = [
    [
      'a slider left out',
      { method: 'direct', direct: without(all(5), first) },
      `ballot.direct.${first}`,
      new RegExp(firstName),
    ],
    [
      'a slider for a criterion the session lacks',
      { method: 'direct', direct: { ...all(5), 'made-up': 4 } },
      'ballot.direct.made-up',
      /does not have/,
    ],
    ['every slider at 0', { method: 'direct', direct: all(0) }, 'ballot.direct', /above 0/],
    [
      'points not adding up to 100',
      { method: 'points', points: { ...evenPoints, [first]: (evenPoints[first] ?? 0) + 1 } },
      'ballot.points',
      /add up to 101/,
    ],
    [
      'points left out',
      { method: 'points', points: without(evenPoints, first) },
      `ballot.points.${first}`,
      new RegExp(firstName),
    ],
    [
      'points for a criterion the session lacks',
      { method: 'points', points: { ...evenPoints, 'made-up': 0 } },
      'ballot.points.made-up',
      /does not have/,
    ],
    [
      'a ranking that leaves one out',
      { method: 'rank', ranking: ids.slice(1) },
      'ballot.ranking',
      new RegExp(`leaves out ${firstName}`),
    ],
    [
      'a ranking that lists one twice',
      { method: 'rank', ranking: [first, ...ids.slice(0, -1)] },
      'ballot.ranking.1',
      /twice/,
    ],
    [
      'a ranking with a criterion the session lacks',
      { method: 'rank', ranking: [...ids.slice(1), 'made-up'] },
      `ballot.ranking.${ids.length - 1}`,
      /does not have/,
    ],
    [
      'a pair not compared',
      { method: 'pairwise', pairwise: without(pairwise, firstPair) },
      `ballot.pairwise.${firstPair}`,
      /does not compare/,
    ],
    [
      'a pair the session lacks',
      { method: 'pairwise', pairwise: { ...pairwise, 'made-up|security': 3 } },
      'ballot.pairwise.made-up|security',
      /does not have/,
    ],
    [
      'a pair out of order',
      { method: 'pairwise', pairwise: { ...without(pairwise, firstPair), [`${second}|${first}`]: 3 } },
      `ballot.pairwise.${firstPair}`,
      /does not compare/,
    ],
  ];

  it.each(refused)('%s', (_, ballot, field, message) => {
    const action = submit(ballot);
    let thrown: unknown;
    try {
      applyAction(state, action);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(WorkshopRuleError);
    expect((thrown as WorkshopRuleError).field).toBe(field);
    expect((thrown as WorkshopRuleError).message).toMatch(message);
    expect(state).toEqual(initialWorkshopState());
  });

  it('refuses a ballot for an observer', () => {
    const watching = apply(state, { type: 'setRole', participantId: ann, role: 'observer' });
    expect(() => applyAction(watching, submit({ method: 'rank', ranking: ids }))).toThrow(
      expect.objectContaining({ name: 'WorkshopRuleError', field: 'voter.participantId' }),
    );
  });

  it('refuses a ballot with no voter, or a method the room does not know', () => {
    const base = { type: 'submitBallot', ballot: { method: 'rank', ranking: ids } };
    expect(ActionSchema.safeParse(base).success).toBe(false);
    expect(ActionSchema.safeParse({ ...base, voter: { participantId: 'not-an-id' } }).success).toBe(false);
    expect(
      ActionSchema.safeParse({
        ...base,
        voter: { participantId: ann },
        ballot: { method: 'vibes', ranking: ids },
      }).success,
    ).toBe(false);
  });
});
