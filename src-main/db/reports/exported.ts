/** What the last report was made from: the snapshot its export froze. */
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
