import type { Database } from 'better-sqlite3';

/**
 * The sessions list, kept instead of worked out on every read: each session's status, leader,
 * last report and participant count are columns written with every change to the session, and its
 * folded text (details and participants' names) is in a full-text index, with prefix indexes as
 * every typed word matches the start of a word. One index per sort, alone and after the status
 * filter, and the client's own, so a page is read in order from an index (status and client
 * together read the client's, a few rows).
 *
 * The FTS row is tied to the session by `search_rowid`, not the session's own rowid, which VACUUM
 * may renumber. The old LIKE column `search_text` goes. Existing sessions are left without one
 * and filled when the database is opened, after every migration has run (`fillSessionList` in
 * connection.ts): the fill reads workshops with the app's current code, which a later migration
 * may need first.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX sessions_by_updated;
    DROP INDEX sessions_by_date;
    DROP INDEX sessions_by_client;
    ALTER TABLE sessions DROP COLUMN search_text;
    ALTER TABLE sessions ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
      CHECK (status IN ('draft', 'workshop', 'recommended', 'reported'));
    ALTER TABLE sessions ADD COLUMN leader TEXT;
    ALTER TABLE sessions ADD COLUMN last_report_at TEXT;
    ALTER TABLE sessions ADD COLUMN participant_count INTEGER NOT NULL DEFAULT 0
      CHECK (participant_count >= 0);
    ALTER TABLE sessions ADD COLUMN search_rowid INTEGER;

    CREATE UNIQUE INDEX sessions_by_search_rowid ON sessions (search_rowid);
    CREATE INDEX sessions_by_updated ON sessions (updated_at DESC, id);
    CREATE INDEX sessions_by_date ON sessions (workshop_date DESC, updated_at DESC, id);
    CREATE INDEX sessions_by_client ON sessions (client_key, workshop_date DESC, updated_at DESC, id);
    CREATE INDEX sessions_of_client_by_updated ON sessions (client_key, updated_at DESC, id);
    CREATE INDEX sessions_by_status_updated ON sessions (status, updated_at DESC, id);
    CREATE INDEX sessions_by_status_date ON sessions (status, workshop_date DESC, updated_at DESC, id);
    CREATE INDEX sessions_by_status_client
      ON sessions (status, client_key, workshop_date DESC, updated_at DESC, id);

    CREATE VIRTUAL TABLE session_search USING fts5 (
      text, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
    );

    CREATE TRIGGER sessions_search_delete AFTER DELETE ON sessions
    BEGIN
      DELETE FROM session_search WHERE rowid = old.search_rowid;
    END;
  `);
}
