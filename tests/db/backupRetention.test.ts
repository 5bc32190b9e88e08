/**
 * Which backups are kept: by age tiers (the newest ten, one a day for two weeks, one a week for
 * about two months), and never a much smaller copy in place of a good one.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backUp, BACKUP_POLICY, backupsToKeep, listBackups } from '../../src-main/db/backups';
import type { BackupSize } from '../../src-main/db/backups';
import { createCore } from '../../src-main/core';
import { draft, FONTS_DIR } from '../helpers/fixtures';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const at = (ms: number) => new Date(ms).toISOString();
const sized = (ms: number, sessions = 5, bytes = 100_000): BackupSize & { at: string; fileName: string } => ({
  at: at(ms),
  fileName: at(ms),
  sessions,
  bytes,
});

describe('the age tiers', () => {
  // Thursday noon, UTC; weeks start on Monday.
  const now = Date.parse('2026-03-12T12:00:00.000Z');

  it('keep the newest ten, then the newest of each day for two weeks, then of each week for nine weeks', () => {
    // A backup every six hours for a hundred days.
    const all = Array.from({ length: 400 }, (_, i) => sized(now - i * 6 * HOUR));
    const kept = [...backupsToKeep(all, new Date(now))].sort().reverse();

    // The newest ten: every six hours back to 2.5 days ago.
    expect(kept.slice(0, 10)).toEqual(all.slice(0, 10).map((b) => b.fileName));
    // Then one a day (the day's last, 18:00), back to the 14th day before today.
    const daily = kept.filter((k) => k < all[9]!.fileName && k >= '2026-02-27');
    expect(daily).toEqual(
      Array.from({ length: 11 }, (_, i) => at(Date.parse('2026-03-09T18:00:00.000Z') - i * DAY)),
    );
    // Then one a week: each week's last backup (Sunday 18:00), for the weeks up to nine back.
    const weekly = kept.filter((k) => k < '2026-02-27');
    expect(weekly).toEqual([
      '2026-02-22T18:00:00.000Z',
      '2026-02-15T18:00:00.000Z',
      '2026-02-08T18:00:00.000Z',
      '2026-02-01T18:00:00.000Z',
      '2026-01-25T18:00:00.000Z',
      '2026-01-18T18:00:00.000Z',
    ]);
    // The week from Monday 2026-03-09 up to now and the week before it are covered by the days.
    expect(kept).toHaveLength(10 + 11 + 6);
  });

  it('keep what each week kept while time goes by (the picks do not slide)', () => {
    const all = Array.from({ length: 400 }, (_, i) => sized(now - i * 6 * HOUR));
    const first = backupsToKeep(all, new Date(now));
    const survivors = all.filter((b) => first.has(b.fileName));
    // A week later, with no new backups in between.
    const later = [...backupsToKeep(survivors, new Date(now + 7 * DAY))].sort().reverse();
    // The last ten stay the newest ten; the days still within two weeks keep their pick.
    expect(later.slice(0, 10)).toEqual(all.slice(0, 10).map((b) => b.fileName));
    expect(later.slice(10)).toEqual([
      '2026-03-09T18:00:00.000Z',
      '2026-03-08T18:00:00.000Z',
      '2026-03-07T18:00:00.000Z',
      '2026-03-06T18:00:00.000Z',
      // Older days keep only their week's pick; the week of 2026-01-12 has left the nine weeks.
      '2026-03-01T18:00:00.000Z',
      '2026-02-22T18:00:00.000Z',
      '2026-02-15T18:00:00.000Z',
      '2026-02-08T18:00:00.000Z',
      '2026-02-01T18:00:00.000Z',
      '2026-01-25T18:00:00.000Z',
    ]);
  });
});

describe('a much smaller backup', () => {
  const now = Date.parse('2026-03-12T12:00:00.000Z');
  const good = Array.from({ length: 10 }, (_, i) => sized(now - (20 - i) * 30 * 60_000, 8, 400_000));

  it.each([
    ['empty (no sessions)', 0, 400_000],
    ['under half the sessions', 3, 400_000],
    ['under half the bytes', 8, 150_000],
  ])('%s never takes the place of a good copy', (_what, sessions, bytes) => {
    const small = Array.from({ length: 10 }, (_, i) => sized(now - (10 - i) * 30 * 60_000, sessions, bytes));
    const kept = backupsToKeep([...good, ...small], new Date(now));
    for (const b of [...good, ...small]) expect(kept.has(b.fileName), b.fileName).toBe(true);
  });

  it('at half the sessions or more is an ordinary backup, and the oldest copies make room', () => {
    const half = Array.from({ length: 10 }, (_, i) => sized(now - (10 - i) * 30 * 60_000, 4, 400_000));
    const kept = backupsToKeep([...good, ...half], new Date(now));
    expect(good.filter((b) => kept.has(b.fileName))).toHaveLength(0);
    expect(half.every((b) => kept.has(b.fileName))).toBe(true);
  });

  it('becomes the new normal once no good copy is left from the two weeks before it', () => {
    const old = sized(now - 20 * DAY, 8, 400_000);
    const small = Array.from({ length: 12 }, (_, i) => sized(now - (12 - i) * HOUR, 1, 400_000));
    const kept = backupsToKeep([old, ...small], new Date(now));
    // Twenty days old is in the weekly tier; the two oldest small ones fall out of the newest ten
    // (same day as the newer ones).
    expect(kept.has(old.fileName)).toBe(true);
    expect(small.filter((b) => kept.has(b.fileName))).toHaveLength(10);
  });
});

describe('backup runs on a database that lost its sessions', () => {
  it('ten runs on an emptied database evict none of the ten good backups', async () => {
    const dir = tempDir();
    const core = createCore({
      databasePath: join(dir, 'stackwise.sqlite'),
      host: 'web',
      version: 'test',
      fontsDir: FONTS_DIR,
    });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++)
      ids.push(
        (
          await core.handlers['sessions:create']({
            ...draft({ clientName: `Client ${i}` }),
            description: '',
            participants: [],
          })
        ).id,
      );
    let clock = Date.parse('2026-03-12T09:00:00.000Z');
    const options = { dir: join(dir, 'backups'), now: () => new Date(clock) };
    const good: string[] = [];
    for (let i = 0; i < BACKUP_POLICY.keep; i++) {
      good.push((await backUp(core.db, options)).fileName);
      clock += 30 * 60_000;
    }
    for (const id of ids) await core.handlers['sessions:delete']({ id });
    for (let i = 0; i < 10; i++) {
      await backUp(core.db, options);
      clock += 30 * 60_000;
    }
    const names = listBackups(options.dir).map((b) => b.fileName);
    expect(names).toEqual(expect.arrayContaining(good));
    expect(names).toHaveLength(20);
    // The kept good copies are real: six sessions each.
    const check = new Database(join(options.dir, good.at(-1) ?? ''), { readonly: true });
    expect(check.prepare('SELECT count(*) FROM sessions').pluck().get()).toBe(6);
    check.close();
    core.close();
  });
});
