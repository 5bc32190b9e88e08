/**
 * The check of the parts an action changed (shared/workshop/check.ts) against the whole check:
 * whenever it accepts a document, the whole check accepts it too and returns it unchanged. Actions
 * go to the reducer unparsed here, out-of-range values and foreign ids included, so documents the
 * schema refuses are made on purpose. From the suite's fixed seed, so a failure replays.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diff } from '@shared/history/patch';
import { changedPartsValid } from '@shared/workshop/check';
import { applyAction, initialWorkshopState, WorkshopStateSchema } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const ann = '11111111-1111-4111-8111-111111111111';
const ben = '22222222-2222-4222-8222-222222222222';
const PEOPLE = [ann, ben, '33333333-3333-4333-8333-333333333333', 'not-a-participant', '__proto__'];
const BALLOTS = [
  '44444444-4444-4444-8444-444444444444',
  '55555555-5555-4555-8555-555555555555',
  ann,
  'ballot',
];
const BUILT_IN = initialWorkshopState().criteria.map((c) => c.id);
const CRITERIA = ['security', 'performance', 'scalability', 'custom-one', 'Bad Id'];

/** What the service does: the reducer's result, or null where the reducer refuses the action. */
function reduce(state: WorkshopState, action: Action): WorkshopState | null {
  try {
    return applyAction(state, action);
  } catch {
    return null;
  }
}

/** Whether the quick check accepts `action`'s result, asserting the whole check agrees if so. */
function agrees(state: WorkshopState, action: Action): { after: WorkshopState; quick: boolean } | null {
  const after = reduce(state, action);
  if (after === null) return null;
  const quick = changedPartsValid(after, diff(state, after));
  const whole = WorkshopStateSchema.safeParse(after);
  if (quick) {
    expect(whole.success).toBe(true);
    expect(whole.data).toEqual(after);
  }
  if (!whole.success) return null;
  return { after: quick ? after : whole.data, quick };
}

const person = fc.constantFrom(...PEOPLE);
const criterion = fc.constantFrom(...CRITERIA);
const anyNumber = fc.oneof(fc.integer({ min: -2, max: 120 }), fc.double({ min: -1, max: 12, noNaN: true }));
const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('  padded  ', 'x'.repeat(5001), ''));

// Unparsed on purpose: the values the boundary would refuse reach the reducer too.
const actionArbitrary = fc.oneof(
  fc.record({
    type: fc.constant('setDirect'),
    participantId: person,
    criterionId: criterion,
    value: anyNumber,
  }),
  fc.record({
    type: fc.constant('setPoints'),
    participantId: person,
    criterionId: criterion,
    value: anyNumber,
  }),
  fc.record({
    type: fc.constant('moveRank'),
    participantId: person,
    criterionId: criterion,
    offset: fc.constantFrom(-1, 1),
  }),
  fc.record({
    type: fc.constant('setJudgment'),
    participantId: person,
    a: criterion,
    b: criterion,
    value: fc.constantFrom(1, 3, 5, 1 / 3, 9, 2.5, 0),
  }),
  fc.record({
    type: fc.constant('setMethod'),
    participantId: person,
    method: fc.constantFrom('direct', 'points', 'rank', 'pairwise', 'dice'),
  }),
  fc.record({ type: fc.constantFrom('castVote', 'abstain', 'clearVote'), participantId: person }),
  fc.record({ type: fc.constant('includeInconsistent'), participantId: person, include: fc.boolean() }),
  fc.record({
    type: fc.constant('setRole'),
    participantId: person,
    role: fc.constantFrom('voter', 'observer', 'boss'),
  }),
  fc.record({ type: fc.constant('setNotes'), field: fc.constantFrom('notes', 'risks', 'nextSteps'), text }),
  fc.record({
    type: fc.constant('setStep'),
    step: fc.constantFrom('context', 'weighting', 'recommendation', 'elsewhere'),
  }),
  fc.record({
    type: fc.constant('setAnswer'),
    question: fc.constantFrom('workload', 'team'),
    value: fc.constant(null),
  }),
  fc.record({
    type: fc.constant('setAggregation'),
    aggregation: fc.constantFrom('mean', 'median', 'geometric', 'mode'),
  }),
  fc.record({ type: fc.constant('setThreshold'), threshold: fc.constantFrom(0.1, 0.5, 0.9, 0) }),
  fc.record({ type: fc.constant('setHideUntilReveal'), hide: fc.boolean() }),
  fc.record({
    type: fc.constant('setAnonymity'),
    anonymity: fc.constantFrom('named', 'hiddenFromRoom', 'hiddenFromEveryone', 'secret'),
  }),
  fc.record({
    type: fc.constant('submitBallot'),
    voter: fc.oneof(
      fc.record({ participantId: person }),
      fc.record({ ballotId: fc.constantFrom(...BALLOTS) }),
    ),
    ballot: fc.record({
      method: fc.constant('direct'),
      direct: fc
        .array(anyNumber, { minLength: BUILT_IN.length, maxLength: BUILT_IN.length })
        .map((values) => Object.fromEntries(BUILT_IN.map((id, i) => [id, values[i]]))),
    }),
  }),
  fc.record({ type: fc.constant('setRevealed'), revealed: fc.boolean() }),
  fc.record({ type: fc.constant('startRound') }),
  fc.record({
    type: fc.constant('setOverride'),
    candidateId: fc.constantFrom('django', 'nodejs'),
    criterionId: criterion,
    value: fc.integer({ min: 0, max: 6 }),
    note: text,
  }),
  fc.record({
    type: fc.constant('addCriterion'),
    id: fc.constantFrom('custom-one', 'custom-two', 'Bad Id'),
    name: text,
    description: fc.constant(''),
  }),
  fc.record({ type: fc.constant('removeCriterion'), id: criterion }),
) as fc.Arbitrary<Action>;

