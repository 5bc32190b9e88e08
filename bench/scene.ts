/** A workshop of a given size, the same scenes every benchmark uses. */
import { applyAction, initialWorkshopState } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

export function scene(criteria: number, candidates: number, participants: number) {
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
