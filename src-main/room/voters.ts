/**
 * Who has cast an anonymous ballot, per session and round (table `anonymous_voters`): never which
 * ballot is whose. The room reads it before making a new anonymous ballot, so a person who lost
 * their ballot's id (the room closed, the app restarted) cannot add a second one.
 */
import type { Db } from '../db/connection';

export type AnonymousVoters = ReturnType<typeof createAnonymousVoters>;

export function createAnonymousVoters(db: Db) {
  const has = db.prepare<[string, number, string], number>(
    'SELECT 1 FROM anonymous_voters WHERE session_id = ? AND round = ? AND participant_id = ?',
  );
  const count = db.prepare<[string, number], { n: number }>(
    'SELECT COUNT(*) AS n FROM anonymous_voters WHERE session_id = ? AND round = ?',
  );
  const add = db.prepare<[string, number, string]>(
    'INSERT OR IGNORE INTO anonymous_voters (session_id, round, participant_id) VALUES (?, ?, ?)',
  );
  return {
    has: (sessionId: string, round: number, participantId: string): boolean =>
      has.pluck().get(sessionId, round, participantId) !== undefined,
    count: (sessionId: string, round: number): number => count.get(sessionId, round)?.n ?? 0,
    /**
     * Runs `write` (the ballot's own transaction) with the participant marked as having cast, in
     * one transaction: a refused ballot marks no one.
     */
    castBy<T>(sessionId: string, round: number, participantId: string, write: () => T): T {
      return db.transaction(() => {
        add.run(sessionId, round, participantId);
        return write();
      })();
    },
  };
}
