/**
 * The check of a database file before it is opened, and setting a file aside.
 *
 * The check opens the file read-only, so nothing it finds can be made worse: a newer app's file is
 * refused untouched, and a damaged one (a header that is not SQLite's, a zeroed or missing page, a
 * text file) is reported instead of being opened, migrated or silently replaced by an empty one.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { readOnlyProbe } from './probe';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, readSchemaVersion } from './migrations';

export type DatabaseProblem =
  { kind: 'damaged'; detail: string } | { kind: 'too-new'; detail: string; fileVersion: number };

/** `quick_check` reads every page; `integrity_check` also checks indexes against their tables. */
export type SqliteCheck = 'quick_check' | 'integrity_check';

const FindingsSchema = z.array(z.record(z.string(), z.string()));

/** Found damaged by the check; the file has not been touched. */
export class DatabaseDamagedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'DatabaseDamagedError';
  }
}

/** SQLite's own complaints about a file (as opposed to, say, a driver that failed to load). */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Database.SqliteError;
}

/**
 * Null when the file is missing (a first start) or sound enough to open; otherwise what is wrong.
 * Both checks read every page, so damage anywhere in the file is found, not only in the pages the
 * app happens to read first.
 */
export function checkDatabase(
  file: string,
  driverOptions: Database.Options = {},
  check: SqliteCheck = 'quick_check',
): DatabaseProblem | null {
  if (!existsSync(file)) return null;
  try {
    return readOnlyProbe(file, driverOptions, (probe): DatabaseProblem | null => {
      const version = readSchemaVersion(probe);
      if (version > LATEST_SCHEMA_VERSION) {
        return { kind: 'too-new', fileVersion: version, detail: new DatabaseTooNewError(version).message };
      }
      const findings = FindingsSchema.parse(probe.pragma(check)).flatMap((row) => Object.values(row));
      if (findings.length === 1 && findings[0] === 'ok') return null;
      return { kind: 'damaged', detail: `SQLite's check found: ${findings.slice(0, 3).join('; ')}` };
    });
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    return { kind: 'damaged', detail: `SQLite could not read it: ${error.message} (${error.code}).` };
  }
}

/** The companions SQLite keeps beside a database in WAL mode. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/**
 * Moves a database file (and its WAL companions, which belong to it and must never meet another
 * database) into `dir` under a name that says why and when. Returns where it went, or null when
 * there was no file.
 */
export function setAside(file: string, dir: string, why: 'damaged' | 'replaced', at: Date): string | null {
  if (!existsSync(file)) return null;
  mkdirSync(dir, { recursive: true });
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
  const name = basename(file).replace(/\.sqlite$/, '');
  let target = join(dir, `${name}-${why}-${stamp}.sqlite`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `${name}-${why}-${stamp}-${n}.sqlite`);
  moveWithCompanions(file, target);
  return target;
}

/** Renames a database file together with whichever companions it has. */
export function moveWithCompanions(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of COMPANIONS) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
}
