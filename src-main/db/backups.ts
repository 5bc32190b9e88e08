/**
 * Rotating backups of the live database, made with SQLite's online backup API (never a file copy
 * of a database that is being written), each checked with `PRAGMA integrity_check` before it is
 * kept. Files are named by the moment they were made, so the folder itself is the index.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { BACKUP_FILE_NAME } from '@shared/data/contract';
import type { Db } from './connection';
import { checkDatabase } from './health';

export const BACKUP_POLICY = {
  /** How many backups are kept; the oldest go first. */
  keep: 10,
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

/** True when SQLite finds the file sound and this app can read it. A file that is not a database is not sound. */
export function isSound(path: string, driverOptions: Database.Options = {}): boolean {
  return existsSync(path) && checkDatabase(path, driverOptions, 'integrity_check') === null;
}

export type BackupOptions = {
  dir: string;
  now: () => Date;
  nativeBinding?: string | undefined;
  keep?: number;
};

/**
 * Backs the live database up into `dir`, checks the copy and keeps the newest `keep` backups.
 * A copy that fails its check is deleted and reported; the backups before it stay.
 */
export async function backUp(db: Db, options: BackupOptions): Promise<BackupInfo> {
  mkdirSync(options.dir, { recursive: true });
  const path = join(options.dir, fileNameFor(options.now()));
  await db.backup(path);
  const driverOptions = options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
  if (!isSound(path, driverOptions)) {
    rmSync(path, { force: true });
    throw new Error(`The backup at ${path} failed its integrity check and was removed.`);
  }
  const all = listBackups(options.dir);
  for (const old of all.slice(options.keep ?? BACKUP_POLICY.keep)) rmSync(old.path, { force: true });
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
  options: BackupOptions & { onError: (error: unknown) => void; everyMs?: number },
): BackupSchedule {
  let queue: Promise<unknown> = Promise.resolve();
  const backUpNow = (): Promise<BackupInfo> => {
    const made = queue.then(() => backUp(db, options));
    queue = made.catch(() => undefined);
    return made;
  };
  const scheduled = () => backUpNow().then(() => undefined, options.onError);
  const newest = listBackups(options.dir)[0];
  const recent = newest && options.now().getTime() - Date.parse(newest.at) < BACKUP_POLICY.minimumGapMs;
  const ready = recent ? Promise.resolve() : scheduled();
  const timer = setInterval(() => void scheduled(), options.everyMs ?? BACKUP_POLICY.everyMs);
  timer.unref();
  return {
    backUpNow,
    stop: () => clearInterval(timer),
    idle: () => queue.then(() => undefined),
    ready,
  };
}
