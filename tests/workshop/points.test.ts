import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAction, currentInputs, initialWorkshopState, shownPoints } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const ann = '11111111-1111-4111-8111-111111111111';
const ids = initialWorkshopState().criteria.map((c) => c.id);

function points(...moves: Array<[string, number]>): WorkshopState {
  const actions: Action[] = [
    { type: 'setMethod', participantId: ann, method: 'points' },
    ...moves.map(([criterionId, value]): Action => ({
      type: 'setPoints',
      participantId: ann,
      criterionId,
      value,
    })),
  ];
  return actions.reduce(applyAction, initialWorkshopState());
}
const shown = (state: WorkshopState) => shownPoints(currentInputs(state, ann).points, ids);

describe('100 points', () => {
  it('keeps a value the facilitator set while other sliders move (25 stayed 22 before)', () => {
    const state = points(['security', 25], ['performance', 30], ['ecosystem', 10]);
    expect(shown(state)['security']).toBe(25);
    expect(shown(state)['performance']).toBe(30);
    expect(shown(state)['ecosystem']).toBe(10);
    expect(Object.values(shown(state)).reduce((a, b) => a + b, 0)).toBe(100);
  });

  it('scales the hand-set values only when nothing else is left to absorb the change', () => {
    const all = ids.slice(0, -1).map((id): [string, number] => [id, 10]);
    const last = ids[ids.length - 1] as string;
    // Six set by hand at 10 each leave 40 for the last; moving it to 70 must take from them.
    const state = points(...all, [last, 70]);
    const values = shown(state);
    expect(values[last]).toBe(70);
    expect(Object.values(values).reduce((a, b) => a + b, 0)).toBe(100);
    for (const [id] of all) expect(values[id]).toBeGreaterThanOrEqual(4);
  });

  it('always adds up to 100 and keeps hand-set values whenever the others can absorb the change (property)', () => {
    const move = fc.tuple(fc.constantFrom(...ids), fc.integer({ min: 0, max: 100 }));
    fc.assert(
      fc.property(fc.array(move, { minLength: 1, maxLength: 25 }), (moves) => {
        let state = points();
        const set = new Map<string, number>();
        for (const [criterionId, value] of moves) {
          const before = currentInputs(state, ann).points;
          state = applyAction(state, { type: 'setPoints', participantId: ann, criterionId, value });
          const after = currentInputs(state, ann).points;
          const stored = ids.reduce((sum, id) => sum + (after[id] ?? 0), 0);
          expect(stored).toBeCloseTo(100, 9);
          expect(Object.values(shown(state)).reduce((a, b) => a + b, 0)).toBe(100);
          expect(after[criterionId]).toBe(value);
          const kept = [...set.keys()].filter((id) => id !== criterionId);
          const free = ids.filter((id) => id !== criterionId && !set.has(id));
          const keptTotal = kept.reduce((sum, id) => sum + (before[id] ?? 0), 0);
          if (free.length > 0 && keptTotal <= 100 - value)
            for (const id of kept) expect(after[id]).toBe(before[id]);
          set.set(criterionId, value);
        }
      }),
      { numRuns: 300 },
    );
  });
});
