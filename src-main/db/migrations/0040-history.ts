import type { Database } from 'better-sqlite3';

/**
 * The session's history and snapshots.
 *
 * - Undone workshop changes that a new edit replaces are now marked `discarded` instead of being
 *   deleted, so the history keeps every change that was ever made; `sealed` changes are in
 *   effect but can no longer be undone (a snapshot was restored over them).
 * - `session_events`: what happened to a session outside the workshop document (created, details
 *   edited, report exported, snapshot saved or restored, imported), with before and after.
 * - `snapshots`: frozen copies of everything the report is made from (session, workshop, brand),
 *   named by the facilitator or made automatically on export and before a restore.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE workshop_changes
      ADD COLUMN discarded INTEGER NOT NULL DEFAULT 0 CHECK (discarded IN (0, 1));
    ALTER TABLE workshop_changes
      ADD COLUMN sealed INTEGER NOT NULL DEFAULT 0 CHECK (sealed IN (0, 1));

    CREATE TABLE session_events (
      id         INTEGER PRIMARY KEY AUTOINCREMENT,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      kind       TEXT NOT NULL,
      label      TEXT NOT NULL,
      before     TEXT,
      after      TEXT,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE INDEX session_events_by_session ON session_events (session_id, id);

    CREATE TABLE snapshots (
      id         TEXT PRIMARY KEY NOT NULL,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      name       TEXT NOT NULL,
      kind       TEXT NOT NULL,
      content    TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;

    CREATE INDEX snapshots_by_session ON snapshots (session_id, created_at);
  `);
}
