/**
 * The cheap check of a database file before it is opened, and setting a file aside.
 *
 * The check opens the file read-only, so nothing it finds can be made worse: a newer app's file is
 * refused untouched, and a damaged one (a header that is not SQLite's, a zeroed or missing page, a
 * text file) is reported instead of being opened, migrated or silently replaced by an empty one.
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  openSync,
  readSync,
  renameSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { z } from 'zod';
import { ownFile, ownFolder } from './ownerOnly';
import { readOnlyProbe } from './probe';
import { DatabaseTooNewError, LATEST_SCHEMA_VERSION, readSchemaVersion } from './migrations';

export type DatabaseProblem =
  | { kind: 'damaged'; detail: string }
  | { kind: 'too-new'; detail: string; fileVersion: number }
  /** Sound, perhaps, but this user may not write it or its folder: it is left exactly as it is. */
  | { kind: 'read-only'; detail: string }
  /** No file, or a file of 0 bytes, while backups exist: not a first start. */
  | { kind: 'missing'; detail: string }
  | { kind: 'empty'; detail: string }
  /** Updating it to this version stopped with an error and was undone: the file is as it was. */
  | { kind: 'not-updated'; detail: string };

/** Found damaged by the check; the file has not been touched. */
export class DatabaseDamagedError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'DatabaseDamagedError';
  }
}

/** The database, or its folder, may not be written by this user; nothing was touched. */
export class DatabaseReadOnlyError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'DatabaseReadOnlyError';
  }
}

/**
 * Updating the file to this version stopped with an error. The migrations (and the sessions
 * list's fill after them) run in one transaction, which was rolled back: the file is as it was.
 */
export class DatabaseNotUpdatedError extends Error {
  constructor(step: number, steps: number, cause: unknown) {
    const why = isSqliteError(cause)
      ? `${cause.message} (${cause.code}).`
      : cause instanceof z.ZodError
        ? unreadable(cause)
        : cause instanceof Error
          ? cause.message
          : String(cause);
    super(
      `The update stopped at step ${step} of ${steps} and was undone, so the file is exactly as it was. ` +
        `What went wrong: ${why}`,
      { cause },
    );
    this.name = 'DatabaseNotUpdatedError';
  }
}

/** Stored data a migration could not read, in a line rather than zod's whole report. */
function unreadable(error: z.ZodError): string {
  const [issue] = error.issues;
  if (!issue) return 'stored data this version could not read.';
  const where = issue.path.length > 0 ? ` (at ${issue.path.join('.')})` : '';
  const said = issue.message.length > 160 ? `${issue.message.slice(0, 160)}…` : issue.message;
  return `stored data this version could not read${where}: ${said}`;
}

/**
 * Why the database would not open, for the recovery screen; null for anything but these refusals
 * and SQLite's own complaints (a real failure, which the caller lets through).
 */
export function problemFromOpening(error: unknown): DatabaseProblem | null {
  if (error instanceof DatabaseTooNewError) {
    return { kind: 'too-new', fileVersion: error.fileVersion, detail: error.message };
  }
  if (error instanceof DatabaseDamagedError) return { kind: 'damaged', detail: error.message };
  if (error instanceof DatabaseReadOnlyError) return { kind: 'read-only', detail: error.message };
  if (error instanceof DatabaseNotUpdatedError) {
    // SQLite finding a broken page on the way through is damage, not a failed update.
    const { cause } = error;
    if (isSqliteError(cause) && /^SQLITE_(CORRUPT|NOTADB)/.test(cause.code)) {
      return { kind: 'damaged', detail: `${cause.message} (${cause.code}).` };
    }
    return { kind: 'not-updated', detail: error.message };
  }
  // The check passed but SQLite failed on the way in.
  if (isSqliteError(error)) return { kind: 'damaged', detail: `${error.message} (${error.code}).` };
  return null;
}

/** How the kernel says "you may not write this", and what each means for a person. */
const READ_ONLY_REASONS = new Map([
  ['EACCES', 'this user account has no permission to change it'],
  ['EPERM', 'it is locked against changes'],
  ['EROFS', 'it is on a disk that is mounted read-only'],
]);

/**
 * Why the database at `file` could not be written, or null when it can: the folder must take new
 * files (SQLite's `-wal` and `-shm`), and the file and its companions must be writable.
 *
 * `access(W_OK)` asks the kernel without opening anything, so no lock SQLite holds on the file is
 * disturbed; it also answers for root, who is refused an immutable file or a read-only mount.
 */
