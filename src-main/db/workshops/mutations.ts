/** Writes of workshop documents and their change log. Callers wrap them in one transaction. */
import { z } from 'zod';
import { applyPatch, diff, invert, PatchSchema } from '@shared/history/patch';
import type { Patch } from '@shared/history/patch';
import type { Db } from '../connection';
import { statement } from '../statements';
import type { Action, WorkshopState } from '@shared/workshop';
import { changeStates, isCheckpoint, logTail, nextChangeId } from './queries';
import type { ChangeStates } from './queries';
import { CHECKPOINT_EVERY } from './rows';
import type { StoredChange } from './rows';

/** Stores the session's workshop; returns the JSON stored, which a checkpoint after it can reuse. */
export function saveWorkshop(
  db: Db,
  sessionId: string,
  state: WorkshopState,
  revision: number,
  updatedAt: string,
): string {
  const json = JSON.stringify(state);
  statement(
    db,
    `INSERT INTO workshops (session_id, state, revision, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (session_id) DO UPDATE SET state = excluded.state, revision = excluded.revision,
                                            updated_at = excluded.updated_at`,
  ).run(sessionId, json, revision, updatedAt);
  return json;
}

export type NewChange = {
  sessionId: string;
  label: string;
  undoLabel: string;
  action: Action;
  coalesceKey: string | null;
  before: WorkshopState;
  after: WorkshopState;
  at: string;
};

export function insertChange(
  db: Db,
  change: NewChange,
  known?: LogTip,
  patch?: Patch,
  beforeJson?: string,
): LogTip {
  const { sessionId, at, ...fields } = change;
  return insertImportedChange(
    db,
    sessionId,
    { ...fields, createdAt: at, updatedAt: at, undone: false, discarded: false, sealed: false },
    known,
    patch,
    beforeJson,
  );
}

/**
 * Folds a quick follow-up (the same slider, still moving) into a change: its patch now ends at
 * the newest state, and the change after it, if any, links from there. `known` is the change's
 * stored state after and the patch from it to the newest state, when the caller has them: then
 * nothing is rebuilt from the log.
 */
export function extendChange(
  db: Db,
  sessionId: string,
  id: number,
  update: { action: Action; undoLabel: string; after: WorkshopState; at: string },
  known?: { after: unknown; delta: Patch },
): void {
  const next = nextChangeId(db, sessionId, id);
  const relink = next !== undefined && !isCheckpoint(db, next);
  let patch: Patch;
  let states: Map<number, ChangeStates> | undefined;
  if (known && !relink) {
    const stored = PatchSchema.parse(
      JSON.parse(
        z.string().parse(statement(db, 'SELECT patch FROM workshop_changes WHERE id = ?').pluck().get(id)),
      ),
    );
    // Both sides share what did not change with the stored state after, so this diff is quick.
    patch = diff(applyPatch(known.after, invert(stored)), applyPatch(known.after, known.delta));
  } else {
    states = changeStates(db, sessionId, relink ? [id, next] : [id]);
    const own = states.get(id);
    if (!own) throw new Error(`Change ${id} cannot be rebuilt.`);
    patch = diff(own.before, update.after);
  }
  statement(
    db,
    'UPDATE workshop_changes SET action = ?, undo_label = ?, patch = ?, updated_at = ? WHERE id = ?',
  ).run(JSON.stringify(update.action), update.undoLabel, JSON.stringify(patch), update.at, id);
  const following = relink ? states?.get(next) : undefined;
  if (following) {
    db.prepare('UPDATE workshop_changes SET link = ? WHERE id = ?').run(
      JSON.stringify(diff(update.after, following.before)),
      next,
    );
  }
}

export function setUndone(db: Db, id: number, undone: boolean): void {
  statement(db, 'UPDATE workshop_changes SET undone = ? WHERE id = ?').run(undone ? 1 : 0, id);
}

/**
 * A new change after undoing forks history: the undone changes can no longer be redone. They stay
 * in the log, marked, because the history shows every change that was made.
 */
export function discardUndoneChanges(db: Db, sessionId: string): void {
  // Through the partial index of redoable changes (migration 80): with none, one look-up.
  statement(
    db,
    'UPDATE workshop_changes SET discarded = 1 WHERE session_id = ? AND undone = 1 AND discarded = 0',
  ).run(sessionId);
}

/** The changes in effect stay, but undo can no longer reach past this point (a restore). */
export function sealChanges(db: Db, sessionId: string): void {
  // `sealed = 0` lets the partial index of changes in effect find them (migration 80).
  db.prepare('UPDATE workshop_changes SET sealed = 1 WHERE session_id = ? AND undone = 0 AND sealed = 0').run(
    sessionId,
  );
}

/** Copies a workshop to a duplicated session (without its undo log). */
export function copyWorkshop(db: Db, state: WorkshopState, toSessionId: string, at: string): void {
  saveWorkshop(db, toSessionId, state, 0, at);
}

/** The state after the newest logged change, when the caller already has it (a long import). */
export type LogTip = { id: number; since: number; after: unknown };

/**
 * Logs a change with its own times and marks (a new one, or one from a session file): as a patch
 * from the newest change's state after, with a whole state every CHECKPOINT_EVERY changes.
 * Returns the new tip, so a caller logging many changes need not rebuild it each time.
 */
export function insertImportedChange(
  db: Db,
  sessionId: string,
  change: StoredChange,
  known?: LogTip,
  /** `diff(change.before, change.after)`, when the caller has worked it out already. */
  patch?: Patch,
  /**
   * `JSON.stringify(change.before)`, when the caller has it (the stored document the change was
   * made on): a whole state every CHECKPOINT_EVERY changes is then not serialized a second time.
   */
  beforeJson?: string,
): LogTip {
  // A tip the caller kept is used only while it is still the newest change.
  const tail = logTail(db, sessionId);
  const kept = known !== undefined && tail !== undefined && known.id === tail.id ? known : undefined;
  const checkpoint = tail === undefined || tail.since >= CHECKPOINT_EVERY;
  let link: string | null = null;
  if (!checkpoint) {
    const previous = kept ? kept.after : changeStates(db, sessionId, [tail.id]).get(tail.id)?.after;
    link = JSON.stringify(diff(previous, change.before));
  }
  const result = statement(
    db,
    `INSERT INTO workshop_changes
         (session_id, label, undo_label, action, coalesce_key, base, link, patch, created_at, updated_at,
          undone, discarded, sealed)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    sessionId,
    change.label,
    change.undoLabel,
    JSON.stringify(change.action),
    change.coalesceKey,
    checkpoint ? (beforeJson ?? JSON.stringify(change.before)) : null,
    link,
    JSON.stringify(patch ?? diff(change.before, change.after)),
    change.createdAt,
    change.updatedAt,
    change.undone ? 1 : 0,
    change.discarded ? 1 : 0,
    change.sealed ? 1 : 0,
  );
  return {
    id: Number(result.lastInsertRowid),
    since: checkpoint ? 1 : (tail?.since ?? 0) + 1,
    after: change.after,
  };
}
