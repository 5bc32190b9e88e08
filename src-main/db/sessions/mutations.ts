/** Writes of sessions. Callers wrap multi-statement changes in `db.transaction`. */
import type { Db } from '../connection';
import { statement } from '../statements';
import type { Participant, Session } from '@shared/sessions/schema';
import { searchKey } from '@shared/sessions/schema';

type StoredFields = Omit<Session, 'participants'>;

/** The stored fields plus the client's folded name, which the client sort and filter use. */
function withKeys(session: StoredFields) {
  return {
    id: session.id,
    clientName: session.clientName,
    projectName: session.projectName,
    facilitator: session.facilitator,
    workshopDate: session.workshopDate,
    description: session.description,
    createdAt: session.createdAt,
    updatedAt: session.updatedAt,
    clientKey: searchKey(session.clientName),
  };
}

export function insertSession(db: Db, session: StoredFields): void {
  db.prepare(
    `INSERT INTO sessions (id, client_name, project_name, facilitator, workshop_date, description,
                           client_key, created_at, updated_at)
     VALUES (@id, @clientName, @projectName, @facilitator, @workshopDate, @description,
             @clientKey, @createdAt, @updatedAt)`,
  ).run(withKeys(session));
}

/** Writes the details and moves the revision on by one, so copies read before are now stale. */
export function updateSession(db: Db, session: StoredFields): void {
  db.prepare(
    `UPDATE sessions
     SET client_name = @clientName, project_name = @projectName, facilitator = @facilitator,
         workshop_date = @workshopDate, description = @description, client_key = @clientKey,
         updated_at = @updatedAt, revision = revision + 1
     WHERE id = @id`,
  ).run(withKeys(session));
}

/**
 * A workshop change is an edit of the session: its "Edited" time (and place in the list) moves
 * on. The revision stays: it counts writes to the details and participants, and a form open on
 * them has not gone stale. One row by its key, so a slider being dragged costs the same each frame.
 */
/**
 * How close "last edited" is kept to the newest change. A slider's burst of autosaves moves it
 * once a second rather than on each save: the sessions row carries seven list indexes, and
 * rewriting them is half of what an autosave writes to disk.
 */
export const EDITED_RESOLUTION_MS = 1000;

/** Moves the session's "last edited" time to `updatedAt`, unless it is within `EDITED_RESOLUTION_MS` already. */
export function touchSession(db: Db, id: string, updatedAt: string): void {
  const stale = new Date(Date.parse(updatedAt) - EDITED_RESOLUTION_MS).toISOString();
  statement(db, 'UPDATE sessions SET updated_at = ? WHERE id = ? AND updated_at <= ?').run(
    updatedAt,
    id,
    stale,
  );
}

/** Makes the session's participant rows exactly `participants`, in that order. */
export function replaceParticipants(db: Db, sessionId: string, participants: readonly Participant[]): void {
  db.prepare('DELETE FROM participants WHERE session_id = ?').run(sessionId);
  const insert = db.prepare('INSERT INTO participants (id, session_id, position, name) VALUES (?, ?, ?, ?)');
  participants.forEach((p, position) => insert.run(p.id, sessionId, position, p.name));
}

export function deleteSession(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM sessions WHERE id = ?').run(id).changes > 0;
}
