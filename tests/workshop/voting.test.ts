import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateWeights, inputWeights } from '@shared/decision';
import {
  ActionSchema,
  applyAction,
  ballotOf,
  currentInputs,
  evaluateWorkshop,
  hiddenView,
  initialWorkshopState,
  presentableView,
  toEngineInput,
  WorkshopStateSchema,
} from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const ann = '11111111-1111-4111-8111-111111111111';
const ben = '22222222-2222-4222-8222-222222222222';
const cid = '33333333-3333-4333-8333-333333333333';
const dee = '44444444-4444-4444-8444-444444444444';
const people = [
  { id: ann, name: 'Ann' },
  { id: ben, name: 'Ben' },
  { id: cid, name: 'Cid' },
  { id: dee, name: 'Dee' },
];

function apply(state: WorkshopState, ...actions: Action[]): WorkshopState {
  return actions.reduce((current, action) => {
    const next = applyAction(current, ActionSchema.parse(action));
    // Every state the reducer makes is one the store accepts, unchanged.
    expect(WorkshopStateSchema.parse(JSON.parse(JSON.stringify(next)))).toEqual(
      JSON.parse(JSON.stringify(next)),
    );
    return next;
  }, state);
}
/** Every number anywhere in a JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(numbersIn);
  return [];
}
const run = (...actions: Action[]) => apply(initialWorkshopState(), ...actions);

/** Pairwise answers that contradict each other: A > B, B > C, but C > A. */
const contradictory = (participantId: string): Action[] => [
  { type: 'setMethod', participantId, method: 'pairwise' },
  { type: 'setJudgment', participantId, a: 'learning-curve', b: 'performance', value: 9 },
  { type: 'setJudgment', participantId, a: 'performance', b: 'ecosystem', value: 9 },
  { type: 'setJudgment', participantId, a: 'ecosystem', b: 'learning-curve', value: 9 },
];

describe('a vote is an act', () => {
  it('counts nobody before anyone votes, and says so', () => {
    const result = evaluateWorkshop(initialWorkshopState(), people);
    expect(result.counted).toEqual([]);
    expect(result.usingSuggestedWeights).toBe(true);
    expect(result.ballots).toEqual({ round: 1, voted: 0, abstained: 0, notYet: 4, inconsistent: [] });
  });

  it('counts only those who entered weights; the editor’s starting values are no vote', () => {
    const state = run({ type: 'setDirect', participantId: ann, criterionId: 'security', value: 9 });
    const result = evaluateWorkshop(state, people);
    expect(result.counted.map((p) => p.name)).toEqual(['Ann']);
    expect(result.ballots).toMatchObject({ voted: 1, notYet: 3 });
    // The room's weights are Ann's alone, not Ann's averaged with three untouched editors.
    const own = inputWeights(
      toEngineInput(
        currentInputs(state, ann),
        state.criteria.map((c) => c.id),
      ),
    );
    result.evaluation.weights.forEach((w, k) => expect(w).toBeCloseTo(own[k] ?? 0, 12));
  });

  it('switching a voter’s method records no vote', () => {
    const state = run({ type: 'setMethod', participantId: ann, method: 'points' });
    expect(ballotOf(state, ann)).toBe('notYet');
    expect(evaluateWorkshop(state, people).counted).toEqual([]);
  });

  it('accepting the suggested weights counts, abstaining does not, clearing goes back to not yet', () => {
    let state = run(
      { type: 'setAnswer', question: 'compliance', value: 'strict' },
      { type: 'castVote', participantId: ben },
    );
    let result = evaluateWorkshop(state, people);
    expect(result.counted.map((p) => p.name)).toEqual(['Ben']);
    expect(result.usingSuggestedWeights).toBe(false);
    expect(state.rounds[0]?.inputs[ben]?.direct['security']).toBe(9);

    state = apply(state, { type: 'abstain', participantId: cid }, { type: 'clearVote', participantId: ben });
    result = evaluateWorkshop(state, people);
    expect(result.counted).toEqual([]);
    expect(result.ballots).toMatchObject({ voted: 0, abstained: 1, notYet: 3 });
    expect(state.rounds[0]?.inputs[ben]).toBeUndefined();

    // Entering a weight for someone who abstained is their vote.
    state = apply(state, { type: 'setDirect', participantId: cid, criterionId: 'security', value: 2 });
    expect(ballotOf(state, cid)).toBe('voted');
  });

  it('never counts a voter who did nothing, whatever else happened (property)', () => {
    const someone = fc.constantFrom(ann, ben, cid, dee);
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({
        type: fc.constant('setMethod' as const),
        participantId: someone,
        method: fc.constantFrom('direct' as const, 'points' as const, 'rank' as const, 'pairwise' as const),
      }),
      fc.record({
        type: fc.constant('setDirect' as const),
        participantId: someone,
        criterionId: fc.constantFrom('security', 'performance'),
        value: fc.integer({ min: 0, max: 10 }),
      }),
      fc.record({ type: fc.constant('castVote' as const), participantId: someone }),
      fc.record({ type: fc.constant('abstain' as const), participantId: someone }),
      fc.record({ type: fc.constant('clearVote' as const), participantId: someone }),
      fc.constant({ type: 'startRound' as const }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        let state = initialWorkshopState();
        const acted = new Set<string>();
        for (const a of actions) {
          if (a.type === 'startRound' && state.rounds.length >= 5) continue;
          state = applyAction(state, a);
          if (a.type === 'startRound') acted.clear();
          else if (a.type === 'setDirect' || a.type === 'castVote') acted.add(a.participantId);
          else if (a.type === 'abstain' || a.type === 'clearVote') acted.delete(a.participantId);
        }
        const result = evaluateWorkshop(state, people);
        expect(new Set(result.counted.map((p) => p.id))).toEqual(acted);
        expect(result.ballots.voted + result.ballots.abstained + result.ballots.notYet).toBe(4);
      }),
      { numRuns: 200 },
    );
  });
});

