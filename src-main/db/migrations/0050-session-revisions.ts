import type { Database } from 'better-sqlite3';

/**
 * Each session's revision: it goes up by one with every write to the session's details or
 * participants, so a write based on an older copy (another window, a replayed request) can be
 * told apart and refused instead of silently overwriting what was stored since.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 0 CHECK (revision >= 0);
  `);
}
