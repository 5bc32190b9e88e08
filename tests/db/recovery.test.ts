import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import type { Backup, DataStatus, Replaced } from '@shared/data/contract';
import { listBackups } from '../../src-main/db/backups';
import { LATEST_SCHEMA_VERSION } from '../../src-main/db/migrations';
import { damage, DAMAGE_KINDS } from '../helpers/damage';
import { draft } from '../helpers/fixtures';
import { backedUpCores, call, names, value } from '../helpers/dataStore';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const { clock, start } = backedUpCores();

/** A database with two sessions and a backup of it; then a third session after the backup. */
async function workspaceWithBackup(): Promise<{ dir: string; file: string; backup: string }> {
  const dir = tempDir();
  const core = start(dir);
  await value(call(core, 'sessions:create', draft({ clientName: 'Northwind' })));
  await value(call(core, 'sessions:create', draft({ clientName: 'Fabrikam' })));
  const backup = await value<Backup>(call(core, 'data:backup'));
  clock.advance(60_000);
  await value(call(core, 'sessions:create', draft({ clientName: 'Contoso' })));
  core.db.pragma('wal_checkpoint(TRUNCATE)');
  core.close();
  return { dir, file: join(dir, 'stackwise.sqlite'), backup: backup.fileName };
}

const keptFiles = (dir: string) =>
  existsSync(join(dir, 'kept')) ? readdirSync(join(dir, 'kept')).filter((f) => f.endsWith('.sqlite')) : [];

describe('the start-up check', () => {
  it.each(DAMAGE_KINDS)('opens the recovery path for a %s, touching nothing', async (kind) => {
    const { dir, file, backup } = await workspaceWithBackup();
    damage(file, kind);
    const bytes = readFileSync(file);

    const core = start(dir);
    // Found before opening, or by the whole-file check right after: recovery either way.
    await core.data.checked();
    await core.backupsReady;
    const status = await value<DataStatus>(call(core, 'data:status'));
    expect(status).toMatchObject({ state: 'recovery', problem: 'damaged' });
    const refused = await call(core, 'sessions:list', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    // No empty database was made in its place, and no backup was taken of a damaged file.
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(listBackups(join(dir, 'backups')).map((b) => b.fileName)).toEqual([backup]);

    // Way back 1: restore the backup. The damaged file is kept, byte for byte.
    const seen = vi.fn();
    core.events.subscribe(seen);
    const replaced = await value<Replaced>(call(core, 'data:restore', { fileName: backup }));
    expect(await value<DataStatus>(call(core, 'data:status'))).toMatchObject({ state: 'ready' });
    expect(await names(core)).toEqual(['Fabrikam', 'Northwind']);
    expect(replaced.keptAs).toContain(join(dir, 'kept', 'stackwise-damaged-'));
    expect(readFileSync(replaced.keptAs ?? '').equals(bytes)).toBe(true);
    expect(seen).toHaveBeenCalledWith('data:replaced', replaced);
    core.close();
  });

  it.each(DAMAGE_KINDS)('can start fresh from a %s, keeping the damaged file', async (kind) => {
    const { dir, file } = await workspaceWithBackup();
    damage(file, kind);
    const bytes = readFileSync(file);
    const core = start(dir);
    await core.data.checked();
    const replaced = await value<Replaced>(call(core, 'data:recreate'));
    expect(await names(core)).toEqual([]);
    expect(readFileSync(replaced.keptAs ?? '').equals(bytes)).toBe(true);
    core.close();
    // The fresh database is a real one that opens normally next time.
    const again = start(dir);
    expect(await value<DataStatus>(call(again, 'data:status'))).toMatchObject({ state: 'ready' });
    again.close();
  });

  it('refuses a database from a newer version, leaves it untouched and offers nothing that replaces it', async () => {
    const { dir, file, backup } = await workspaceWithBackup();
    const newer = new Database(file);
    newer.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    newer.close();
    const bytes = readFileSync(file);

    const core = start(dir);
    const status = await value<DataStatus>(call(core, 'data:status'));
    expect(status).toMatchObject({ state: 'recovery', problem: 'too-new' });
    expect(status.state === 'recovery' ? status.message : '').toMatch(/newer version of Stackwise/);
    expect(await call(core, 'data:restore', { fileName: backup })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await call(core, 'data:recreate')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    core.close();
    expect(readFileSync(file).equals(bytes)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    expect(keptFiles(dir)).toEqual([]);
  });
});

describe('restoring a backup from the app', () => {
  it('keeps the current database aside first, then opens the backup', async () => {
    const { dir, backup } = await workspaceWithBackup();
    const core = start(dir);
    expect(await names(core)).toEqual(['Contoso', 'Fabrikam', 'Northwind']);
    const backups = await value<Backup[]>(call(core, 'data:backups'));
    expect(backups.find((b) => b.fileName === backup)).toMatchObject({ restorable: true, problem: '' });

    const replaced = await value<Replaced>(call(core, 'data:restore', { fileName: backup }));
    expect(await names(core)).toEqual(['Fabrikam', 'Northwind']);
    // What was replaced (with Contoso) is a sound database in kept/.
    const kept = new Database(replaced.keptAs ?? '', { readonly: true });
    expect(kept.prepare('SELECT client_name FROM sessions ORDER BY client_name').pluck().all()).toEqual([
      'Contoso',
      'Fabrikam',
      'Northwind',
    ]);
    kept.close();
    // The restored database keeps saving.
    await value(call(core, 'sessions:create', draft({ clientName: 'Tailspin' })));
    expect(await names(core)).toEqual(['Fabrikam', 'Northwind', 'Tailspin']);
    core.close();
  });

  it('refuses a damaged backup or a name that is not a backup, changing nothing', async () => {
    const { dir, backup } = await workspaceWithBackup();
    const copy = backup.replace(/\d{3}\.sqlite$/, '999.sqlite');
    copyFileSync(join(dir, 'backups', backup), join(dir, 'backups', copy));
    damage(join(dir, 'backups', copy), 'zeroed page');
    const core = start(dir);

    const backups = await value<Backup[]>(call(core, 'data:backups'));
    expect(backups.find((b) => b.fileName === copy)).toMatchObject({ restorable: false });
    expect(await call(core, 'data:restore', { fileName: copy })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'fileName' },
    });
    expect(await call(core, 'data:restore', { fileName: '../stackwise.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', field: 'fileName' },
    });
    expect(
      await call(core, 'data:restore', { fileName: 'stackwise-20000101-000000000.sqlite' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(await names(core)).toEqual(['Contoso', 'Fabrikam', 'Northwind']);
    expect(keptFiles(dir)).toEqual([]);
    core.close();
  });

  it('keeps working on the current database when it cannot be set aside', async () => {
    const { dir, backup } = await workspaceWithBackup();
    writeFileSync(join(dir, 'kept'), 'a file where the kept/ folder should be');
    const core = start(dir);
    const failed = await call(core, 'data:restore', { fileName: backup });
    expect(failed).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(await value<DataStatus>(call(core, 'data:status'))).toMatchObject({ state: 'ready' });
    expect(await names(core)).toEqual(['Contoso', 'Fabrikam', 'Northwind']);
    await value(call(core, 'sessions:create', draft({ clientName: 'Tailspin' })));
    expect(await names(core)).toHaveLength(4);
    core.close();
  });

  it('refuses to start fresh over a sound database', async () => {
    const { dir } = await workspaceWithBackup();
    const core = start(dir);
    expect(await call(core, 'data:recreate')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await names(core)).toHaveLength(3);
    core.close();
  });
});
