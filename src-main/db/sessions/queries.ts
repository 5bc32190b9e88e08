/** Reads of sessions. All SQL for sessions lives here and in mutations.ts, always with bound parameters. */
import type { Db } from '../connection';
import { z } from 'zod';
import type { Participant, Session, SessionSort } from '@shared/sessions/schema';
import { searchKey } from '@shared/sessions/schema';
import { SummaryRowSchema, toParticipant, toSession } from './rows';
import type { SummaryRow } from './rows';

const ORDER_BY: Record<SessionSort, string> = {
  updated: 's.updated_at DESC, s.id',
  date: 's.workshop_date DESC, s.updated_at DESC, s.id',
  client: 's.client_key ASC, s.workshop_date DESC, s.id',
};

/** Escapes LIKE wildcards so a search for "50%" matches the text "50%". */
function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type ListQuery = { search: string; sort: SessionSort; client: string };

/** The list's rows, each with its workshop document and last export (still JSON, unparsed). */
export function listSessionRows(db: Db, query: ListQuery): SummaryRow[] {
  const terms = searchKey(query.search).split(/\s+/).filter(Boolean);
  const conditions = terms.map(() => `s.search_text LIKE ? ESCAPE '\\'`);
  const params: string[] = terms.map(likePattern);
  if (query.client.trim()) {
    conditions.push('s.client_key = ?');
    params.push(searchKey(query.client.trim()));
  }
  const sql = `
    SELECT s.id, s.client_name, s.project_name, s.facilitator, s.workshop_date,
           s.created_at, s.updated_at,
           (SELECT COUNT(*) FROM participants p WHERE p.session_id = s.id) AS participant_count,
           w.state AS workshop_state, w.revision AS workshop_revision, r.last_exported_at
    FROM sessions s
    LEFT JOIN workshops w ON w.session_id = s.id
    LEFT JOIN session_reports r ON r.session_id = s.id
    ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
    ORDER BY ${ORDER_BY[query.sort]}`;
  return db
    .prepare(sql)
    .all(...params)
    .map((row) => SummaryRowSchema.parse(row));
}

const SessionIdRowSchema = z.object({ session_id: z.string() });

/** Every session's participants, in order, by session id. */
export function participantsBySession(db: Db): Map<string, Participant[]> {
  const bySession = new Map<string, Participant[]>();
  const rows = db
    .prepare('SELECT session_id, id, name FROM participants ORDER BY session_id, position')
    .all();
  for (const row of rows) {
    const { session_id: sessionId } = SessionIdRowSchema.parse(row);
    const list = bySession.get(sessionId) ?? [];
    list.push(toParticipant(row));
    bySession.set(sessionId, list);
  }
  return bySession;
}

/** Every client's name once, in the list's client order. */
export function listClients(db: Db): string[] {
  return z
    .array(z.string())
    .parse(
      db.prepare('SELECT client_name FROM sessions GROUP BY client_key ORDER BY client_key').pluck().all(),
    );
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

const RevisionRowSchema = z.number().int().nonnegative();

/** The session's revision: how many writes its details and participants have had. */
export function sessionRevision(db: Db, id: string): number | undefined {
  const value: unknown = db.prepare('SELECT revision FROM sessions WHERE id = ?').pluck().get(id);
  return value === undefined ? undefined : RevisionRowSchema.parse(value);
}

/** Which session a participant id belongs to, if any. */
export function participantSession(db: Db, participantId: string): string | undefined {
  const value: unknown = db
    .prepare('SELECT session_id FROM participants WHERE id = ?')
    .pluck()
    .get(participantId);
  return value === undefined ? undefined : z.string().parse(value);
}

export function sessionExists(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(id) !== undefined;
}
