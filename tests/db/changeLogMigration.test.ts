/**
 * The compact change log (migration 70) on a database the release before wrote through its own
 * IPC registration (tests/db/fixtures/changeLog.make.ts): edits, a dragged slider and a typed note
 * merged into one change each, undo, redo, a discarded fork, a restore that seals, and enough
 * changes for more than one whole state. Every history entry and every undo and redo answers as
 * that release answered.
 */
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { WorkshopStateSchema } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { useTempDir } from '../helpers/tempDir';
import { stepBackAndForth, value, wholeHistory } from './fixtures/changeLogSteps';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);
const fixtures = join(__dirname, 'fixtures');

type Expected = {
  sessionId: string;
  clock: number;
  history: unknown[];
  workshop: unknown;
  steps: unknown[];
  afterSteps: unknown[];
};
/**
 * The release before wrote its documents with one `anonymous` switch; this release reads them as
 * the level of anonymity it meant (shared/workshop/schema.ts), so its answers carry them so read.
 */
function readNow(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(readNow);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      key,
      // A history entry's `state` is "applied" or "undone"; a snapshot's is the document.
      key === 'state' && typeof item === 'object'
        ? JSON.parse(JSON.stringify(WorkshopStateSchema.parse(item)))
        : readNow(item),
    ]),
  );
}
const expected = readNow(
  JSON.parse(readFileSync(join(fixtures, 'changeLog.expected.json'), 'utf8')),
) as Expected;

function releaseDatabase(): string {
  const path = join(tempDir(), 'stackwise.sqlite');
  copyFileSync(join(fixtures, 'changeLog.sqlite'), path);
  return path;
}

describe('the change log migration', () => {
  it('starts from a database of the release before, with two whole states per change', () => {
    const db = new Database(releaseDatabase(), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(50);
    const columns = db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('workshop_changes');
    expect(columns).toEqual(expect.arrayContaining(['before', 'after']));
    expect(db.prepare('SELECT COUNT(*) FROM workshop_changes').pluck().get()).toBeGreaterThan(50);
    db.close();
  });

  it('keeps every history entry, the undo and redo buttons, and what undo and redo do', async () => {
    let clock = expected.clock;
    const { core, ipc } = startCore({
      version: '2.0.0',
      now: () => new Date(clock),
      databasePath: releaseDatabase(),
    });
    const { sessionId } = expected;
    // Migrated: what changed is stored, not two whole states per change.
    const columns = core.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('workshop_changes');
    expect(columns).not.toContain('before');
    expect(
      core.db.prepare('SELECT COUNT(*) FROM workshop_changes WHERE base IS NOT NULL').pluck().get(),
    ).toBe(2);

    expect(await wholeHistory(ipc, sessionId)).toEqual(expected.history);
    expect(await value(ipc, 'workshop:get', { sessionId })).toEqual(expected.workshop);
    expect(await stepBackAndForth(ipc, sessionId, () => (clock += 1000))).toEqual(expected.steps);
    expect(await wholeHistory(ipc, sessionId)).toEqual(expected.afterSteps);
  });

  it('keeps ids counting on, so a new change never takes the id of one before', async () => {
    const { core, ipc } = startCore({ version: '2.0.0', databasePath: releaseDatabase() });
    const newest = core.db.prepare('SELECT MAX(id) FROM workshop_changes').pluck().get() as number;
    const { sessionId } = expected;
    const { revision } = await value<{ revision: number }>(ipc, 'workshop:get', { sessionId });
    await value(ipc, 'workshop:apply', {
      sessionId,
      baseRevision: revision,
      action: { type: 'setNotes', field: 'risks', text: 'After the migration' },
    });
    expect(core.db.prepare('SELECT MAX(id) FROM workshop_changes').pluck().get()).toBe(newest + 1);
    const [entry] = await wholeHistory(ipc, sessionId);
    expect(entry).toMatchObject({ id: `change-${newest + 1}`, label: 'Edited the risks', state: 'applied' });
  });
});