describe('checking the parts an action changed', () => {
  it('accepts only documents the whole check accepts and returns unchanged', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(actionArbitrary, { minLength: 1, maxLength: 40 }), (actions) => {
        let state = initialWorkshopState();
        for (const action of actions) {
          const step = agrees(state, action);
          if (step === null) continue;
          if (step.quick) accepted++;
          else refused++;
          state = step.after;
        }
      }),
      { numRuns: 300 },
    );
    // Both answers are given often, so the property is about something.
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(10);
  });

  const start = () => initialWorkshopState();
  const quick = (state: WorkshopState, action: Action) => {
    const after = applyAction(state, action);
    return changedPartsValid(after, diff(state, after));
  };

  it('checks a slider move, a vote and a note by themselves', () => {
    expect(quick(start(), { type: 'setDirect', participantId: ann, criterionId: 'security', value: 7 })).toBe(
      true,
    );
    expect(quick(start(), { type: 'abstain', participantId: ben })).toBe(true);
    expect(quick(start(), { type: 'setNotes', field: 'risks', text: 'Hiring  ' })).toBe(true);
    expect(quick(start(), { type: 'setStep', step: 'compare' })).toBe(true);
    const hidden = applyAction(start(), { type: 'setAnonymity', anonymity: 'hiddenFromEveryone' });
    expect(quick(start(), { type: 'setAnonymity', anonymity: 'hiddenFromEveryone' })).toBe(true);
    const ballot: Action = {
      type: 'submitBallot',
      voter: { ballotId: BALLOTS[0] ?? '' },
      ballot: { method: 'direct', direct: Object.fromEntries(BUILT_IN.map((id) => [id, 5])) },
    };
    expect(quick(hidden, ballot)).toBe(true);
  });

  it('refuses a changed part the schema refuses, or would return changed', () => {
    const eleven = { type: 'setDirect', participantId: ann, criterionId: 'security', value: 11 } as const;
    expect(quick(start(), eleven as unknown as Action)).toBe(false);
    const stranger = { type: 'abstain', participantId: 'not-a-participant' } as const;
    expect(quick(start(), stranger as unknown as Action)).toBe(false);
    // The whole check trims an override's note, so the document it returns is not this one.
    const padded: Action = {
      type: 'setOverride',
      candidateId: 'django',
      criterionId: 'security',
      value: 2,
      note: ' measured ',
    };
    expect(quick(start(), padded)).toBe(false);
    expect(WorkshopStateSchema.parse(applyAction(start(), padded)).overrides[0]?.note).toBe('measured');
  });

  it('leaves criteria, candidates and new rounds to the whole check', () => {
    expect(quick(start(), { type: 'addCriterion', id: 'custom-one', name: 'Hosting', description: '' })).toBe(
      false,
    );
    expect(quick(start(), { type: 'addCandidate', id: 'go', name: 'Go' })).toBe(false);
    expect(quick(start(), { type: 'startRound' })).toBe(false);
  });
});
