/**
 * The compact change log, checked against what it must hold: through the workshop channels, a long
 * run of edits, slider drags merged into one change, navigation, undo, redo and forks, and after it
 * every change's states, rebuilt from the log, are the states the room saw before and after it.
 */
import { describe, expect, it } from 'vitest';
import type { Session } from '@shared/sessions/schema';
import type { WorkshopSnapshot, WorkshopState } from '@shared/workshop';
import { changeStates } from '../../src-main/db/workshops/queries';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
let clock = Date.parse('2026-03-12T09:00:00.000Z');
const startCore = useIpcCore(tempDir);

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('the change log', () => {
  it('rebuilds every change’s states as they were, across drags, undo, redo, forks and whole states', async () => {
    const { core, ipc } = startCore({ now: () => new Date(clock) });
    const session = await ok<Session>(ipc.call('sessions:create', draft()));
    const [priya, marek] = session.participants.map((p) => p.id);
    let { state, revision } = await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }));
    // What each change must rebuild to, kept by hand: id -> states before and after.
    const expected = new Map<number, { before: WorkshopState; after: WorkshopState }>();
    const newestId = () =>
      core.db.prepare('SELECT MAX(id) FROM workshop_changes').pluck().get() as number | null;

    const apply = async (action: Record<string, unknown>, gap: number) => {
      clock += gap;
      const before = state;
      const lastBefore = newestId();
      const receipt = await ok<{ revision: number }>(
        ipc.call('workshop:apply', { sessionId: session.id, baseRevision: revision, action }),
      );
      revision = receipt.revision;
      state = (await ok<WorkshopSnapshot>(ipc.call('workshop:get', { sessionId: session.id }))).state;
      const id = newestId();
      if (id === null || action['type'] === 'setStep') return;
      if (id !== lastBefore) expected.set(id, { before, after: state });
      else {
        const merged = expected.get(id);
        if (merged) expected.set(id, { before: merged.before, after: state });
      }
    };
    const stepBack = async (channel: 'workshop:undo' | 'workshop:redo') => {
      clock += 3000;
      const done = await ok<WorkshopSnapshot>(
        ipc.call(channel, { sessionId: session.id, baseRevision: revision }),
      );
      ({ state, revision } = done);
    };

    const criteria = ['security', 'performance', 'scalability', 'ecosystem'];
    for (let i = 0; i < 130; i++) {
      const criterionId = criteria[i % criteria.length];
      if (i % 9 === 3) {
        // A drag: one change, merged while the same slider keeps moving.
        for (const value of [2, 4, 6, 8])
          await apply({ type: 'setDirect', participantId: priya, criterionId, value }, 300);
      } else if (i % 9 === 5) {
        await apply({ type: 'setStep', step: i % 2 ? 'compare' : 'weighting' }, 3000);
      } else if (i % 13 === 7) {
        await stepBack('workshop:undo');
        await stepBack('workshop:undo');
        if (i % 2) await stepBack('workshop:redo');
      } else if (i % 17 === 0) {
        await apply({ type: 'setNotes', field: 'risks', text: `Risk ${i}` }, 3000);
        await apply({ type: 'setNotes', field: 'risks', text: `Risk ${i}, typed on` }, 500);
      } else {
        await apply({ type: 'setDirect', participantId: marek, criterionId, value: i % 11 }, 3000);
      }
    }
    const ids = [...expected.keys()];
    expect(ids.length).toBeGreaterThan(100);
    expect(
      core.db.prepare('SELECT COUNT(*) FROM workshop_changes WHERE base IS NOT NULL').pluck().get(),
    ).toBeGreaterThan(1);
    const rebuilt = changeStates(core.db, session.id, ids);
    for (const id of ids) expect(asJson(rebuilt.get(id)), `change ${id}`).toEqual(asJson(expected.get(id)));
  });
});