export function writeProblem(file: string): string | null {
  const folder = dirname(file);
  const places: [string, string][] = [
    [folder, `The folder ${folder} cannot be written`],
    [file, `The database file ${file} cannot be written`],
    [`${file}-wal`, `Its companion file ${file}-wal cannot be written`],
    [`${file}-shm`, `Its companion file ${file}-shm cannot be written`],
  ];
  for (const [path, what] of places) {
    if (path !== folder && !existsSync(path)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : '';
      const reason = READ_ONLY_REASONS.get(code);
      if (reason === undefined) throw error;
      return `${what}: ${reason}.`;
    }
  }
  return null;
}

/** SQLite's own complaints about a file (as opposed to, say, a driver that failed to load). */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  return error instanceof Database.SqliteError;
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What the first 100 bytes say, read without SQLite: that this is a SQLite file, and (when the
 * header's page count is current and no WAL holds newer pages) that the file is as long as its
 * header says. Catches a text file, a header overwritten with garbage and a file cut short.
 */
function headerProblem(file: string): string | null {
  const size = statSync(file).size;
  if (size === 0) return null;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (read < 100 || !header.subarray(0, 16).equals(SQLITE_MAGIC)) {
    return "It is not a SQLite database: its first bytes are not SQLite's header.";
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  const pages = header.readUInt32BE(28);
  const headerIsCurrent = header.readUInt32BE(24) === header.readUInt32BE(92);
  const walBytes = existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0;
  if (headerIsCurrent && walBytes === 0 && pages > 0 && size < pages * pageSize) {
    return `The file is cut short: its header counts ${pages} pages, the file holds ${Math.floor(size / pageSize)}.`;
  }
  return null;
}

/**
 * Null when the file is missing (a first start) or fit to open; otherwise what is wrong. This is
 * the check before opening, so it stays cheap whatever the size of the file (milliseconds at
 * 4 GB): the header, the schema version, the schema itself, and the first page of every table.
 * Damage deeper in the file is found by the whole-file check that runs in the check worker right
 * after the database opens (`fileCheck.ts`), without holding up the window.
 */
export function checkDatabase(file: string, driverOptions: Database.Options = {}): DatabaseProblem | null {
  if (!existsSync(file)) return null;
  const header = headerProblem(file);
  if (header) return { kind: 'damaged', detail: header };
  try {
    return readOnlyProbe(file, driverOptions, (probe): DatabaseProblem | null => {
      const version = readSchemaVersion(probe);
      if (version > LATEST_SCHEMA_VERSION) {
        return { kind: 'too-new', fileVersion: version, detail: new DatabaseTooNewError(version).message };
      }
      // Reading the schema parses every table's definition; one row of each reads its root page.
      const tables = TableNamesSchema.parse(
        probe
          .prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' " +
              "AND name NOT LIKE 'sqlite_%'",
          )
          .pluck()
          .all(),
      );
      for (const table of tables)
        probe.prepare(`SELECT 1 FROM "${table.replaceAll('"', '""')}" LIMIT 1`).get();
      return null;
    });
  } catch (error) {
    if (!isSqliteError(error)) throw error;
    return { kind: 'damaged', detail: `SQLite could not read it: ${error.message} (${error.code}).` };
  }
}

const TableNamesSchema = z.array(z.string());

/** The companions SQLite keeps beside a database in WAL mode. */
const COMPANIONS = ['-wal', '-shm', '-journal'] as const;

/**
 * Moves a database file (and its WAL companions, which belong to it and must never meet another
 * database) into `dir` under a name that says why and when. Returns where it went, or null when
 * there was no file.
 */
export function setAside(
  file: string,
  dir: string,
  why: 'damaged' | 'replaced' | 'empty',
  at: Date,
): string | null {
  if (!existsSync(file)) return null;
  ownFolder(dir);
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').replace(/\..*$/, '');
  const name = basename(file).replace(/\.sqlite$/, '');
  let target = join(dir, `${name}-${why}-${stamp}.sqlite`);
  for (let n = 2; existsSync(target); n++) target = join(dir, `${name}-${why}-${stamp}-${n}.sqlite`);
  moveWithCompanions(file, target);
  ownFile(target);
  return target;
}

/** Renames a database file together with whichever companions it has. */
export function moveWithCompanions(from: string, to: string): void {
  renameSync(from, to);
  for (const suffix of COMPANIONS) {
    if (existsSync(from + suffix)) renameSync(from + suffix, to + suffix);
  }
}
