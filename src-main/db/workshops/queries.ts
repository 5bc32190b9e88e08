/** Reads of workshop documents and their change log. */
import type { Db } from '../connection';
import { toChange, toWorkshop } from './rows';
import type { StoredChange, StoredWorkshop } from './rows';

export function getWorkshop(db: Db, sessionId: string): StoredWorkshop | undefined {
  const row = db.prepare('SELECT state, revision FROM workshops WHERE session_id = ?').get(sessionId);
  return row === undefined ? undefined : toWorkshop(row);
}

const CHANGE_COLUMNS =
  'id, label, action, coalesce_key, before, after, created_at, updated_at, undone, discarded, sealed';

/** The newest change that is in effect (not undone): what undo would revert. */
export function lastAppliedChange(db: Db, sessionId: string): StoredChange | undefined {
  const row = db
    .prepare(
      `SELECT ${CHANGE_COLUMNS} FROM workshop_changes WHERE session_id = ? AND undone = 0 AND sealed = 0 ORDER BY id DESC LIMIT 1`,
    )
    .get(sessionId);
  return row === undefined ? undefined : toChange(row);
}

/** The oldest undone change: what redo would re-apply. */
export function firstUndoneChange(db: Db, sessionId: string): StoredChange | undefined {
  const row = db
    .prepare(
      `SELECT ${CHANGE_COLUMNS} FROM workshop_changes WHERE session_id = ? AND undone = 1 AND discarded = 0 ORDER BY id ASC LIMIT 1`,
    )
    .get(sessionId);
  return row === undefined ? undefined : toChange(row);
}

/** Every change to a session's workshop, oldest first (undone and discarded ones included, marked). */
export function allChanges(db: Db, sessionId: string): StoredChange[] {
  return db
    .prepare(`SELECT ${CHANGE_COLUMNS} FROM workshop_changes WHERE session_id = ? ORDER BY id`)
    .all(sessionId)
    .map(toChange);
}
