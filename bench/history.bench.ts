/**
 * `npm run bench`: what one history entry or one snapshot comparison costs: both states evaluated
 * and every row (recommendation, weights, ratings, participants, settings) compared. The history
 * works this out for one entry when it is opened (`history:entry`); a page lists entries without it.
 */
import { bench, describe } from 'vitest';
import { changedRows, compareStates } from '@shared/history/compare';
import { applyAction } from '@shared/workshop';
import { scene } from './scene';

const options = { time: 3000, warmupTime: 1000 };

describe('one history entry: compare two states of a session', () => {
  for (const [criteria, candidates, participants] of [
    [7, 2, 12],
    [40, 8, 40],
  ] as const) {
    const { state, people } = scene(criteria, candidates, participants);
    const session = {
      id: '00000000-0000-4000-8000-000000000000',
      clientName: 'Bench client',
      projectName: 'Bench project',
      facilitator: 'Dana',
      workshopDate: '2026-03-12',
      description: '',
      participants: people,
      createdAt: '2026-03-12T09:00:00.000Z',
      updatedAt: '2026-03-12T09:00:00.000Z',
    };
    const after = applyAction(state, {
      type: 'setDirect',
      participantId: people[0]?.id ?? '',
      criterionId: 'security',
      value: 9,
    });
    bench(
      `${criteria} criteria, ${candidates} candidates, ${participants} participants`,
      () => {
        changedRows(compareStates({ session, workshop: state }, { session, workshop: after }));
      },
      options,
    );
  }
});
