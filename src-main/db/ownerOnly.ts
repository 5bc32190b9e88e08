/**
 * Client work is confidential: the database, its WAL companions, its backups and the copies kept
 * aside are readable by their owner only (files 0600, folders 0700).
 *
 * Modes are set explicitly with chmod rather than trusted to the process umask, which can be
 * permissive. SQLite gives the `-wal`, `-shm` and `-journal` files it creates the mode of their
 * database file, so making the database file 0600 before SQLite opens it covers them too.
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';

export const OWNER_FILE_MODE = 0o600;
export const OWNER_FOLDER_MODE = 0o700;

/** chmod that gives up quietly on a file this user does not own (shared or system folders). */
function tighten(path: string, mode: number): void {
  try {
    chmodSync(path, mode);
  } catch (error) {
    if (!isErrno(error, 'EPERM') && !isErrno(error, 'ENOENT')) throw error;
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && 'code' in error && error.code === code;
}

/**
 * Makes `dir` and any missing folders above it, each 0700. Folders that were already there are
 * left as they are: they may be the user's own (a Documents folder chosen with --db).
 */
export function makeFolders(dir: string): void {
  const first = mkdirSync(dir, { recursive: true, mode: OWNER_FOLDER_MODE });
  if (first === undefined) return;
  for (let level = dir; ; level = dirname(level)) {
    tighten(level, OWNER_FOLDER_MODE);
    if (level === first || dirname(level) === level) break;
  }
}

/** A folder that belongs to Stackwise alone (backups/, kept/): made, or tightened, to 0700. */
export function ownFolder(dir: string): void {
  makeFolders(dir);
  tighten(dir, OWNER_FOLDER_MODE);
}

/** Tightens a folder of Stackwise's own that is already there (made by an older version). */
export function tightenFolder(dir: string): void {
  if (existsSync(dir) && statSync(dir).isDirectory()) tighten(dir, OWNER_FOLDER_MODE);
}

/** Makes `file` 0600, with whichever SQLite companions it has. */
export function ownFile(file: string): void {
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) tighten(path, OWNER_FILE_MODE);
  }
}

/** Creates `file` empty, 0600, unless it exists; an empty file is an empty SQLite database. */
export function createOwnFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', OWNER_FILE_MODE));
  ownFile(file);
}
