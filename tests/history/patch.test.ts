import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPatch, diff, invert, PatchMismatchError } from '@shared/history/patch';
import { applyAction, initialWorkshopState, WorkshopRuleError } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const people = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];

/** Random actions of the kinds a room makes, on criteria and people that may or may not exist. */
const actionArb: fc.Arbitrary<Action> = fc.oneof(
  fc.record({
    type: fc.constant('setDirect' as const),
    participantId: fc.constantFrom(...people),
    criterionId: fc.constantFrom('security', 'performance', 'extra-1'),
    value: fc.integer({ min: 0, max: 10 }),
  }),
  fc.record({
    type: fc.constant('setMethod' as const),
    participantId: fc.constantFrom(...people),
    method: fc.constantFrom('direct' as const, 'points' as const, 'rank' as const, 'pairwise' as const),
  }),
  fc.record({
    type: fc.constant('addCriterion' as const),
    id: fc.constantFrom('extra-1', 'extra-2'),
    name: fc.constantFrom('Cost', 'Hiring'),
    description: fc.constant(''),
  }),
  fc.record({ type: fc.constant('removeCriterion' as const), id: fc.constantFrom('extra-1', 'security') }),
  fc.record({
    type: fc.constant('setRating' as const),
    candidateId: fc.constantFrom('django', 'nodejs'),
    criterionId: fc.constantFrom('security', 'extra-1'),
    value: fc.integer({ min: 1, max: 5 }),
    rationale: fc.string({ maxLength: 20 }),
  }),
  fc.record({
    type: fc.constant('setNotes' as const),
    field: fc.constantFrom('risks' as const, 'nextSteps' as const),
    text: fc.string({ maxLength: 40 }),
  }),
  fc.record({
    type: fc.constant('setStep' as const),
    step: fc.constantFrom('context' as const, 'weighting' as const, 'compare' as const),
  }),
);

/** States are stored as JSON: equal means equal as JSON, whatever prototype a record has in memory. */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

function replay(actions: readonly Action[]): WorkshopState[] {
  let state = initialWorkshopState();
  const states = [state];
  for (const action of actions) {
    try {
      state = applyAction(state, action);
      states.push(state);
    } catch (error) {
      if (!(error instanceof WorkshopRuleError)) throw error;
    }
  }
  return states;
}

describe('patches', () => {
  it('turn any JSON value into any other, and back', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const patch = diff(a, b);
        expect(applyPatch(a, patch)).toStrictEqual(b);
        expect(applyPatch(b, invert(patch))).toStrictEqual(a);
      }),
      { numRuns: 500 },
    );
  });

  it('turn one workshop state into the next for random sessions and actions, leaving both as they were', () => {
    fc.assert(
      fc.property(fc.array(actionArb, { maxLength: 25 }), fc.nat(), fc.nat(), (actions, i, j) => {
        const states = replay(actions);
        const a = states[i % states.length] ?? initialWorkshopState();
        const b = states[j % states.length] ?? initialWorkshopState();
        const frozenA = JSON.stringify(a);
        const frozenB = JSON.stringify(b);
        const patch = diff(a, b);
        expect(asJson(applyPatch(a, patch))).toStrictEqual(asJson(b));
        expect(asJson(applyPatch(b, invert(patch)))).toStrictEqual(asJson(a));
        expect(JSON.stringify(a)).toBe(frozenA);
        expect(JSON.stringify(b)).toBe(frozenB);
      }),
      { numRuns: 200 },
    );
  });

  it('store one moved slider as one small operation', () => {
    const [before, after] = replay([
      { type: 'setDirect', participantId: people[0] ?? '', criterionId: 'security', value: 9 },
      { type: 'setDirect', participantId: people[0] ?? '', criterionId: 'security', value: 3 },
    ]).slice(1);
    const patch = diff(before, after);
    expect(patch).toHaveLength(1);
    expect(JSON.stringify(patch).length).toBeLessThan(200);
  });

  it('write keys such as __proto__ as plain keys, never as the prototype', () => {
    const before = JSON.parse('{"ratings":{}}') as unknown;
    const after = JSON.parse('{"ratings":{"__proto__":{"polluted":true}}}') as unknown;
    const patched = applyPatch(before, diff(before, after)) as { ratings: Record<string, unknown> };
    expect(patched).toStrictEqual(after);
    expect(Object.getPrototypeOf(patched.ratings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(patched.ratings)).toEqual(['__proto__']);
  });

  it('copy a record that holds a __proto__ key as it is, with its prototype or none', () => {
    const before = JSON.parse('{"ratings":{"__proto__":{"x":1},"a":1}}') as { ratings: object };
    const after = JSON.parse('{"ratings":{"__proto__":{"x":1},"a":2}}') as unknown;
    const patch = diff(before, after);
    expect(patch).toEqual([{ p: ['ratings', 'a'], a: 1, b: 2 }]);
    const patched = applyPatch(before, patch);
    expect(patched).toStrictEqual(after);
    expect(Object.getPrototypeOf(patched.ratings)).toBe(Object.prototype);
    expect(Object.keys(patched.ratings)).toEqual(['__proto__', 'a']);
    // A prototype-free record (as the workshop's records are in memory) stays one.
    const bare = { ratings: Object.assign(Object.create(null) as object, before.ratings) };
    const copied = applyPatch(bare, patch);
    expect(Object.getPrototypeOf(copied.ratings)).toBeNull();
    expect(Object.keys(copied.ratings)).toEqual(['__proto__', 'a']);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('refuse to apply to a document they do not fit', () => {
    expect(() => applyPatch({ rounds: [] }, [{ p: ['rounds', 3, 'inputs'], b: 1 }])).toThrow(
      PatchMismatchError,
    );
  });
});
