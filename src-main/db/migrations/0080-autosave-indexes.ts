import type { Database } from 'better-sqlite3';

/**
 * An autosave costs the same whatever the length of the history.
 *
 * What undo would take back (the newest change in effect) and what redo would bring back (the
 * oldest undone one that was not discarded) are read on every write; through the session's whole
 * index they walk past every change that does not qualify (with nothing to redo, all of them), so
 * each gets a partial index holding only the changes that do.
 *
 * `standing_due` marks a session whose list standing (status, leader) is to be worked out again
 * from its stored workshop: a workshop change sets it in its own transaction instead of running
 * the decision engine there, and the list works out the marked sessions before it reads
 * (db/sessions/listColumns.ts). Being stored, a mark survives a crash and is settled when the
 * database is next opened. The partial index keeps "which sessions are marked" one look-up.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX workshop_changes_applied ON workshop_changes (session_id, id)
      WHERE undone = 0 AND sealed = 0;
    CREATE INDEX workshop_changes_redoable ON workshop_changes (session_id, id)
      WHERE undone = 1 AND discarded = 0;

    ALTER TABLE sessions ADD COLUMN standing_due INTEGER NOT NULL DEFAULT 0
      CHECK (standing_due IN (0, 1));
    CREATE INDEX sessions_standing_due ON sessions (id) WHERE standing_due = 1;
  `);
}
