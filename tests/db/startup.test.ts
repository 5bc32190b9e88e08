/**
 * What the app does on start with a database file that is missing, empty or read-only, seen as
 * the renderer sees it (through dispatch): the recovery screen with the right way back, and never
 * an empty app that then pushes the good backups out.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup, DataStatus, Replaced } from '@shared/data/contract';
import type { Session } from '@shared/sessions/schema';
import type { Core } from '../../src-main/core';
import { listBackups } from '../../src-main/db/backups';
import { draft } from '../helpers/fixtures';
import { makeReadOnly as readOnly } from '../helpers/readOnly';
import { backedUpCores, call, names, value } from '../helpers/dataStore';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
// Writable again after each test (registered after the temp folders, so it runs before their removal).
const undo: (() => void)[] = [];
afterEach(() => undo.splice(0).forEach((writable) => writable()));
const makeReadOnly = (path: string) => {
  const writable = readOnly(path);
  undo.push(writable);
  return writable;
};
const { clock, start } = backedUpCores();

const status = (core: Core) => value<DataStatus>(call(core, 'data:status'));

/** Two sessions, backed up twice (an hour apart), then closed cleanly. */
async function workspace(): Promise<{ dir: string; file: string; newest: string }> {
  const dir = tempDir();
  const core = start(dir);
  await core.backupsReady;
  await value(call(core, 'sessions:create', draft({ clientName: 'Northwind' })));
  clock.advance(3_600_000);
  await value(call(core, 'data:backup'));
  await value(call(core, 'sessions:create', draft({ clientName: 'Fabrikam' })));
  clock.advance(3_600_000);
  const newest = await value<Backup>(call(core, 'data:backup'));
  clock.advance(3_600_000);
  core.close();
  return { dir, file: join(dir, 'stackwise.sqlite'), newest: newest.fileName };
}

const backupNames = (dir: string) => listBackups(join(dir, 'backups')).map((b) => b.fileName);

describe('a database that is gone while its backups are there', () => {
  const cases = [
    ['missing', (file: string) => rmSync(file)],
    ['empty', (file: string) => writeFileSync(file, '')],
  ] as const;

  it.each(cases)('%s: opens recovery with the newest good backup, and restores it', async (kind, lose) => {
    const { dir, file, newest } = await workspace();
    const before = backupNames(dir);
    lose(file);

    const core = start(dir);
    await core.backupsReady;
    expect(await status(core)).toMatchObject({ state: 'recovery', problem: kind });
    expect(await call(core, 'sessions:list', {})).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
    // Nothing was made in its place, and no backup of nothing pushed a good one out.
    expect(backupNames(dir)).toEqual(before);
    expect(kind === 'missing' ? existsSync(file) : readFileSync(file).length).toBe(
      kind === 'missing' ? false : 0,
    );
    const backups = await value<Backup[]>(call(core, 'data:backups'));
    expect(backups.find((b) => b.restorable)?.fileName).toBe(newest);

    await value<Replaced>(call(core, 'data:restore', { fileName: newest }));
    expect(await status(core)).toMatchObject({ state: 'ready' });
    expect(await names(core)).toEqual(['Fabrikam', 'Northwind']);
    core.close();
  });

  it('a backup of the emptied database is marked much smaller, so the one before it is offered', async () => {
    const { dir, file, newest } = await workspace();
    let core = start(dir);
    for (const session of (await value<{ sessions: Session[] }>(call(core, 'sessions:list', {}))).sessions)
      await value(call(core, 'sessions:delete', { id: session.id }));
    clock.advance(3_600_000);
    const empty = await value<Backup>(call(core, 'data:backup'));
    core.close();
    rmSync(file);

    core = start(dir);
    const backups = await value<Backup[]>(call(core, 'data:backups'));
    expect(backups[0]).toMatchObject({ fileName: empty.fileName, sessions: 0, muchSmaller: true });
    expect(backups.find((b) => b.restorable && !b.muchSmaller)).toMatchObject({
      fileName: newest,
      sessions: 2,
      muchSmaller: false,
    });
    core.close();
  });

  it.each(cases)('%s: starting fresh instead leaves every backup in place', async (_kind, lose) => {
    const { dir, file } = await workspace();
    const before = backupNames(dir);
    lose(file);
    const core = start(dir);
    await value(call(core, 'data:recreate'));
    expect(await status(core)).toMatchObject({ state: 'ready' });
    expect(await names(core)).toEqual([]);
    expect(backupNames(dir)).toEqual(expect.arrayContaining(before));
    core.close();
  });

  it('a first start (no database, no backups) opens a fresh database', async () => {
    const dir = tempDir();
    const core = start(dir);
    await core.backupsReady;
    expect(await status(core)).toMatchObject({ state: 'ready' });
    expect(await names(core)).toEqual([]);
    core.close();
  });

  it('an empty backups folder is a first start too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'stackwise.sqlite'), '');
    mkdirSync(join(dir, 'backups'));
    const core = start(dir);
    expect(await status(core)).toMatchObject({ state: 'ready' });
    core.close();
  });
});

describe('a healthy database that cannot be written', () => {
  it.each([
    ['the file', (dir: string) => join(dir, 'stackwise.sqlite')],
    ['its folder', (dir: string) => dir],
  ])('read-only %s: says so, refuses to replace it, and opens once it is writable', async (_what, target) => {
    const { dir, file, newest } = await workspace();
    const bytes = readFileSync(file);
    makeReadOnly(target(dir));

    const core = start(dir);
    const seen = await status(core);
    expect(seen).toMatchObject({ state: 'recovery', problem: 'read-only' });
    expect(seen.state === 'recovery' ? seen.message : '').toMatch(/cannot be written/);
    for (const refused of [call(core, 'data:recreate'), call(core, 'data:restore', { fileName: newest })]) {
      expect(await refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    // Still read-only: checking again changes nothing.
    expect(await value<DataStatus>(call(core, 'data:reopen'))).toMatchObject({ problem: 'read-only' });
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(join(dir, 'kept'))).toBe(false);
    core.close();
  });

  it('opens the data once the file is writable again and "Check again" is chosen', async () => {
    const { dir, file } = await workspace();
    const writable = makeReadOnly(file);
    const core = start(dir);
    expect(await status(core)).toMatchObject({ problem: 'read-only' });
    writable();
    const replaced: unknown[] = [];
    core.events.subscribe((event) => replaced.push(event));
    expect(await value<DataStatus>(call(core, 'data:reopen'))).toMatchObject({ state: 'ready' });
    // Every window reloads on the open database.
    expect(replaced).toEqual(['data:replaced']);
    expect(await names(core)).toEqual(['Fabrikam', 'Northwind']);
    core.close();
  });
});
