/** Writes of a session's events and snapshots; both are append-only. */
import type { SessionState } from '@shared/history/compare';
import type { Snapshot } from '@shared/snapshots/schema';
import type { Db } from '../connection';
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
