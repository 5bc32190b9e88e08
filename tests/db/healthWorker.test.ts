/**
 * The whole-file checks run in the real check worker (`src-main/db/checkWorker.ts`, from source),
 * and the main side keeps answering while they run: a check that cannot finish (the file held
 * locked by the test) still lets a call be answered, and finishes once the lock goes.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { DataStatus } from '@shared/data/contract';
import { createCore } from '../../src-main/core';
import type { Core } from '../../src-main/core';
import { workerCheckRunner } from '../../src-main/db/checkRunner';
import { openDatabase } from '../../src-main/db/connection';
import type { CheckOutcome } from '../../src-main/db/fileCheck';
import { checkDatabase } from '../../src-main/db/health';
import { listBackups } from '../../src-main/db/backups';
import { sourceCheckWorker } from '../helpers/checkWorker';
import { call, value } from '../helpers/dataStore';
import { FONTS_DIR } from '../helpers/fixtures';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

/** A Stackwise database with `megabytes` of filler rows, closed and checkpointed. */
function largeDatabase(dir: string, megabytes: number): string {
  const file = join(dir, 'stackwise.sqlite');
  const db = openDatabase(file);
  db.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, bytes BLOB NOT NULL)');
  db.prepare(
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) ' +
      'INSERT INTO filler (bytes) SELECT randomblob(1000) FROM n',
  ).run(megabytes * 1000);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

/** Zeroes the last leaf page of the filler table: deep in the file, past anything read on start. */
function damageDeepPage(file: string): void {
  // Writable, so closing it leaves no -wal behind.
  const db = new Database(file);
  const page = db
    .prepare(
      "SELECT pageno FROM dbstat WHERE name = 'filler' AND pagetype = 'leaf' ORDER BY pageno DESC LIMIT 1",
    )
    .pluck()
    .get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const bytes = readFileSync(file);
  bytes.fill(0, (page - 1) * pageSize, page * pageSize);
  writeFileSync(file, bytes);
}

/** A database in rollback-journal mode, held under an exclusive lock until `release()`. */
function lockedDatabase(dir: string): { file: string; release: () => void } {
  const file = join(dir, 'locked.sqlite');
  const holder = new Database(file);
  holder.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
  holder.exec('BEGIN EXCLUSIVE');
  return {
    file,
    release: () => {
      holder.exec('COMMIT');
      holder.close();
    },
  };
}

const startCore = (dir: string): Core =>
  createCore({
    databasePath: join(dir, 'stackwise.sqlite'),
    backupDir: join(dir, 'backups'),
    host: 'web',
    version: 'test',
    fontsDir: FONTS_DIR,
    checkWorker: sourceCheckWorker(),
  });

// Real files and worker threads on a shared 2-core machine: generous limits, never a timing check.
describe('the check worker', { timeout: 30_000 }, () => {
  it('finds damage deep in the file that the check before opening does not read', async () => {
    const file = largeDatabase(tempDir(), 4);
    damageDeepPage(file);
    expect(checkDatabase(file)).toBeNull();
    const outcome = await workerCheckRunner(sourceCheckWorker())({ file, check: 'quick_check' });
    expect(outcome.outcome).toBe('damaged');
    expect(outcome.outcome === 'damaged' ? outcome.detail : '').toMatch(/^SQLite/);
    // Looking left nothing beside the file.
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('runs off the main thread: a call is answered while the check cannot finish', async () => {
    const dir = tempDir();
    const core = startCore(dir);
    await core.data.checked();
    const locked = lockedDatabase(dir);
    const order: string[] = [];
    const checked = workerCheckRunner(sourceCheckWorker())({
      file: locked.file,
      check: 'integrity_check',
    }).then((outcome) => {
      order.push('checked');
      return outcome;
    });
    // The worker cannot read the file until the lock goes. A turn of the event loop first: a
    // check run on the main thread (even deferred to a later turn) would hold it here, locked.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await value<DataStatus>(call(core, 'data:status'));
    order.push('answered');
    locked.release();
    expect(await checked).toEqual({ outcome: 'sound', check: 'integrity_check' });
    expect(order).toEqual(['answered', 'checked']);
    core.close();
  });

  it('makes a backup copy off the main thread too, and checks the copy', async () => {
    const dir = tempDir();
    const locked = lockedDatabase(dir);
    const copy = join(dir, 'copy.sqlite');
    writeFileSync(copy, '');
    const order: string[] = [];
    const made = workerCheckRunner(sourceCheckWorker())({
      file: locked.file,
      check: 'integrity_check',
      copyTo: copy,
    }).then((outcome) => {
      order.push('copied');
      return outcome;
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    order.push('answered');
    locked.release();
    expect(await made).toEqual({ outcome: 'sound', check: 'integrity_check' });
    expect(order).toEqual(['answered', 'copied']);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual([1]);
    db.close();
  });

  it('stops a check that runs out of time and says so, never calling the file damaged', async () => {
    const locked = lockedDatabase(tempDir());
    const outcome: CheckOutcome = await workerCheckRunner(sourceCheckWorker({ timeoutMs: 50 }))({
      file: locked.file,
      check: 'quick_check',
    });
    locked.release();
    expect(outcome.outcome).toBe('unfinished');
    expect(outcome.outcome === 'unfinished' ? outcome.detail : '').toMatch(/did not finish within 50 ms/);
  });
});

describe('start-up at a large database', { timeout: 30_000 }, () => {
  it('opens at once and answers while every page is checked in the background', async () => {
    const dir = tempDir();
    largeDatabase(dir, 16);
    const order: string[] = [];
    const core = startCore(dir);
    core.events.subscribe((event) => {
      if (event === 'data:status') order.push('checked');
    });
    expect(await value<DataStatus>(call(core, 'data:status'))).toMatchObject({
      state: 'ready',
      check: { state: 'checking' },
    });
    expect(await value(call(core, 'brands:list'))).toEqual([]);
    order.push('answered');
    await core.data.checked();
    expect(order).toEqual(['answered', 'checked']);
    const after = await value<DataStatus>(call(core, 'data:status'));
    expect(after).toMatchObject({ state: 'ready', check: { state: 'sound' } });
    expect(after.state === 'ready' ? after.check.message : '').toMatch(/found no damage/);
    // The start-up backup waited for the check, and was checked in the worker too.
    await core.backupsReady;
    expect(listBackups(join(dir, 'backups'))).toHaveLength(1);
    core.close();
  });

  it('moves to recovery when the background check finds damage, keeping the file as it was', async () => {
    const dir = tempDir();
    const file = largeDatabase(dir, 4);
    damageDeepPage(file);
    const bytes = readFileSync(file);
    const seen: unknown[] = [];
    const core = startCore(dir);
    core.events.subscribe((event, payload) => {
      if (event === 'data:status') seen.push(payload);
    });
    expect(await value<DataStatus>(call(core, 'data:status'))).toMatchObject({ state: 'ready' });
    await core.data.checked();
    await core.backupsReady;
    expect(seen).toMatchObject([{ state: 'recovery', problem: 'damaged', foundAfterOpening: true }]);
    expect(await call(core, 'brands:list')).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // No backup of a damaged file, and the file itself untouched.
    expect(listBackups(join(dir, 'backups'))).toEqual([]);
    core.close();
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
