import type { Database } from 'better-sqlite3';

/**
 * Client sessions and their participants. `search_text` and `client_key` hold accent- and
 * case-folded copies (shared `searchKey`) because SQLite's own NOCASE only folds ASCII, which
 * would sort "Łódź" after "Northwind".
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sessions (
      id            TEXT PRIMARY KEY NOT NULL,
      client_name   TEXT NOT NULL,
      project_name  TEXT NOT NULL,
      facilitator   TEXT NOT NULL,
      workshop_date TEXT NOT NULL,
      description   TEXT NOT NULL DEFAULT '',
      search_text   TEXT NOT NULL,
      client_key    TEXT NOT NULL,
      created_at    TEXT NOT NULL,
      updated_at    TEXT NOT NULL
    ) STRICT;

    CREATE INDEX sessions_by_updated ON sessions (updated_at DESC);
    CREATE INDEX sessions_by_date ON sessions (workshop_date DESC, updated_at DESC);
    CREATE INDEX sessions_by_client ON sessions (client_key, workshop_date DESC);

    CREATE TABLE participants (
      id         TEXT PRIMARY KEY NOT NULL,
      session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      position   INTEGER NOT NULL,
      name       TEXT NOT NULL
    ) STRICT;

    CREATE INDEX participants_by_session ON participants (session_id, position);
  `);
}
