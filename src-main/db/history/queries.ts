/** Reads of a session's events and snapshots. */
import { z } from 'zod';
import { HistoryKindSchema } from '@shared/history/contract';
import type { HistoryKind } from '@shared/history/contract';
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

const EventHeadSchema = z.object({ id: z.number().int(), kind: HistoryKindSchema, created_at: z.string() });

/** The newest event's kind and time, without reading its stored states. */
export function lastEventHead(
  db: Db,
  sessionId: string,
): { id: number; kind: HistoryKind; createdAt: string } | undefined {
  const row = db
    .prepare('SELECT id, kind, created_at FROM session_events WHERE session_id = ? ORDER BY id DESC LIMIT 1')
    .get(sessionId);
  if (row === undefined) return undefined;
  const head = EventHeadSchema.parse(row);
  return { id: head.id, kind: head.kind, createdAt: head.created_at };
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
