/**
 * SQLite's whole-file checks, as one function of plain data in and out, so the same code runs in
 * the check worker (`checkWorker.ts`, the app) and, where no worker is given, on the main thread.
 *
 * Both checks read every page of the file: `quick_check` finds damaged pages and records,
 * `integrity_check` also compares every index with its table. On a 4 GB database that is seconds
 * of reading, which is why the app runs them in a worker thread.
 *
 * This module imports only Node, better-sqlite3 and zod, never the app's aliases, so the worker
 * bundle stays small and the test loader can run it from source.
 */
import { existsSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { z } from 'zod';

/** `quick_check` reads every page; `integrity_check` also checks indexes against their tables. */
export type SqliteCheck = 'quick_check' | 'integrity_check';

export const CheckRequestSchema = z.strictObject({
  file: z.string().min(1),
  check: z.enum(['quick_check', 'integrity_check']),
  nativeBinding: z.string().optional(),
  /**
   * A backup: first copy `file` into this (empty) file with `VACUUM INTO`, then check the copy.
   * The copy is read in one read transaction, so it is one consistent moment of the database
   * however long it takes, and the app's own connection keeps writing meanwhile (WAL).
   */
  copyTo: z.string().min(1).optional(),
});
export type CheckRequest = z.infer<typeof CheckRequestSchema>;

export const CheckOutcomeSchema = z.discriminatedUnion('outcome', [
  /** SQLite read every page and found nothing wrong. */
  z.strictObject({ outcome: z.literal('sound'), check: z.enum(['quick_check', 'integrity_check']) }),
  /** SQLite's findings (the first three), or why it could not read the file at all. */
  z.strictObject({ outcome: z.literal('damaged'), detail: z.string() }),
  /** The check did not run to its end (the worker failed, or ran out of time): nothing is known. */
  z.strictObject({ outcome: z.literal('unfinished'), detail: z.string() }),
]);
export type CheckOutcome = z.infer<typeof CheckOutcomeSchema>;

const FindingsSchema = z.array(z.record(z.string(), z.string()));

/**
 * Opens `file` read-only and runs the check. Even a read-only connection to a WAL database makes
 * `-wal` and `-shm` files beside it; the ones this made (an empty WAL, a rebuildable index) are
 * removed again, so a file that was only looked at is left as it was found.
 */
export function runFileCheck(request: CheckRequest): CheckOutcome {
  if (request.copyTo === undefined) return checkFile(request);
  const failed = copyDatabase(request.file, request.copyTo, request.nativeBinding);
  if (failed) return { outcome: 'unfinished', detail: failed };
  return checkFile({ ...request, file: request.copyTo });
}

/** Null once `to` holds a copy of `from`; otherwise why it could not be made. */
function copyDatabase(from: string, to: string, nativeBinding: string | undefined): string | null {
  let db: Database.Database | undefined;
  try {
    db = new Database(from, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    db.prepare('VACUUM INTO ?').run(to);
    return null;
  } catch (error) {
    if (error instanceof Database.SqliteError)
      return `The copy could not be made: ${error.message} (${error.code}).`;
    throw error;
  } finally {
    db?.close();
  }
}

function checkFile({ file, check, nativeBinding }: CheckRequest): CheckOutcome {
  const hadWal = existsSync(`${file}-wal`);
  const hadShm = existsSync(`${file}-shm`);
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    const findings = FindingsSchema.parse(db.pragma(check)).flatMap((row) => Object.values(row));
    if (findings.length === 1 && findings[0] === 'ok') return { outcome: 'sound', check };
    return { outcome: 'damaged', detail: `SQLite's check found: ${findings.slice(0, 3).join('; ')}` };
  } catch (error) {
    // Another program holding the file locked says nothing about the file itself.
    if (error instanceof Database.SqliteError && /^SQLITE_(BUSY|LOCKED)/.test(error.code)) {
      return { outcome: 'unfinished', detail: `Another program kept the file locked (${error.code}).` };
    }
    if (error instanceof Database.SqliteError) {
      return { outcome: 'damaged', detail: `SQLite could not read it: ${error.message} (${error.code}).` };
    }
    throw error;
  } finally {
    db?.close();
    if (!hadWal && existsSync(`${file}-wal`) && statSync(`${file}-wal`).size === 0) {
      rmSync(`${file}-wal`, { force: true });
      if (!hadShm) rmSync(`${file}-shm`, { force: true });
    }
  }
}
