/**
 * Rotating backups of the live database, each made and checked in the check worker: SQLite's
 * `VACUUM INTO` copies one consistent moment of the database (never a file copy of a database that
 * is being written) on the worker's own read-only connection, then `PRAGMA integrity_check` reads
 * the copy. The main side does none of that reading or writing: the online backup API
 * (`db.backup()`) steps on the main thread and, at 4 GB, held calls up to 2 s while the copy was
 * flushed. Files are named by the moment they were made, so the folder itself is the index.
 *
 * Which backups are kept is decided by `backupsToKeep`: age tiers, and a guard that never lets a
 * copy of an emptied or much smaller database take the place of a good one.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { BACKUP_FILE_NAME } from '@shared/data/contract';
import { inlineCheckRunner } from './checkRunner';
import type { CheckRunner } from './checkRunner';
import type { Db } from './connection';
import { createOwnFile, ownFile, ownFolder, tightenFolder } from './ownerOnly';
import { readOnlyProbe } from './probe';

const DAY_MS = 24 * 60 * 60 * 1000;

export const BACKUP_POLICY = {
  /** The newest this many are always kept. */
  keep: 10,
  /** Then the newest of each calendar day (UTC) for this many days, today included. */
  days: 14,
  /** Then the newest of each calendar week (Monday to Sunday, UTC) for this many weeks. */
  weeks: 9,
  /**
   * A backup with under half the sessions, or under half the bytes, of the largest good backup
   * made in this window before it is "much smaller": it never takes a good one's place.
   */
  shrinkWindowMs: 14 * DAY_MS,
  /** No new backup on start when the newest is younger than this (restarts in a row). */
  minimumGapMs: 10 * 60 * 1000,
  /** While the app runs. */
  everyMs: 30 * 60 * 1000,
} as const;

export type BackupInfo = { fileName: string; path: string; at: string; bytes: number };

function fileNameFor(at: Date): string {
  const iso = at.toISOString(); // 2026-03-12T09:00:00.000Z
  const digits = iso.replace(/[-:TZ.]/g, '');
  return `stackwise-${digits.slice(0, 8)}-${digits.slice(8, 14)}${digits.slice(14, 17)}.sqlite`;
}

/** The backups in `dir`, newest first; files that are not Stackwise backups are ignored. */
export function listBackups(dir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .flatMap((fileName) => {
      const m = BACKUP_FILE_NAME.exec(fileName);
      if (!m) return [];
      const [, y, mo, d, h, mi, s, ms] = m;
      const path = join(dir, fileName);
      return [{ fileName, path, at: `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`, bytes: statSync(path).size }];
    })
    .sort((a, b) => b.at.localeCompare(a.at));
}

export type RetentionPolicy = { keep: number; days: number; weeks: number; shrinkWindowMs: number };

/** What the retention rule compares. */
export type BackupSize = { sessions: number; bytes: number };
type Sized = BackupSize & { fileName: string; at: string };

const isMuchSmaller = (b: BackupSize, than: BackupSize) =>
  b.sessions * 2 < than.sessions || b.bytes * 2 < than.bytes;

/**
 * The newest `keep`, then the newest of each day for `days` days, then the newest of each week for
 * `weeks` weeks. Days and weeks are fixed calendar buckets, not windows counted back from now, so
 * a backup kept for its week stays kept as time passes, until its week is out of range.
 */
function byTiers(newestFirst: readonly Sized[], now: Date, policy: RetentionPolicy): string[] {
  const day = (ms: number) => Math.floor(ms / DAY_MS);
  // 1970-01-05 was a Monday.
  const week = (ms: number) => Math.floor((ms - 4 * DAY_MS) / (7 * DAY_MS));
  const today = day(now.getTime());
  const thisWeek = week(now.getTime());
  const kept = newestFirst.slice(0, policy.keep).map((b) => b.fileName);
  const daysSeen = new Set<number>();
  const weeksSeen = new Set<number>();
  for (const backup of newestFirst) {
    const ms = Date.parse(backup.at);
    if (today - day(ms) < policy.days && !daysSeen.has(day(ms))) kept.push(backup.fileName);
    if (thisWeek - week(ms) < policy.weeks && !weeksSeen.has(week(ms))) kept.push(backup.fileName);
    daysSeen.add(day(ms));
    weeksSeen.add(week(ms));
  }
  return kept;
}