describe('rounds', () => {
  it('starts a new round with everyone at not yet, offering their last answers without counting them', () => {
    let state = run(
      { type: 'setDirect', participantId: ann, criterionId: 'security', value: 9 },
      { type: 'castVote', participantId: ben },
      { type: 'startRound' },
    );
    expect(ballotOf(state, ann)).toBe('notYet');
    expect(ballotOf(state, ben)).toBe('notYet');
    expect(currentInputs(state, ann).direct['security']).toBe(9);
    const result = evaluateWorkshop(state, people);
    expect(result.counted).toEqual([]);
    expect(result.ballots).toMatchObject({ round: 2, voted: 0, notYet: 4 });

    // The record keeps round 1 as it was voted, and it is still evaluable.
    const first = evaluateWorkshop(state, people, 0);
    expect(first.counted.map((p) => p.name)).toEqual(['Ann', 'Ben']);
    expect(first.ballots.round).toBe(1);

    state = apply(state, { type: 'castVote', participantId: ann });
    expect(evaluateWorkshop(state, people).counted.map((p) => p.name)).toEqual(['Ann']);
    expect(state.rounds[1]?.inputs[ann]?.direct['security']).toBe(9);
    // A change in round 2 leaves round 1's record alone.
    state = apply(state, { type: 'setDirect', participantId: ann, criterionId: 'security', value: 1 });
    expect(state.rounds[0]?.inputs[ann]?.direct['security']).toBe(9);
  });
});

describe('inconsistent pairwise input', () => {
  it('is left out until the facilitator includes it or the voter revises it', () => {
    let state = run(
      { type: 'setDirect', participantId: ann, criterionId: 'security', value: 9 },
      ...contradictory(ben),
    );
    let result = evaluateWorkshop(state, people);
    expect(result.counted.map((p) => p.name)).toEqual(['Ann']);
    expect(result.ballots.voted).toBe(2);
    expect(result.ballots.inconsistent).toEqual([
      { participant: people[1], consistencyRatio: expect.any(Number) as number, included: false },
    ]);
    expect(result.ballots.inconsistent[0]?.consistencyRatio).toBeGreaterThan(0.1);

    state = apply(state, { type: 'includeInconsistent', participantId: ben, include: true });
    result = evaluateWorkshop(state, people);
    expect(result.counted.map((p) => p.name)).toEqual(['Ann', 'Ben']);
    expect(result.ballots.inconsistent[0]?.included).toBe(true);

    // A revision is judged afresh: still contradictory, it is left out again.
    state = apply(state, {
      type: 'setJudgment',
      participantId: ben,
      a: 'ecosystem',
      b: 'learning-curve',
      value: 7,
    });
    expect(evaluateWorkshop(state, people).counted.map((p) => p.name)).toEqual(['Ann']);

    // Revised into agreement with each other, it counts without being included.
    state = apply(
      state,
      { type: 'setJudgment', participantId: ben, a: 'learning-curve', b: 'performance', value: 3 },
      { type: 'setJudgment', participantId: ben, a: 'performance', b: 'ecosystem', value: 1 },
      { type: 'setJudgment', participantId: ben, a: 'ecosystem', b: 'learning-curve', value: 1 / 3 },
    );
    result = evaluateWorkshop(state, people);
    expect(result.ballots.inconsistent).toEqual([]);
    expect(result.counted.map((p) => p.name)).toEqual(['Ann', 'Ben']);
  });
});

