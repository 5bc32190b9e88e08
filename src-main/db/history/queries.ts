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

const PageRowSchema = z.object({ source: z.enum(['change', 'event']), id: z.number().int() });

/**
 * One page of a session's history, newest first: which workshop changes and events it holds, in
 * order, and how many entries there are in all. Only ids and times are read here; the caller
 * reads the states of the entries on the page.
 */
export function historyPage(
  db: Db,
  sessionId: string,
  offset: number,
  limit: number,
): { rows: { source: 'change' | 'event'; id: number }[]; total: number } {
  // The same order the timeline always had: newest first, then by the entry's id as text.
  const rows = db
    .prepare(
      `SELECT source, id FROM (
         SELECT 'change' AS source, id, updated_at AS at FROM workshop_changes WHERE session_id = ?
         UNION ALL
         SELECT 'event' AS source, id, created_at AS at FROM session_events WHERE session_id = ?
       ) ORDER BY at DESC, (source || '-' || id) DESC LIMIT ? OFFSET ?`,
    )
    .all(sessionId, sessionId, limit, offset)
    .map((row) => PageRowSchema.parse(row));
  const total = z.object({ n: z.number().int() }).parse(
    db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM workshop_changes WHERE session_id = ?)
                + (SELECT COUNT(*) FROM session_events WHERE session_id = ?) AS n`,
      )
      .get(sessionId, sessionId),
  ).n;
  return { rows, total };
}

export function eventsByIds(db: Db, sessionId: string, ids: readonly number[]): SessionEvent[] {
  if (ids.length === 0) return [];
  return db
    .prepare(
      'SELECT id, kind, label, before, after, created_at FROM session_events WHERE session_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id',
    )
    .all(sessionId, JSON.stringify(ids))
    .map(toEvent);
}

const EventHeadRowSchema = z.object({
  id: z.number().int(),
  kind: HistoryKindSchema,
  label: z.string(),
  created_at: z.string(),
  compared: z.union([z.literal(0), z.literal(1)]),
});

/** Events without their stored states: what a history page lists, and whether each has two to compare. */
export function eventHeadsByIds(
  db: Db,
  sessionId: string,
  ids: readonly number[],
): Array<{ id: number; kind: HistoryKind; label: string; createdAt: string; compared: boolean }> {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT id, kind, label, created_at, (before IS NOT NULL AND after IS NOT NULL) AS compared
         FROM session_events WHERE session_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(sessionId, JSON.stringify(ids))
    .map((row) => {
      const head = EventHeadRowSchema.parse(row);
      return {
        id: head.id,
        kind: head.kind,
        label: head.label,
        createdAt: head.created_at,
        compared: head.compared === 1,
      };
    });
}
