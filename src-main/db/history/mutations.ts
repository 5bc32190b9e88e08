/** Writes of a session's events and snapshots; both are append-only. */
import type { SessionState } from '@shared/history/compare';
import type { Session } from '@shared/sessions/schema';
import type { Snapshot } from '@shared/snapshots/schema';
import { initialWorkshopState } from '@shared/workshop';
import type { Db } from '../connection';
import { statement } from '../statements';
import type { SessionEvent } from './rows';

export function insertEvent(
  db: Db,
  sessionId: string,
  event: Omit<SessionEvent, 'id' | 'before' | 'after'> & {
    before?: SessionState | null;
    after?: SessionState | null;
  },
): void {
  db.prepare(
    'INSERT INTO session_events (session_id, kind, label, before, after, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    sessionId,
    event.kind,
    event.label,
    event.before ? JSON.stringify(event.before) : null,
    event.after ? JSON.stringify(event.after) : null,
    event.createdAt,
  );
}

/** Folds a follow-up edit into an entry: its `after` becomes the newest state. */
export function extendEvent(db: Db, id: number, after: SessionState): void {
  db.prepare('UPDATE session_events SET after = ? WHERE id = ?').run(JSON.stringify(after), id);
}

/**
 * A details entry's state, `{ session, workshop }`, with the session's workshop as stored (or the
 * initial one before any) copied by SQLite: a details edit, saved as it is typed, neither reads
 * the workshop into the app nor serializes it again, which on a 40 x 8 x 40 workshop is most of
 * its cost. Whoever reads the entry checks it (`SessionStateSchema`), as for any entry.
 */
const DETAILS_STATE = `json_object('session', json(?), 'workshop',
  COALESCE((SELECT json(state) FROM workshops WHERE session_id = ?), json(?)))`;

const INITIAL_WORKSHOP = JSON.stringify(initialWorkshopState());

/** A new history entry for an edit of the details: the session before and after, and its workshop. */
export function insertDetailsEvent(
  db: Db,
  event: { label: string; before: Session; after: Session; createdAt: string },
): void {
  const { id } = event.after;
  statement(
    db,
    `INSERT INTO session_events (session_id, kind, label, before, after, created_at)
     VALUES (?, 'details', ?, ${DETAILS_STATE}, ${DETAILS_STATE}, ?)`,
  ).run(
    id,
    event.label,
    JSON.stringify(event.before),
    id,
    INITIAL_WORKSHOP,
    JSON.stringify(event.after),
    id,
    INITIAL_WORKSHOP,
    event.createdAt,
  );
}

/** Folds a follow-up edit of the details into an entry: its `after` becomes the newest state. */
export function extendDetailsEvent(db: Db, id: number, after: Session): void {
  statement(db, `UPDATE session_events SET after = ${DETAILS_STATE} WHERE id = ?`).run(
    JSON.stringify(after),
    after.id,
    INITIAL_WORKSHOP,
    id,
  );
}

export function insertSnapshot(db: Db, snapshot: Snapshot): void {
  db.prepare(
    'INSERT INTO snapshots (id, session_id, name, kind, content, created_at) VALUES (?, ?, ?, ?, ?, ?)',
  ).run(
    snapshot.id,
    snapshot.sessionId,
    snapshot.name,
    snapshot.kind,
    JSON.stringify(snapshot.content),
    snapshot.createdAt,
  );
}
