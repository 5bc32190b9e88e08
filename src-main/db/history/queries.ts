/** Reads of a session's events and snapshots. */
import type { Snapshot } from '@shared/snapshots/schema';
import type { Db } from '../connection';
import { toEvent, toSnapshot } from './rows';
import type { SessionEvent } from './rows';

export function sessionEvents(db: Db, sessionId: string): SessionEvent[] {
  return db
    .prepare(
      'SELECT id, kind, label, before, after, created_at FROM session_events WHERE session_id = ? ORDER BY id',
    )
    .all(sessionId)
    .map(toEvent);
}

export function lastEvent(db: Db, sessionId: string): SessionEvent | undefined {
  const row = db
    .prepare(
      'SELECT id, kind, label, before, after, created_at FROM session_events WHERE session_id = ? ORDER BY id DESC LIMIT 1',
    )
    .get(sessionId);
  return row === undefined ? undefined : toEvent(row);
}

const SNAPSHOT_COLUMNS = 'id, session_id, name, kind, content, created_at';

/** Oldest first. */
export function listSnapshots(db: Db, sessionId: string): Snapshot[] {
  return db
    .prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE session_id = ? ORDER BY created_at, rowid`)
    .all(sessionId)
    .map(toSnapshot);
}

export function getSnapshot(db: Db, sessionId: string, id: string): Snapshot | undefined {
  const row = db
    .prepare(`SELECT ${SNAPSHOT_COLUMNS} FROM snapshots WHERE id = ? AND session_id = ?`)
    .get(id, sessionId);
  return row === undefined ? undefined : toSnapshot(row);
}
