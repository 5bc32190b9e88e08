import type { Database } from 'better-sqlite3';

/**
 * Who has cast an anonymous ballot in a round hidden from everyone, so one person gets one ballot
 * per round even after the room closes or the app restarts.
 *
 * It holds only the participant and the round, never which ballot: the ballot is stored under its
 * own random id in the workshop. It is kept apart from the workshop document and its change log
 * (a change that added a ballot and a name together would link them), and WITHOUT ROWID so the
 * rows sit in key order, not in the order people voted.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE anonymous_voters (
      session_id     TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
      round          INTEGER NOT NULL CHECK (round >= 1),
      participant_id TEXT NOT NULL,
      PRIMARY KEY (session_id, round, participant_id)
    ) STRICT, WITHOUT ROWID;
  `);
}
