/** Reads of sessions. All SQL for sessions lives here and in mutations.ts, always with bound parameters. */
import type { Db } from '../connection';
import { z } from 'zod';
import type {
  Participant,
  Session,
  SessionSort,
  SessionStatus,
  SessionSummary,
} from '@shared/sessions/schema';
import { evaluateWorkshop, WorkshopStateSchema } from '@shared/workshop';
import { searchKey } from '@shared/sessions/schema';
import { SummaryRowSchema, toParticipant, toSession, toSummary } from './rows';
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

export type ListQuery = { search: string; sort: SessionSort; status: SessionStatus | 'all'; client: string };

/**
 * The session list. Status and leader are worked out from each session's workshop (the engine
 * runs per row, well under a millisecond for a typical workshop), then the status filter applies.
 */
export function listSessions(db: Db, query: ListQuery): SessionSummary[] {
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
  const rows = db
    .prepare(sql)
    .all(...params)
    .map((row) => SummaryRowSchema.parse(row));
  const people = participantsBySession(db);
  return rows
    .map((row) => toSummary(row, standing(row, people.get(row.id) ?? [])))
    .filter((summary) => query.status === 'all' || summary.status === query.status);
}

function participantsBySession(db: Db): Map<string, Participant[]> {
  const bySession = new Map<string, Participant[]>();
  const rows = db
    .prepare('SELECT session_id, id, name FROM participants ORDER BY session_id, position')
    .all();
  for (const row of rows) {
    const { session_id: sessionId } = z.object({ session_id: z.string() }).parse(row);
    const list = bySession.get(sessionId) ?? [];
    list.push(toParticipant(row));
    bySession.set(sessionId, list);
  }
  return bySession;
}

function standing(row: SummaryRow, participants: Participant[]): Pick<SessionSummary, 'status' | 'leader'> {
  if (row.workshop_state === null || !row.workshop_revision) {
    return { status: row.last_exported_at ? 'reported' : 'draft', leader: null };
  }
  const state = WorkshopStateSchema.parse(JSON.parse(row.workshop_state));
  const { evaluation, model } = evaluateWorkshop(state, participants);
  const leaderIndex = evaluation.recommendation.leader;
  const leader = leaderIndex === null ? null : (model.candidates[leaderIndex]?.name ?? null);
  const status = row.last_exported_at
    ? 'reported'
    : state.step === 'recommendation'
      ? 'recommended'
      : 'workshop';
  return { status, leader };
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
