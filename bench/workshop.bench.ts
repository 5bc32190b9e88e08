/**
 * `npm run bench`: what one slider move costs before React renders anything: the reducer applies the
 * action, and the workshop is re-evaluated from its document (profile, model, every voter's input,
 * the engine). Same scenes as the UI benchmark.
 */
import { bench, describe } from 'vitest';
import { applyAction, evaluateWorkshop, initialWorkshopState } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

function scene(criteria: number, candidates: number, participants: number) {
  const people = Array.from({ length: participants }, (_, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    name: `Person ${i + 1}`,
  }));
  let state: WorkshopState = initialWorkshopState();
  const apply = (action: Action) => (state = applyAction(state, action));
  for (let i = 0; i < criteria - 7; i++)
    apply({ type: 'addCriterion', id: `criterion-${i + 1}`, name: `Extra ${i + 1}`, description: '' });
  for (let i = 0; i < candidates - 2; i++)
    apply({ type: 'addCandidate', id: `candidate-${i + 1}`, name: `Stack ${i + 1}` });
  let seed = 7;
  const next = () => ((seed = (seed * 16807) % 2147483647) % 5) + 1;
  for (const candidate of state.candidates)
    for (const criterion of state.criteria)
      if (!(candidate.builtIn && criterion.builtIn))
        apply({
          type: 'setRating',
          candidateId: candidate.id,
          criterionId: criterion.id,
          value: next(),
          rationale: '',
        });
  const methods = ['direct', 'points', 'rank', 'pairwise'] as const;
  for (const [i, person] of people.entries())
    apply({ type: 'setMethod', participantId: person.id, method: methods[i % 4] ?? 'direct' });
  return { state, people };
}

const options = { time: 3000, warmupTime: 1000 };

describe('one slider move: reducer + re-evaluation of the workshop (budget: part of one frame)', () => {
  for (const [criteria, candidates, participants] of [
    [7, 2, 12],
    [40, 8, 40],
  ] as const) {
    const { state, people } = scene(criteria, candidates, participants);
    const mover = people[0]?.id ?? '';
    let value = 5;
    bench(
      `${criteria} criteria, ${candidates} candidates, ${participants} participants`,
      () => {
        value = value === 10 ? 0 : value + 1;
        const next = applyAction(state, {
          type: 'setDirect',
          participantId: mover,
          criterionId: 'security',
          value,
        });
        evaluateWorkshop(next, people);
      },
      options,
    );
  }
});
