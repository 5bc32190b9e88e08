/** What the last report was made from: the snapshot its export froze. */
import { z } from 'zod';
import type { Snapshot } from '@shared/snapshots/schema';
import type { Db } from '../connection';
import { toSnapshot } from '../history/rows';

/** The snapshot made by the export at `exportedAt` (found by the session and time index). */
export function exportSnapshot(db: Db, sessionId: string, exportedAt: string): Snapshot | undefined {
  const row = db
    .prepare(
      `SELECT id, session_id, name, kind, content, created_at FROM snapshots
       WHERE session_id = ? AND created_at = ? AND kind = 'report'
       ORDER BY rowid DESC LIMIT 1`,
    )
    .get(sessionId, exportedAt);
  return row === undefined ? undefined : toSnapshot(row);
}

/** How many times the session's report has been exported: each export froze one snapshot. */
export function countExports(db: Db, sessionId: string): number {
  return z
    .number()
    .int()
    .parse(
      db
        .prepare(`SELECT COUNT(*) FROM snapshots WHERE session_id = ? AND kind = 'report'`)
        .pluck()
        .get(sessionId),
    );
}
