/** Writes of workshop documents and their change log. Callers wrap them in one transaction. */
import type { Db } from '../connection';
import type { Action, WorkshopState } from '@shared/workshop';
import type { StoredChange } from './rows';

export function saveWorkshop(
  db: Db,
  sessionId: string,
  state: WorkshopState,
  revision: number,
  updatedAt: string,
): void {
  db.prepare(
    `INSERT INTO workshops (session_id, state, revision, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (session_id) DO UPDATE SET state = excluded.state, revision = excluded.revision,
                                            updated_at = excluded.updated_at`,
  ).run(sessionId, JSON.stringify(state), revision, updatedAt);
}

export type NewChange = {
  sessionId: string;
  label: string;
  action: Action;
  coalesceKey: string | null;
  before: WorkshopState;
  after: WorkshopState;
  at: string;
};

export function insertChange(db: Db, change: NewChange): void {
  const { sessionId, at, ...fields } = change;
  insertImportedChange(db, sessionId, {
    ...fields,
    createdAt: at,
    updatedAt: at,
    undone: false,
    discarded: false,
    sealed: false,
  });
}

/** Folds a quick follow-up (the same slider, still moving) into the previous change. */
export function extendChange(db: Db, id: number, action: Action, after: WorkshopState, at: string): void {
  db.prepare('UPDATE workshop_changes SET action = ?, after = ?, updated_at = ? WHERE id = ?').run(
    JSON.stringify(action),
    JSON.stringify(after),
    at,
    id,
  );
}

export function setUndone(db: Db, id: number, undone: boolean): void {
  db.prepare('UPDATE workshop_changes SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id);
}

/**
 * A new change after undoing forks history: the undone changes can no longer be redone. They stay
 * in the log, marked, because the history shows every change that was made.
 */
export function discardUndoneChanges(db: Db, sessionId: string): void {
  db.prepare(
    'UPDATE workshop_changes SET discarded = 1 WHERE session_id = ? AND undone = 1 AND discarded = 0',
  ).run(sessionId);
}

/** The changes in effect stay, but undo can no longer reach past this point (a restore). */
export function sealChanges(db: Db, sessionId: string): void {
  db.prepare('UPDATE workshop_changes SET sealed = 1 WHERE session_id = ? AND undone = 0').run(sessionId);
}

/** Copies a workshop to a duplicated session (without its undo log). */
export function copyWorkshop(db: Db, state: WorkshopState, toSessionId: string, at: string): void {
  saveWorkshop(db, toSessionId, state, 0, at);
}

/** A change with its own times and undone mark (a new one, or one from a session file). */
export function insertImportedChange(db: Db, sessionId: string, change: Omit<StoredChange, 'id'>): void {
  db.prepare(
    `INSERT INTO workshop_changes
       (session_id, label, action, coalesce_key, before, after, created_at, updated_at,
        undone, discarded, sealed)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sessionId,
    change.label,
    JSON.stringify(change.action),
    change.coalesceKey,
    JSON.stringify(change.before),
    JSON.stringify(change.after),
    change.createdAt,
    change.updatedAt,
    change.undone ? 1 : 0,
    change.discarded ? 1 : 0,
    change.sealed ? 1 : 0,
  );
}
