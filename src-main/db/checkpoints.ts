/**
 * The write-ahead log is copied into the database file (a checkpoint) once the app is idle, not
 * inside an autosave. SQLite would otherwise do it in whichever commit finds the log past its
 * limit (1,000 pages by default: one autosave in fifty or so of a large workshop), adding the copy
 * and its flushes to that one save. `openDatabase` raises the limit to `AUTOCHECKPOINT_PAGES`, so
 * the log stays bounded even while writes never pause; writers call `checkpointWhenIdle` after a
 * change, and the copy runs `IDLE_MS` after the last of them.
 *
 * A passive checkpoint never waits for a reader or a writer; what it cannot copy now is copied by
 * the next one. Nothing is lost either way: a committed change is in the log, on disk.
 */
import type { Db } from './connection';

/** The fallback: a commit that finds the log this long copies it there and then. */
export const AUTOCHECKPOINT_PAGES = 8000;

/** How long after the last change the log is copied. */
export const IDLE_MS = 1000;

const pending = new WeakMap<Db, NodeJS.Timeout>();

export function checkpointWhenIdle(db: Db): void {
  const waiting = pending.get(db);
  if (waiting) {
    waiting.refresh();
    return;
  }
  const timer = setTimeout(() => {
    pending.delete(db);
    if (!db.open) return;
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The log stays as it is, committed; the next checkpoint, or the fallback, copies it.
    }
  }, IDLE_MS);
  // An idle copy never keeps the app (or a test) running.
  timer.unref();
  pending.set(db, timer);
}
