import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ActionSchema,
  applyAction,
  apportion,
  currentInputs,
  rebalancePoints,
  shownPoints,
  evaluateWorkshop,
  initialWorkshopState,
  WorkshopRuleError,
  WorkshopStateSchema,
} from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const ann = '11111111-1111-4111-8111-111111111111';
const ben = '22222222-2222-4222-8222-222222222222';
const cid = '33333333-3333-4333-8333-333333333333';
const people = [
  { id: ann, name: 'Ann' },
  { id: ben, name: 'Ben' },
  { id: cid, name: 'Cid' },
];

function run(...actions: Action[]): WorkshopState {
  return actions.reduce((state, action) => {
    const next = applyAction(state, ActionSchema.parse(action));
    WorkshopStateSchema.parse(next);
    return next;
  }, initialWorkshopState());
}

describe('workshop document', () => {
  it('refuses an answer that is not one of its question’s options (found by the channel fuzzer)', () => {
    const state = initialWorkshopState();
    expect(() => applyAction(state, { type: 'setAnswer', question: 'compliance', value: 'Marek' })).toThrow(
      /not one of the answers/,
    );
    const answered = applyAction(state, { type: 'setAnswer', question: 'workload', value: 'io-realtime' });
    expect(WorkshopStateSchema.parse(answered).answers.workload).toBe('io-realtime');
  });

  it('starts with the seven criteria, Django and Node.js, one round, at the context step', () => {
    const state = initialWorkshopState();
    expect(WorkshopStateSchema.parse(state)).toEqual(state);
    expect(state.criteria).toHaveLength(7);
    expect(state.candidates.map((c) => c.name)).toEqual(['Django', 'Node.js']);
    expect(state.step).toBe('context');
  });

  it('keeps 100 points whole when one criterion moves', () => {
    const state = run(
      { type: 'setMethod', participantId: ann, method: 'points' },
      { type: 'setPoints', participantId: ann, criterionId: 'security', value: 40 },
    );
    const points = currentInputs(state, ann).points;
    expect(points['security']).toBe(40);
    expect(Object.values(points).reduce((a, b) => a + b, 0)).toBe(100);
    expect(apportion([1, 1, 1], 100)).toEqual([34, 33, 33]);
  });

  it('ends a dragged points slider where one jump would, and shows whole points adding up to 100', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 100 }), { minLength: ids.length, maxLength: ids.length }),
        fc.integer({ min: 0, max: ids.length - 1 }),
        fc.integer({ min: 0, max: 100 }),
        (raw, index, end) => {
          const target = ids[index] ?? 'a';
          const start = Object.fromEntries(ids.map((id, i) => [id, apportion(raw, 100)[i] ?? 0]));
          let stepwise = start;
          for (let v = start[target] ?? 0; v !== end;) {
            v += Math.sign(end - v);
            stepwise = rebalancePoints(stepwise, ids, target, v);
          }
          const jump = rebalancePoints(start, ids, target, end);
          for (const id of ids) expect(stepwise[id]).toBeCloseTo(jump[id] ?? 0, 6);
          const shown = shownPoints(stepwise, ids);
          expect(Object.values(shown).reduce((a, b) => a + b, 0)).toBe(100);
          expect(shown[target]).toBe(end);
          for (const id of ids) expect(Number.isInteger(shown[id])).toBe(true);
        },
      ),
    );
    // The case that used to drift: twelve steps up drained the largest other share (20 -> 11).
    const ids2 = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    let points = rebalancePoints(Object.fromEntries(ids2.map((id) => [id, 12.5])), ids2, 'b', 20);
    points = rebalancePoints(points, ids2, 'a', 12);
    for (let v = 13; v <= 24; v++) points = rebalancePoints(points, ids2, 'a', v);
    expect(shownPoints(points, ids2)['b']).toBe(17);
  });

  it('adds, edits, reorders and removes custom criteria; built-ins stay', () => {
    let state = run(
      { type: 'addCriterion', id: 'hiring', name: 'Hiring market', description: 'How easily we can hire.' },
      { type: 'setMethod', participantId: ann, method: 'points' },
      { type: 'setPoints', participantId: ann, criterionId: 'hiring', value: 30 },
      { type: 'moveCriterion', id: 'hiring', offset: -1 },
    );
    expect(state.criteria.map((c) => c.id).indexOf('hiring')).toBe(6);
    state = applyAction(state, { type: 'removeCriterion', id: 'hiring' });
    expect(state.criteria.some((c) => c.id === 'hiring')).toBe(false);
    const points = currentInputs(state, ann).points;
    expect(Object.values(points).reduce((a, b) => a + b, 0)).toBeCloseTo(100, 9);
    expect(() => applyAction(state, { type: 'removeCriterion', id: 'security' })).toThrow(WorkshopRuleError);
  });

  it('adds a custom candidate whose cells need the facilitator’s ratings', () => {
    const state = run(
      { type: 'addCandidate', id: 'fastapi', name: 'FastAPI' },
      {
        type: 'setRating',
        candidateId: 'fastapi',
        criterionId: 'performance',
        value: 4,
        rationale: 'Async by default',
      },
    );
    const result = evaluateWorkshop(state, []);
    expect(result.model.candidates).toHaveLength(3);
    expect(result.unrated.filter((u) => u.candidateId === 'fastapi')).toHaveLength(6);
    expect(() =>
      applyAction(state, {
        type: 'setRating',
        candidateId: 'django',
        criterionId: 'security',
        value: 1,
        rationale: '',
      }),
    ).toThrow(/override it with a note/);
  });

  it('keeps the original beside an override', () => {
    const state = run({
      type: 'setOverride',
      candidateId: 'nodejs',
      criterionId: 'security',
      value: 4,
      note: 'Security champion on the team',
    });
    const cell = evaluateWorkshop(state, []).evaluation.ratings.cells[1]?.[6];
    expect(cell).toMatchObject({
      value: 4,
      original: 3,
      override: { note: 'Security champion on the team' },
    });
  });

  it('stores a pairwise judgment once per pair, whichever way round it is entered', () => {
    const state = run(
      { type: 'setMethod', participantId: ann, method: 'pairwise' },
      { type: 'setJudgment', participantId: ann, a: 'security', b: 'performance', value: 5 },
    );
    expect(currentInputs(state, ann).pairwise).toEqual({ 'performance|security': 1 / 5 });
  });

  it('starts a second round from the first round’s answers and keeps the first for the record', () => {
    const state = run(
      { type: 'setDirect', participantId: ann, criterionId: 'security', value: 9 },
      { type: 'setRevealed', revealed: true },
      { type: 'startRound' },
      { type: 'setDirect', participantId: ann, criterionId: 'security', value: 2 },
    );
    expect(state.rounds).toHaveLength(2);
    expect(state.rounds[0]?.inputs[ann]?.direct['security']).toBe(9);
    expect(state.rounds[0]?.revealed).toBe(true);
    expect(state.rounds[1]?.revealed).toBe(false);
    expect(currentInputs(state, ann).direct['security']).toBe(2);
  });

  it('counts voters, not observers, and sets aside an input that cannot count', () => {
    const zeros = (id: string): Action[] =>
      initialWorkshopState().criteria.map((c) => ({
        type: 'setDirect',
        participantId: id,
        criterionId: c.id,
        value: 0,
      }));
    const state = run(
      { type: 'setRole', participantId: cid, role: 'observer' },
      { type: 'castVote', participantId: ann },
      ...zeros(ben),
    );
    const result = evaluateWorkshop(state, people);
    expect(result.voters.map((p) => p.name)).toEqual(['Ann', 'Ben']);
    expect(result.counted.map((p) => p.name)).toEqual(['Ann']);
    expect(result.setAside).toEqual([
      { participant: people[1], reason: expect.stringMatching(/Every weight is zero/) as string },
    ]);
  });

  it('uses the profile’s suggested weights before anyone votes', () => {
    const state = run({ type: 'setAnswer', question: 'compliance', value: 'strict' });
    const result = evaluateWorkshop(state, []);
    expect(result.usingSuggestedWeights).toBe(true);
    const security = result.evaluation.weights[6] ?? 0;
    expect(security).toBeCloseTo(9 / (9 + 6 * 5), 12);
  });

  it('rejects actions that break the rules, by schema or by reducer', () => {
    expect(
      ActionSchema.safeParse({ type: 'setDirect', participantId: ann, criterionId: 'security', value: 11 })
        .success,
    ).toBe(false);
    expect(
      ActionSchema.safeParse({ type: 'setJudgment', participantId: ann, a: 'a', b: 'b', value: 2.5 }).success,
    ).toBe(false);
    expect(ActionSchema.safeParse({ type: 'dropTables' }).success).toBe(false);
    expect(() =>
      run({ type: 'setJudgment', participantId: ann, a: 'security', b: 'security', value: 3 }),
    ).toThrow(/itself/);
    expect(() => run({ type: 'setDirect', participantId: ann, criterionId: 'nope', value: 3 })).toThrow(
      /no longer in this session/,
    );
  });
});

describe('the geometric mean', () => {
  it('refuses the zero that would leave every criterion at zero (found by the bench generator)', () => {
    let state = run({ type: 'setAggregation', aggregation: 'geometric' });
    const criteria = state.criteria.map((c) => c.id);
    const zero = (participantId: string, criterionId: string): Action => ({
      type: 'setDirect',
      participantId,
      criterionId,
      value: 0,
    });
    for (const id of criteria.slice(0, 4)) state = applyAction(state, zero(ann, id));
    for (const id of criteria.slice(4, -1)) state = applyAction(state, zero(ben, id));
    const last = criteria[criteria.length - 1] ?? '';
    expect(() => applyAction(state, zero(ben, last))).toThrow(/geometric mean is zero for every criterion/);
    // The mean still takes it.
    const mean = applyAction(state, { type: 'setAggregation', aggregation: 'mean' });
    expect(() => applyAction(mean, zero(ben, last))).not.toThrow();
  });
});