describe('documents saved before votes were recorded', () => {
  /** Today's shape, as the release before this one saved it: no votes, no hand-set points. */
  function legacy(state: WorkshopState): unknown {
    const json = JSON.parse(JSON.stringify(state)) as {
      rounds: Array<Record<string, unknown> & { inputs: Record<string, Record<string, unknown>> }>;
    };
    for (const round of json.rounds) {
      delete round['votes'];
      delete round['includeInconsistent'];
      for (const inputs of Object.values(round.inputs)) delete inputs['pointsSet'];
    }
    return json;
  }

  it('read voters with stored inputs as having voted, and evaluate as before for them', () => {
    const made = run(
      { type: 'setDirect', participantId: ann, criterionId: 'security', value: 9 },
      { type: 'setMethod', participantId: ben, method: 'points' },
      { type: 'setPoints', participantId: ben, criterionId: 'performance', value: 40 },
    );
    const old = legacy(made);
    expect(JSON.stringify(old)).not.toMatch(/votes|pointsSet|includeInconsistent/);
    const parsed = WorkshopStateSchema.parse(old);
    expect(ballotOf(parsed, ann)).toBe('voted');
    expect(ballotOf(parsed, ben)).toBe('voted');
    expect(ballotOf(parsed, cid)).toBe('notYet');
    const result = evaluateWorkshop(parsed, people);
    expect(result.counted.map((p) => p.name)).toEqual(['Ann', 'Ben']);
    // The weights the release before gave for these two voters' inputs.
    const ids = parsed.criteria.map((c) => c.id);
    const expected = aggregateWeights(
      [ann, ben].map((id) => inputWeights(toEngineInput(currentInputs(parsed, id), ids))),
      'mean',
    );
    result.evaluation.weights.forEach((w, k) => expect(w).toBeCloseTo(expected[k] ?? 0, 12));
    expect(currentInputs(parsed, ben).points['performance']).toBe(40);
  });
});

describe('hidden means hidden', () => {
  const hiding = run(
    { type: 'setHideUntilReveal', hide: true },
    { type: 'setDirect', participantId: ann, criterionId: 'security', value: 9 },
    ...contradictory(ben),
    { type: 'abstain', participantId: cid },
  );

  it('shows who has voted and nothing of what', () => {
    const view = presentableView(hiding, people);
    expect(view).toEqual({
      hidden: true,
      round: 1,
      voters: [
        { id: ann, ballot: 'voted' },
        { id: ben, ballot: 'voted' },
        { id: cid, ballot: 'abstained' },
        { id: dee, ballot: 'notYet' },
      ],
      ballots: { voted: 2, abstained: 1, notYet: 1 },
    });
  });

  it('holds no weight, score, ranking or input, whatever the room entered (property)', () => {
    const criterion = fc.constantFrom(...initialWorkshopState().criteria.map((c) => c.id));
    const someone = fc.constantFrom(ann, ben, cid, dee);
    const action: fc.Arbitrary<Action> = fc.oneof(
      fc.record({
        type: fc.constant('setDirect' as const),
        participantId: someone,
        criterionId: criterion,
        value: fc.integer({ min: 0, max: 10 }),
      }),
      fc.record({
        type: fc.constant('setPoints' as const),
        participantId: someone,
        criterionId: criterion,
        value: fc.integer({ min: 0, max: 100 }),
      }),
      fc.record({
        type: fc.constant('setMethod' as const),
        participantId: someone,
        method: fc.constantFrom('direct' as const, 'points' as const),
      }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 20 }), (actions) => {
        const state = apply(run({ type: 'setHideUntilReveal', hide: true }), ...actions);
        const text = JSON.stringify(presentableView(state, people));
        // Only the voters' ids, their states and counts: no criterion, number beyond a count, or method.
        expect(Object.keys(JSON.parse(text) as object).sort()).toEqual([
          'ballots',
          'hidden',
          'round',
          'voters',
        ]);
        for (const c of state.criteria) expect(text).not.toContain(c.id);
        for (const word of [
          'weight',
          'total',
          'score',
          'rank',
          'direct',
          'points',
          'pairwise',
          'Django',
          'Node',
        ])
          expect(text.toLowerCase()).not.toContain(word.toLowerCase());
        for (const n of numbersIn(JSON.parse(text)))
          expect(Number.isInteger(n) && n >= 0 && n <= 4).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('shows the decision once revealed, and hides again in a new round', () => {
    const revealed = apply(hiding, { type: 'setRevealed', revealed: true });
    const view = presentableView(revealed, people);
    expect(view.hidden).toBe(false);
    if (!view.hidden) expect(view.result.counted.map((p) => p.name)).toEqual(['Ann']);
    expect(presentableView(apply(revealed, { type: 'startRound' }), people).hidden).toBe(true);
    expect(hiddenView(revealed, people).ballots.voted).toBe(2);
  });
});
