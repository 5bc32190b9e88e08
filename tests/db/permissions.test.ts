/**
 * The database, its WAL companions, its backups and the copies kept aside are readable by their
 * owner only: files 0600, folders 0700, whatever the process umask lets through.
 */
import { chmodSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backup, Replaced } from '@shared/data/contract';
import type { Result } from '@shared/ipc/result';
import { createCore } from '../../src-main/core';
import type { Core } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import { damage } from '../helpers/damage';
import { draft, FONTS_DIR } from '../helpers/fixtures';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const modeOf = (path: string) => statSync(path).mode & 0o777;

// A permissive umask, as some systems set: Stackwise must not rely on the umask being strict.
let umask = 0;
beforeEach(() => {
  umask = process.umask(0o000);
});
afterEach(() => {
  process.umask(umask);
});

const call = async <T>(core: Core, channel: string, input: unknown = {}): Promise<T> => {
  const result: Result<unknown> = await dispatch(core.handlers, channel, input, () => undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
};

function start(dataDir: string): Core {
  return createCore({
    databasePath: join(dataDir, 'stackwise.sqlite'),
    backupDir: join(dataDir, 'backups'),
    host: 'web',
    version: 'test',
    fontsDir: FONTS_DIR,
  });
}

describe('file modes', () => {
  it('a new database, its -wal and -shm, its folder and its backups are the owner’s only', async () => {
    const dataDir = join(tempDir(), 'Stackwise', 'data');
    const core = start(dataDir);
    await core.backupsReady;
    await call(core, 'sessions:create', draft());
    const file = join(dataDir, 'stackwise.sqlite');
    expect(modeOf(file)).toBe(0o600);
    expect(existsSync(`${file}-wal`)).toBe(true);
    expect(modeOf(`${file}-wal`)).toBe(0o600);
    expect(modeOf(`${file}-shm`)).toBe(0o600);
    // Both folders Stackwise made on the way.
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(join(dataDir, '..'))).toBe(0o700);
    expect(modeOf(join(dataDir, 'backups'))).toBe(0o700);
    const backup = await call<Backup>(core, 'data:backup');
    expect(modeOf(join(dataDir, 'backups', backup.fileName))).toBe(0o600);

    // A restore keeps the replaced database aside, and copies the backup in: both the owner's.
    const replaced = await call<Replaced>(core, 'data:restore', { fileName: backup.fileName });
    expect(modeOf(join(dataDir, 'kept'))).toBe(0o700);
    expect(modeOf(replaced.keptAs ?? '')).toBe(0o600);
    expect(modeOf(file)).toBe(0o600);
    core.close();
  });

  it('an existing database that others could read is made the owner’s only when it opens', async () => {
    const dataDir = tempDir();
    let core = start(dataDir);
    await core.backupsReady;
    core.close();
    const file = join(dataDir, 'stackwise.sqlite');
    chmodSync(file, 0o644);
    chmodSync(join(dataDir, 'backups'), 0o755);
    core = start(dataDir);
    await core.backupsReady;
    expect(modeOf(file)).toBe(0o600);
    expect(modeOf(join(dataDir, 'backups'))).toBe(0o700);
    core.close();
  });

  it('a damaged file set aside by "start fresh" is the owner’s only', async () => {
    const dataDir = tempDir();
    const file = join(dataDir, 'stackwise.sqlite');
    writeFileSync(file, 'not a database', { mode: 0o644 });
    damage(file, 'text file');
    const core = start(dataDir);
    const replaced = await call<Replaced>(core, 'data:recreate');
    expect(modeOf(replaced.keptAs ?? '')).toBe(0o600);
    expect(modeOf(file)).toBe(0o600);
    core.close();
  });
});
