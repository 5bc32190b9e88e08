/**
 * A change in the workshop is an edit of the session: its "Edited" time moves on and the list
 * (sorted by last edited) brings it to the top, through every way the workshop is written. The
 * session's revision does not move, so the session form open in another window is not refused.
 */
import { describe, expect, it } from 'vitest';
import type { Session, SessionRecord, SessionSummary } from '@shared/sessions/schema';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import { useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);

async function start() {
  let clock = Date.parse('2026-03-12T09:00:00.000Z');
  const { core, ipc } = startCore({ now: () => new Date(clock) });
  const later = () => {
    clock += 60_000;
    return new Date(clock).toISOString();
  };
  const older = await ok<Session>(ipc.call('sessions:create', draft({ clientName: 'Northwind' })));
  later();
  const newer = await ok<Session>(ipc.call('sessions:create', draft({ clientName: 'Fabrikam' })));
  const list = async () =>
    (await ok<{ sessions: SessionSummary[] }>(ipc.call('sessions:list', { sort: 'updated' }))).sessions;
  const record = (id: string) => ok<SessionRecord>(ipc.call('sessions:get', { id }));
  const priya = older.participants[0]?.id ?? '';
  return { core, ipc, older, newer, later, list, record, priya };
}

describe('a workshop edit', () => {
  it('moves the session to the top of the list with a new Edited time, and leaves its revision', async () => {
    const s = await start();
    expect((await s.list()).map((x) => x.clientName)).toEqual(['Fabrikam', 'Northwind']);
    const revision = (await s.record(s.older.id)).revision;

    const at = s.later();
    await ok(
      applyLatest(s.ipc, s.older.id, {
        type: 'setDirect',
        participantId: s.priya,
        criterionId: 'security',
        value: 9,
      }),
    );

    const [top, next] = await s.list();
    expect(top).toMatchObject({ clientName: 'Northwind', updatedAt: at });
    expect(next?.clientName).toBe('Fabrikam');
    // Not a write to the details: a form based on the revision it had still saves.
    expect((await s.record(s.older.id)).revision).toBe(revision);
    await ok(
      s.ipc.call('sessions:update', {
        id: s.older.id,
        baseRevision: revision,
        patch: { projectName: 'Portal' },
      }),
    );
  });

  it('moves the Edited time once a second during a burst of autosaves, and to the last of them after', async () => {
    let clock = Date.parse('2026-03-12T09:00:00.000Z');
    const { ipc } = startCore({ now: () => new Date(clock) });
    const session = await ok<Session>(ipc.call('sessions:create', draft()));
    const person = session.participants[0]?.id ?? '';
    const edited = async () =>
      (await ok<SessionRecord>(ipc.call('sessions:get', { id: session.id }))).updatedAt;
    const slide = (value: number) =>
      ok(
        applyLatest(ipc, session.id, {
          type: 'setDirect',
          participantId: person,
          criterionId: 'security',
          value,
        }),
      );

    clock += 60_000;
    const first = new Date(clock).toISOString();
    await slide(1);
    expect(await edited()).toBe(first);
    // The same slider a tenth of a second apart: the list's indexes are not rewritten for each.
    for (const value of [2, 3, 4]) {
      clock += 100;
      await slide(value);
    }
    expect(await edited()).toBe(first);
    clock += 1_000;
    const later = new Date(clock).toISOString();
    await slide(5);
    expect(await edited()).toBe(later);
  });

  it('counts undo and redo as edits, and moving between steps as none', async () => {
    const s = await start();
    await ok(applyLatest(s.ipc, s.older.id, { type: 'setAnswer', question: 'team', value: 'python' }));
    const afterEdit = (await s.record(s.older.id)).updatedAt;

    s.later();
    await ok(applyLatest(s.ipc, s.newer.id, { type: 'setAnswer', question: 'team', value: 'python' }));
    const undoneAt = s.later();
    await ok(stepBackLatest(s.ipc, 'workshop:undo', s.older.id));
    expect((await s.list())[0]).toMatchObject({ clientName: 'Northwind', updatedAt: undoneAt });

    s.later();
    await ok(applyLatest(s.ipc, s.newer.id, { type: 'setAnswer', question: 'team', value: 'javascript' }));
    const redoneAt = s.later();
    await ok(stepBackLatest(s.ipc, 'workshop:redo', s.older.id));
    expect((await s.list())[0]).toMatchObject({ clientName: 'Northwind', updatedAt: redoneAt });

    s.later();
    await ok(applyLatest(s.ipc, s.older.id, { type: 'setStep', step: 'criteria' }));
    expect((await s.record(s.older.id)).updatedAt).toBe(redoneAt);
    expect(afterEdit).not.toBe(redoneAt);
  });

  it('is not recorded when the write is refused', async () => {
    const s = await start();
    const before = (await s.record(s.older.id)).updatedAt;
    s.later();
    const refused = await s.ipc.call('workshop:apply', {
      sessionId: s.older.id,
      baseRevision: 7,
      action: { type: 'setAnswer', question: 'team', value: 'python' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await s.record(s.older.id)).updatedAt).toBe(before);
  });

  it('restoring a snapshot is an edit too', async () => {
    const s = await start();
    const saved = await ok<SnapshotSummary>(
      s.ipc.call('snapshots:create', { sessionId: s.older.id, name: 'First' }),
    );
    s.later();
    await ok(applyLatest(s.ipc, s.newer.id, { type: 'setAnswer', question: 'team', value: 'python' }));
    const at = s.later();
    await ok(s.ipc.call('snapshots:restore', { sessionId: s.older.id, snapshotId: saved.id }));
    expect((await s.list())[0]).toMatchObject({ clientName: 'Northwind', updatedAt: at });
  });
});

describe('an imported session', () => {
  it('is dated by its last workshop change, even from a file whose session was dated earlier', async () => {
    const s = await start();
    const editedAt = s.later();
    await ok(applyLatest(s.ipc, s.older.id, { type: 'setAnswer', question: 'team', value: 'python' }));
    // As an earlier version stored it: workshop edits did not move the session's time.
    s.core.db.prepare('UPDATE sessions SET updated_at = created_at WHERE id = ?').run(s.older.id);
    const { text } = await ok<{ text: string }>(s.ipc.call('portable:export', { sessionId: s.older.id }));

    const { ipc } = startCore({ now: () => new Date('2026-06-01T10:00:00.000Z') });
    const imported = await ok<{ session: Session }>(ipc.call('portable:import', { text }));
    expect(imported.session.updatedAt).toBe(editedAt);
    const [listed] = (await ok<{ sessions: SessionSummary[] }>(ipc.call('sessions:list', {}))).sessions;
    expect(listed?.updatedAt).toBe(editedAt);
  });
});
