import type { Database } from 'better-sqlite3';

/**
 * The workshop document of each session (JSON, validated on every read) and the log of changes
 * to it. Each change keeps the state before and after, which serves undo and redo now and the
 * session's history later; a dragged slider is merged into one change.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE workshops (
      session_id TEXT PRIMARY KEY NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      state      TEXT NOT NULL,
      revision   INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE workshop_changes (
      id           INTEGER PRIMARY KEY AUTOINCREMENT,
      session_id   TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      label        TEXT NOT NULL,
      action       TEXT NOT NULL,
      coalesce_key TEXT,
      before       TEXT NOT NULL,
      after        TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      updated_at   TEXT NOT NULL,
      undone       INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1))
    ) STRICT;

    CREATE INDEX workshop_changes_by_session ON workshop_changes (session_id, id);
  `);
}