/**
 * The backups to keep, by name. Each backup is first sorted as good or much smaller: much smaller
 * when it has under half the sessions, or under half the bytes, of the largest good backup of the
 * `shrinkWindowMs` before it. The tiers are then applied to each kind on its own, so a run of
 * backups of an emptied database fills only its own tiers and every good copy stays. A smaller
 * database that is meant (sessions deleted on purpose) becomes the new normal once no good copy
 * is left in the window before it, and the old copies then age out by the tiers.
 */
export function backupsToKeep(
  backups: readonly Sized[],
  now: Date,
  policy: RetentionPolicy = BACKUP_POLICY,
): Set<string> {
  const smaller = muchSmallerBackups(backups, policy);
  const newestFirst = [...backups].sort((a, b) => b.at.localeCompare(a.at));
  const good = newestFirst.filter((b) => !smaller.has(b.fileName));
  const small = newestFirst.filter((b) => smaller.has(b.fileName));
  return new Set([...byTiers(good, now, policy), ...byTiers(small, now, policy)]);
}

/** The names of the backups that are much smaller than a good one made shortly before them. */
export function muchSmallerBackups(
  backups: readonly Sized[],
  policy: Pick<RetentionPolicy, 'shrinkWindowMs'> = BACKUP_POLICY,
): Set<string> {
  const oldestFirst = [...backups].sort((a, b) => a.at.localeCompare(b.at));
  const good: Sized[] = [];
  const smaller = new Set<string>();
  for (const backup of oldestFirst) {
    const since = Date.parse(backup.at) - policy.shrinkWindowMs;
    const recent = good.filter((g) => Date.parse(g.at) >= since);
    const largest = {
      sessions: Math.max(0, ...recent.map((g) => g.sessions)),
      bytes: Math.max(0, ...recent.map((g) => g.bytes)),
    };
    if (isMuchSmaller(backup, largest)) smaller.add(backup.fileName);
    else good.push(backup);
  }
  return smaller;
}

/** The backups in `dir`, newest first, each with the number of sessions it holds. */
export function sizedBackups(dir: string, driverOptions: Database.Options = {}): (BackupInfo & BackupSize)[] {
  return listBackups(dir).map((b) => ({ ...b, sessions: sessionsIn(b.path, driverOptions) }));
}

const CountSchema = z.number().int().nonnegative();

/** Sessions in a backup; a file that cannot be read counts as none, so it never displaces one. */
function sessionsIn(path: string, driverOptions: Database.Options): number {
  try {
    return readOnlyProbe(path, driverOptions, (db) =>
      CountSchema.parse(db.prepare('SELECT count(*) FROM sessions').pluck().get()),
    );
  } catch {
    return 0;
  }
}

/**
 * True when `integrity_check`, run by `checks` (the check worker in the app), finds the file sound.
 * A file that is not a database is not sound; a check that could not finish proves nothing, so it
 * is not sound either.
 */
export async function isSound(
  path: string,
  checks: CheckRunner = inlineCheckRunner,
  nativeBinding?: string,
): Promise<boolean> {
  if (!existsSync(path)) return false;
  const outcome = await checks({
    file: path,
    check: 'integrity_check',
    ...(nativeBinding ? { nativeBinding } : {}),
  });
  return outcome.outcome === 'sound';
}

export type BackupOptions = {
  dir: string;
  now: () => Date;
  nativeBinding?: string | undefined;
  keep?: number;
  /** Where each copy's integrity check runs: the check worker in the app. */
  checks?: CheckRunner | undefined;
};

