/**
 * `npm run bench`: what one slider move costs before React renders anything: the reducer applies the
 * action, and the workshop is re-evaluated from its document (profile, model, every voter's input,
 * the engine). Same scenes as the UI benchmark.
 */
import { bench, describe } from 'vitest';
import { applyAction, evaluateWorkshop } from '@shared/workshop';
import { scene } from './scene';

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
