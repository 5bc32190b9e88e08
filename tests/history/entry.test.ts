/**
 * A history page lists entries from what is stored beside them (label, time, kind, undone or
 * not); one entry's lines are compared when it is opened (`history:entry`). Every other history
 * test reads the lines through both channels (tests/helpers/history.ts), and the change-log
 * migration test compares them with what the release before answered in its pages.
 */
import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@shared/history/contract';
import type { Session } from '@shared/sessions/schema';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { entryChanges } from '../helpers/history';
import { ok } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, updateLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);
let clock = Date.parse('2026-03-12T09:00:00.000Z');

const NOT_OURS = 'That history entry is not one this app made (its reference is not valid).';
const NOT_HERE = 'That entry is not in this session’s history.';

function start() {
  const { core, ipc } = startCore({ now: () => new Date((clock += 5000)) });
  const create = (clientName: string) => ok<Session>(ipc.call('sessions:create', draft({ clientName })));
  const list = async (sessionId: string) =>
    (await ok<{ entries: HistoryEntry[] }>(ipc.call('history:list', { sessionId }))).entries;
  return { core, ipc, create, list };
}

describe('a history entry', () => {
  it('is listed from its stored label, and says whether it has lines to open', async () => {
    const { ipc, create, list } = start();
    const session = await create('Northwind');
    const [priya = ''] = session.participants.map((p) => p.id);
    await ok(applyLatest(ipc, session.id, { type: 'addCandidate', id: 'go', name: 'Go' }));
    await ok(
      applyLatest(ipc, session.id, {
        type: 'setDirect',
        participantId: priya,
        criterionId: 'security',
        value: 9,
      }),
    );
    await ok(applyLatest(ipc, session.id, { type: 'removeCandidate', id: 'go' }));
    await ok(updateLatest(ipc, session.id, { projectName: 'Portal v2' }));
    await ok(ipc.call('report:export', { sessionId: session.id }));

    const entries = await list(session.id);
    expect(entries[0]?.label).toMatch(/^Exported the PDF report/);
    expect(entries.map(({ label, kind, comparable }) => ({ label, kind, comparable })).slice(1)).toEqual([
      { label: 'Edited the session details', kind: 'details', comparable: true },
      // Named from the state before: the stack is gone after.
      { label: 'Removed the stack “Go”', kind: 'workshop', comparable: true },
      { label: 'Priya (CTO) set Security to 9 of 10', kind: 'workshop', comparable: true },
      { label: 'Added candidate “Go”', kind: 'workshop', comparable: true },
      { label: 'Created the session', kind: 'created', comparable: false },
    ]);
    expect(entries[0]).toMatchObject({ kind: 'report', comparable: false });
    const [report, details, removed, weight] = entries;
    expect(await entryChanges(ipc, session.id, report?.id ?? '')).toEqual([]);
    expect(await entryChanges(ipc, session.id, details?.id ?? '')).toEqual([
      { what: 'Project', before: 'Customer portal rebuild', after: 'Portal v2', changed: true },
    ]);
    expect(await entryChanges(ipc, session.id, removed?.id ?? '')).toContainEqual({
      what: 'Stack “Go”',
      before: 'Go',
      after: null,
      changed: true,
    });
    const lines = await entryChanges(ipc, session.id, weight?.id ?? '');
    expect(lines.map((line) => line.what)).toContain('Weight of Security');
    expect(await ipc.call('history:entry', { sessionId: session.id, entryId: weight?.id })).toMatchObject({
      ok: true,
      value: { hidden: false },
    });
  });

  it('refuses a reference that is not an entry id, naming the entry and changing nothing', async () => {
    const { core, ipc, create } = start();
    const session = await create('Northwind');
    const before = dumpDatabase(core);
    for (const entryId of [
      '',
      'change-',
      'change-0',
      'change-012',
      'change-1.5',
      'change-1e3',
      'change--4',
      'event-x',
      'snapshot-1',
      'constructor',
      ' change-1',
      `change-${'9'.repeat(16)}`,
    ]) {
      expect(await ipc.call('history:entry', { sessionId: session.id, entryId }), String(entryId)).toEqual({
        ok: false,
        error: { code: 'invalid_input', message: NOT_OURS, field: 'entryId' },
      });
    }
    for (const entryId of [12, null, undefined, ['change-1']]) {
      const answer = await ipc.call('history:entry', { sessionId: session.id, entryId });
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', field: 'entryId' } });
      expect(answer.ok ? '' : answer.error.message).toMatch(/^The history entry /);
    }
    expect(dumpDatabase(core)).toBe(before);
  });

  it('of another session, or one that is not there, is refused without its lines', async () => {
    const { core, ipc, create, list } = start();
    const mine = await create('Northwind');
    const theirs = await create('Fabrikam');
    await ok(applyLatest(ipc, theirs.id, { type: 'addCandidate', id: 'go', name: 'Go' }));
    await ok(updateLatest(ipc, theirs.id, { projectName: 'Their secret project' }));
    const [details, change] = await list(theirs.id);
    expect(details?.id).toMatch(/^event-\d+$/);
    expect(change?.id).toMatch(/^change-\d+$/);
    const before = dumpDatabase(core);
    for (const entryId of [details?.id, change?.id, 'change-999999', 'event-999999']) {
      const answer = await ipc.call('history:entry', { sessionId: mine.id, entryId });
      expect(answer, entryId).toEqual({
        ok: false,
        error: { code: 'not_found', message: NOT_HERE, field: 'entryId' },
      });
      expect(JSON.stringify(answer)).not.toContain('secret');
    }
    expect(dumpDatabase(core)).toBe(before);
    // Their own session opens them.
    expect(await entryChanges(ipc, theirs.id, details?.id ?? '')).toContainEqual(
      expect.objectContaining({ what: 'Project', after: 'Their secret project' }),
    );
    await ok(ipc.call('sessions:delete', { id: theirs.id }));
    expect(await ipc.call('history:entry', { sessionId: theirs.id, entryId: change?.id })).toMatchObject({
      ok: false,
      error: { code: 'not_found', field: 'sessionId' },
    });
  });
});