/**
 * Backs the live database up into `dir`, checks the copy and prunes by `backupsToKeep`. A copy
 * that fails its check is deleted and reported; the backups before it stay.
 */
export async function backUp(db: Db, options: BackupOptions): Promise<BackupInfo> {
  ownFolder(options.dir);
  const path = join(options.dir, fileNameFor(options.now()));
  if (db.memory) throw new Error('A database in memory has no file to back up.');
  // Written under a name that is not a backup's until it is checked, then renamed in one step, so
  // the folder never lists a half-made copy and a copy made in the same millisecond is replaced
  // only by a sound one. Made 0600 (and empty, as VACUUM INTO requires) before SQLite writes into
  // it; SQLite keeps an existing file's mode.
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  createOwnFile(partial);
  const checks = options.checks ?? inlineCheckRunner;
  const binding = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  let outcome;
  try {
    outcome = await checks({ file: db.name, check: 'integrity_check', copyTo: partial, ...binding });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  if (outcome.outcome !== 'sound') {
    rmSync(partial, { force: true });
    throw new Error(
      outcome.outcome === 'damaged'
        ? `The backup at ${path} failed its integrity check and was removed.`
        : `The backup at ${path} was not kept. ${outcome.detail}`,
    );
  }
  renameSync(partial, path);
  ownFile(path);
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  const all = sizedBackups(options.dir, driverOptions);
  const policy = { ...BACKUP_POLICY, keep: options.keep ?? BACKUP_POLICY.keep };
  const keep = backupsToKeep(all, options.now(), policy);
  for (const old of all) if (!keep.has(old.fileName)) rmSync(old.path, { force: true });
  const made = all.find((b) => b.path === path);
  if (!made) throw new Error(`The backup at ${path} disappeared.`);
  return made;
}

export type BackupSchedule = {
  /** A backup now, queued behind any under way (two at once would write the same file). */
  backUpNow: () => Promise<BackupInfo>;
  stop: () => void;
  /** Settles once the backup under way, if any, is done. */
  idle: () => Promise<void>;
  /** Settles when the backup on start is made, skipped or reported as failed. */
  ready: Promise<void>;
};

/**
 * Backups while the app runs: one on start (unless a recent one exists), then every 30 minutes.
 * Failures of scheduled backups are reported through `onError` and never stop the app.
 */
export function scheduleBackups(
  db: Db,
  options: BackupOptions & {
    onError: (error: unknown) => void;
    everyMs?: number;
    /** Nothing is copied before this settles (the check of the database after opening). */
    after?: Promise<unknown>;
  },
): BackupSchedule {
  tightenFolder(options.dir);
  let stopped = false;
  let queue: Promise<unknown> = options.after ?? Promise.resolve();
  const backUpNow = (): Promise<BackupInfo> => {
    const made = queue.then(() => {
      if (stopped) throw new Error('Backups stopped: the database was closed.');
      return backUp(db, options);
    });
    queue = made.catch(() => undefined);
    return made;
  };
  // A scheduled backup cut short because the database was closed (the app quitting, a restore)
  // is not a failure worth reporting.
  const scheduled = () =>
    backUpNow().then(
      () => undefined,
      (error: unknown) => {
        if (!stopped) options.onError(error);
      },
    );
  const newest = listBackups(options.dir)[0];
  const recent = newest && options.now().getTime() - Date.parse(newest.at) < BACKUP_POLICY.minimumGapMs;
  const ready = recent ? Promise.resolve() : scheduled();
  const timer = setInterval(() => void scheduled(), options.everyMs ?? BACKUP_POLICY.everyMs);
  timer.unref();
  return {
    backUpNow,
    stop: () => {
      stopped = true;
      clearInterval(timer);
    },
    idle: () => queue.then(() => undefined),
    ready,
  };
}
