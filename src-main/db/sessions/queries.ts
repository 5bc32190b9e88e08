/** Reads of sessions. All SQL for sessions lives here and in mutations.ts, always with bound parameters. */
import type { Db } from '../connection';
import { z } from 'zod';
import type { Session, SessionSort, SessionStatus } from '@shared/sessions/schema';
import { searchKey } from '@shared/sessions/schema';
import { fullTextQuery } from '@shared/sessions/listing';
import { SummaryRowSchema, toParticipant, toSession } from './rows';
import type { SummaryRow } from './rows';

/**
 * Each sort ends on `id`, so the order is total and pages never overlap; each has an index
 * (alone, and after the status or client filter) that yields rows in exactly this order.
 */
const ORDER_BY: Record<SessionSort, string> = {
  updated: 's.updated_at DESC, s.id',
  date: 's.workshop_date DESC, s.updated_at DESC, s.id',
  client: 's.client_key ASC, s.workshop_date DESC, s.updated_at DESC, s.id',
};

export type ListQuery = {
  search: string;
  sort: SessionSort;
  status: SessionStatus | 'all';
  client: string;
  limit: number;
  offset: number;
};

/**
 * A search matching more sessions than this is read in the sort's own index order, each row
 * checked against the matches, so a page stops after its rows; a narrower one starts from the
 * matches and sorts those few.
 */
export const BROAD_SEARCH = 200;

/** The WHERE clause and its bound values; null when the search cannot match anything. */
function listFilter(query: ListQuery, broad: boolean): { where: string; params: Array<string> } | null {
  const conditions: string[] = [];
  const params: string[] = [];
  if (query.search.trim()) {
    const match = fullTextQuery(query.search);
    if (match === null) return null;
    // The unary + keeps SQLite from driving the query by search_rowid (see BROAD_SEARCH).
    conditions.push(
      `${broad ? '+' : ''}s.search_rowid IN (SELECT rowid FROM session_search WHERE session_search MATCH ?)`,
    );
    params.push(match);
  }
  if (query.status !== 'all') {
    conditions.push('s.status = ?');
    params.push(query.status);
  }
  if (query.client.trim()) {
    conditions.push('s.client_key = ?');
    params.push(searchKey(query.client.trim()));
  }
  return { where: conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '', params };
}

export const LIST_COLUMNS = `s.id, s.client_name, s.project_name, s.facilitator, s.workshop_date, s.created_at,
  s.updated_at, s.participant_count, s.status, s.leader, s.last_report_at`;

/** The SQL of one page (`broad`: see BROAD_SEARCH), exported for the query-plan test. */
export function listPageSql(
  query: ListQuery,
  broad = false,
): { sql: string; params: Array<string | number> } | null {
  const filter = listFilter(query, broad);
  if (filter === null) return null;
  return {
    sql: `SELECT ${LIST_COLUMNS} FROM sessions s ${filter.where}
          ORDER BY ${ORDER_BY[query.sort]} LIMIT ? OFFSET ?`,
    params: [...filter.params, query.limit, query.offset],
  };
}

/** How many sessions the full-text index matches; every session has exactly one row in it. */
function searchMatches(db: Db, search: string): number {
  const match = fullTextQuery(search);
  if (match === null) return 0;
  return CountSchema.parse(
    db.prepare('SELECT COUNT(*) FROM session_search WHERE session_search MATCH ?').pluck().get(match),
  );
}

/** One page of the list, read from the kept columns, and how many sessions match in all. */
export function listSessionPage(db: Db, query: ListQuery): { rows: SummaryRow[]; total: number } {
  const searching = query.search.trim() !== '';
  const matches = searching ? searchMatches(db, query.search) : 0;
  if (searching && matches === 0) return { rows: [], total: 0 };
  const broad = matches > BROAD_SEARCH;
  const page = listPageSql(query, broad);
  const filter = listFilter(query, broad);
  if (page === null || filter === null) return { rows: [], total: 0 };
  const rows = db
    .prepare(page.sql)
    .all(...page.params)
    .map((row) => SummaryRowSchema.parse(row));
  const filtered = query.status !== 'all' || query.client.trim() !== '';
  const total =
    searching && !filtered
      ? matches
      : CountSchema.parse(
          db
            .prepare(`SELECT COUNT(*) FROM sessions s ${filter.where}`)
            .pluck()
            .get(...filter.params),
        );
  return { rows, total };
}

const CountSchema = z.number().int().nonnegative();

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
