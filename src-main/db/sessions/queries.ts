/** Reads of sessions. All SQL for sessions lives here and in mutations.ts, always with bound parameters. */
import type { Db } from '../connection';
import type { Session, SessionSort, SessionSummary } from '@shared/sessions/schema';
import { searchKey } from '@shared/sessions/schema';
import { toParticipant, toSession, toSummary } from './rows';

const ORDER_BY: Record<SessionSort, string> = {
  updated: 's.updated_at DESC, s.id',
  date: 's.workshop_date DESC, s.updated_at DESC, s.id',
  client: 's.client_key ASC, s.workshop_date DESC, s.id',
};

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listSessions(db: Db, query: { search: string; sort: SessionSort }): SessionSummary[] {
  const terms = searchKey(query.search).split(/\s+/).filter(Boolean);
  const where = terms.map(() => `s.search_text LIKE ? ESCAPE '\\'`).join(' AND ');
  const sql = `
    SELECT s.id, s.client_name, s.project_name, s.facilitator, s.workshop_date,
           s.created_at, s.updated_at,
           (SELECT COUNT(*) FROM participants p WHERE p.session_id = s.id) AS participant_count
    FROM sessions s
    ${where ? `WHERE ${where}` : ''}
    ORDER BY ${ORDER_BY[query.sort]}`;
  return db
    .prepare(sql)
    .all(...terms.map(likePattern))
    .map(toSummary);
}

export function getSession(db: Db, id: string): Session | undefined {
  const row = db
    .prepare(
      `SELECT id, client_name, project_name, facilitator, workshop_date, description, created_at, updated_at
       FROM sessions WHERE id = ?`,
    )
    .get(id);
  if (row === undefined) return undefined;
  const participants = db
    .prepare('SELECT id, name FROM participants WHERE session_id = ? ORDER BY position')
    .all(id)
    .map(toParticipant);
  return toSession(row, participants);
}

export function sessionExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(id) !== undefined;
}
