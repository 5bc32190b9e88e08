/**
 * The first start after an upgrade: a database of the release before (tests/db/fixtures, schema
 * 50) is updated in the real check worker (from source) while the main side answers. Meanwhile
 * `data:status` says `updating` and data channels answer `unavailable`; afterwards every history
 * entry, undo and redo answers as that release answered. A failed update leaves the file byte for
 * byte as it was and opens the recovery screen with what went wrong.
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DataStatus } from '@shared/data/contract';
import type { Core } from '../../src-main/core';
import { LATEST_SCHEMA_VERSION, pendingMigrations } from '../../src-main/db/migrations';
import { sourceCheckWorker } from '../helpers/checkWorker';
import { useIpcCore } from '../helpers/core';
import type { FakeIpcMain } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';
import { call, stepBackAndForth, value, wholeHistory } from './fixtures/changeLogSteps';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);
const fixtures = join(import.meta.dirname, 'fixtures');

type Expected = {
  sessionId: string;
  clock: number;
  history: unknown[];
  afterSteps: unknown[];
  steps: unknown[];
};
const expected = JSON.parse(readFileSync(join(fixtures, 'changeLog.expected.json'), 'utf8')) as Expected;

/** The release before's database, in a fresh folder. */
function releaseDatabase(): string {
  const path = join(tempDir(), 'stackwise.sqlite');
  copyFileSync(join(fixtures, 'changeLog.sqlite'), path);
  return path;
}

const schemaOf = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

/** Every `data:status` event, in order. */
function recordStatuses(core: Core): DataStatus[] {
  const seen: DataStatus[] = [];
  core.events.subscribe((event, payload) => {
    if (event === 'data:status') seen.push(payload as DataStatus);
  });
  return seen;
}

const refusals = async (ipc: FakeIpcMain, sessionId: string) =>
  Promise.all(
    [
      ['sessions:list', {}],
      ['workshop:get', { sessionId }],
      ['history:list', { sessionId, offset: 0, limit: 7 }],
      ['data:backup', {}],
      ['data:recreate', {}],
    ].map(async ([channel, input]) => (await call(ipc, channel as string, input)).error?.code),
  );

// Worker threads that compile the app's source on a shared 2-core machine: generous limits.
describe('the update on the first start after an upgrade', { timeout: 120_000 }, () => {
  it('runs in the worker, says so, refuses data meanwhile, and keeps every history entry, undo and redo', async () => {
    const databasePath = releaseDatabase();
    const gate = join(tempDir(), 'go');
    let clock = expected.clock;
    const { core, ipc } = startCore({
      version: '2.0.0',
      now: () => new Date(clock),
      databasePath,
      checkWorker: sourceCheckWorker(),
      updateInWorkerFrom: 0,
      updateGate: gate,
    });
    const statuses = recordStatuses(core);
    const { sessionId } = expected;

    // Held at the gate: the main side answers, and says what is happening.
    const steps = pendingMigrations(50).length + 1;
    expect(await value(ipc, 'data:status', {})).toMatchObject({
      state: 'updating',
      step: 1,
      steps,
      task: 'Preparing the sessions list and its search',
      count: null,
      databasePath,
    });
    expect(await refusals(ipc, sessionId)).toEqual(Array(5).fill('unavailable'));
    expect(schemaOf(databasePath)).toBe(50);

    writeFileSync(gate, '');
    await core.data.updated();

    // Each step was announced in order; the change log's step counted every change it converted.
    const updating = statuses.filter((s) => s.state === 'updating');
    expect(updating.map((s) => s.step)).toEqual([...updating.map((s) => s.step)].sort((a, b) => a - b));
    expect(updating.at(-1)).toMatchObject({
      step: steps,
      task: 'Filling in the sessions list and its search',
    });
    const converted = updating.filter((s) => s.count !== null).at(-1);
    expect(converted).toMatchObject({ task: 'Storing each change in the history compactly' });
    expect(converted?.count).toEqual({ done: 65, total: 65, of: 'changes' });
    expect(statuses.at(-1)).toMatchObject({ state: 'ready', check: { state: 'checking' } });

    expect(schemaOf(databasePath)).toBe(LATEST_SCHEMA_VERSION);
    expect(await wholeHistory(ipc, sessionId)).toEqual(expected.history);
    expect(await value(ipc, 'sessions:list', {})).toMatchObject({ total: 1 });
    // Undo and redo answer as after the same update run in-process as the file opens (which
    // changeLogMigration.test.ts holds to the release before's answers).
    let inProcessClock = expected.clock;
    const inProcess = startCore({
      version: '2.0.0',
      now: () => new Date(inProcessClock),
      databasePath: releaseDatabase(),
    }).ipc;
    const tick = () => (inProcessClock += 1000);
    expect(await stepBackAndForth(ipc, sessionId, () => (clock += 1000))).toEqual(
      await stepBackAndForth(inProcess, sessionId, tick),
    );
    expect(await wholeHistory(ipc, sessionId)).toEqual(await wholeHistory(inProcess, sessionId));
    await core.data.checked();
    expect(await value(ipc, 'data:status', {})).toMatchObject({ state: 'ready', check: { state: 'sound' } });
  });

  it.each([
    ['in the worker', { checkWorker: sourceCheckWorker(), updateInWorkerFrom: 0 }],
    ['in-process, on a small file', {}],
  ])(
    'that fails %s leaves the file byte for byte as it was and opens recovery with what went wrong',
    async (_, where) => {
      const databasePath = releaseDatabase();
      // A change whose action this version cannot read: the change log's conversion stops on it.
      const edit = new Database(databasePath);
      edit.prepare('UPDATE workshop_changes SET action = \'{"type":"teleport"}\' WHERE id = 40').run();
      edit.close();
      const before = readFileSync(databasePath);

      const { core, ipc } = startCore({ databasePath, ...where });
      await core.data.updated();

      const status = await value<DataStatus>(ipc, 'data:status', {});
      expect(status).toMatchObject({ state: 'recovery', problem: 'not-updated', foundAfterOpening: false });
      expect(status.state === 'recovery' ? status.message : '').toMatch(
        /^The update stopped at step 2 of \d+ and was undone.*What went wrong: stored data this version could not read \(at type\)/,
      );
      expect(readFileSync(databasePath).equals(before)).toBe(true);
      expect(existsSync(`${databasePath}-wal`)).toBe(false);
      expect((await call(ipc, 'sessions:list', {})).error?.code).toBe('unavailable');
    },
  );

  it('runs in-process, as the file opens, when the database is small', async () => {
    const databasePath = releaseDatabase();
    const { ipc } = startCore({ databasePath, checkWorker: sourceCheckWorker() });
    expect(await value(ipc, 'data:status', {})).toMatchObject({ state: 'ready' });
    expect(schemaOf(databasePath)).toBe(LATEST_SCHEMA_VERSION);
  });
});
