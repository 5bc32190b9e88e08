import { copyFileSync, existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backUp, BACKUP_POLICY, isSound, listBackups, scheduleBackups } from '../../src-main/db/backups';
import { openDatabase } from '../../src-main/db/connection';
import { createCore } from '../../src-main/core';
import { damage, DAMAGE_KINDS } from '../helpers/damage';
import type { DamageKind } from '../helpers/damage';
import { draft, FONTS_DIR } from '../helpers/fixtures';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

function databaseWithSessions(count: number) {
  const dir = tempDir();
  const core = createCore({
    databasePath: join(dir, 'stackwise.sqlite'),
    host: 'web',
    version: 'test',
    fontsDir: FONTS_DIR,
  });
  for (let i = 0; i < count; i++)
    void core.handlers['sessions:create']({
      ...draft({ clientName: `Client ${i}` }),
      description: '',
      participants: [],
    });
  return { dir, core };
}

const countSessions = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM sessions').pluck().get();
  } finally {
    db.close();
  }
};

describe('backups', () => {
  it('copy the live database, one consistent moment of it, into a sound file with every row', async () => {
    const { dir, core } = databaseWithSessions(3);
    const made = await backUp(core.db, {
      dir: join(dir, 'backups'),
      now: () => new Date('2026-03-12T09:00:00.123Z'),
    });
    expect(made.fileName).toBe('stackwise-20260312-090000123.sqlite');
    // Checking a backup leaves nothing beside it.
    expect(readdirSync(join(dir, 'backups'))).toEqual([made.fileName]);
    expect(made.at).toBe('2026-03-12T09:00:00.123Z');
    expect(await isSound(made.path)).toBe(true);
    expect(countSessions(made.path)).toBe(3);
    core.close();
  });

  it('keep only the newest ones', async () => {
    const { dir, core } = databaseWithSessions(1);
    let clock = Date.parse('2026-03-12T09:00:00.000Z');
    for (let i = 0; i < BACKUP_POLICY.keep + 3; i++) {
      await backUp(core.db, { dir: join(dir, 'backups'), now: () => new Date(clock) });
      clock += 60_000;
    }
    const kept = listBackups(join(dir, 'backups'));
    expect(kept).toHaveLength(BACKUP_POLICY.keep);
    expect(kept[0]?.at).toBe(new Date(clock - 60_000).toISOString());
    expect(kept.at(-1)?.at).toBe('2026-03-12T09:03:00.000Z');
    core.close();
  });

  it('are made on start unless a recent one exists, and never stop the app when they fail', async () => {
    const dir = tempDir();
    const databasePath = join(dir, 'stackwise.sqlite');
    const backupDir = join(dir, 'backups');
    let clock = Date.parse('2026-03-12T09:00:00.000Z');
    const start = () =>
      createCore({
        databasePath,
        host: 'web',
        version: 'test',
        fontsDir: FONTS_DIR,
        backupDir,
        now: () => new Date(clock),
      });
    let core = start();
    await core.backupsReady;
    core.close();
    clock += 60_000; // a restart a minute later: no second backup
    core = start();
    await core.backupsReady;
    core.close();
    expect(listBackups(backupDir)).toHaveLength(1);
    clock += BACKUP_POLICY.minimumGapMs;
    core = start();
    await core.backupsReady;
    core.close();
    expect(listBackups(backupDir)).toHaveLength(2);

    // A folder that cannot be written: the failure is reported, the app goes on.
    const errors: unknown[] = [];
    const db = openDatabase(join(dir, 'other.sqlite'));
    writeFileSync(join(dir, 'not-a-folder'), 'x');
    const schedule = scheduleBackups(db, {
      dir: join(dir, 'not-a-folder'),
      now: () => new Date(clock),
      onError: (e) => errors.push(e),
    });
    await schedule.ready;
    schedule.stop();
    db.close();
    expect(errors).toHaveLength(1);
  });
});

describe('the integrity check', () => {
  function damaged(kind: DamageKind): string {
    const { dir, core } = databaseWithSessions(40);
    core.db.pragma('wal_checkpoint(TRUNCATE)');
    core.close();
    const target = join(dir, `${kind}.sqlite`);
    copyFileSync(join(dir, 'stackwise.sqlite'), target);
    damage(target, kind);
    return target;
  }

  it.each(DAMAGE_KINDS)('finds a %s unsound', async (kind) => {
    const file = damaged(kind);
    expect(existsSync(file)).toBe(true);
    expect(await isSound(file)).toBe(false);
  });

  it('finds an intact copy sound', async () => {
    const { dir, core } = databaseWithSessions(2);
    core.close();
    expect(await isSound(join(dir, 'stackwise.sqlite'))).toBe(true);
  });
});
