/**
 * What a refused write means, in plain words. SQLite (and, for backups and restores, the file
 * system) refuses a write when the disk is full, the file or its folder turned read-only, the disk
 * failed, or another program holds the file. Every write the app makes runs in one transaction,
 * which SQLite rolls back on any of these, so the answer can truthfully end "Nothing was changed."
 */
import { isSqliteError } from './health';

const SQLITE_FAILURES: readonly [code: string, what: string][] = [
  ['SQLITE_FULL', 'The disk is full, so this could not be saved. Free some space, then try again.'],
  [
    'SQLITE_READONLY',
    'Stackwise may no longer write to its database: the file or its folder was made read-only, or a ' +
      'sync tool is holding it. Make them writable again, then try again.',
  ],
  [
    'SQLITE_IOERR',
    'The disk reported an error while saving (it may have been removed, or be failing). ' +
      'Check the disk, then try again.',
  ],
  [
    'SQLITE_CANTOPEN',
    'Stackwise could not open its database file to save (it may have been moved, or its folder ' +
      'made read-only).',
  ],
  [
    'SQLITE_BUSY',
    'Another program is using the database, so this could not be saved. Try again in a moment.',
  ],
  [
    'SQLITE_LOCKED',
    'Another program is using the database, so this could not be saved. Try again in a moment.',
  ],
];

/** The same refusals from the file system (backups, restores, setting files aside). */
const FILE_FAILURES = new Map([
  ['ENOSPC', 'The disk is full, so this could not be saved. Free some space, then try again.'],
  ['EDQUOT', 'The disk quota is used up, so this could not be saved. Free some space, then try again.'],
  ['EROFS', 'The disk is mounted read-only, so this could not be saved.'],
  ['EACCES', 'Stackwise has no permission to write there, so this could not be saved.'],
  ['EPERM', 'The file is locked against changes, so this could not be saved.'],
]);

const NOTHING_CHANGED = 'Nothing was changed.';

/** The message for a write the system refused, or null when `error` is something else. */
export function describeWriteFailure(error: unknown): string | null {
  if (isSqliteError(error)) {
    const found = SQLITE_FAILURES.find(([code]) => error.code === code || error.code.startsWith(`${code}_`));
    return found ? `${found[1]} ${NOTHING_CHANGED}` : null;
  }
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') {
    const what = FILE_FAILURES.get(error.code);
    return what ? `${what} ${NOTHING_CHANGED}` : null;
  }
  return null;
}
