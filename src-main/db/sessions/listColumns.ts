/**
 * The columns the sessions list reads, kept up to date by every write instead of worked out on
 * every read: status, leader and last report (the "standing") and the participant count and
 * full-text row (the "text"). Callers run these inside the write's own transaction, so the list
 * never shows a state that was not stored.
 *
 * A workshop change, the one write made many times a second (a slider being dragged), does not
 * run the decision engine: it marks the session's standing as due (`markStandingDue`, in the
 * change's own transaction) and the list works out every marked session before it reads
 * (`settleDueStandings`), so what the list shows is never older than what is stored, and a drag
 * of thirty steps runs the engine once. The mark is a column, so one left by a crash is settled
 * when the database is next opened (`fillSessionList`).
 */
import { z } from 'zod';
import type { Db } from '../connection';
import { sessionSearchText, sessionStanding } from '@shared/sessions/listing';
import type { WorkshopState } from '@shared/workshop';
import { statement } from '../statements';
import { getWorkshop } from '../workshops/queries';
import { toParticipant } from './rows';

const TextRowSchema = z.object({
  client_name: z.string(),
  project_name: z.string(),
  facilitator: z.string(),
  description: z.string(),
  search_rowid: z.number().int().nullable(),
});

function participantsOf(db: Db, sessionId: string) {
  return db
    .prepare('SELECT id, name FROM participants WHERE session_id = ? ORDER BY position')
    .all(sessionId)
    .map(toParticipant);
}

/** After the details or the participants changed: the search text and the participant count. */
export function refreshListText(db: Db, sessionId: string): void {
  const raw = db
    .prepare(
      'SELECT client_name, project_name, facilitator, description, search_rowid FROM sessions WHERE id = ?',
    )
    .get(sessionId);
  if (raw === undefined) return;
  const row = TextRowSchema.parse(raw);
  const participants = participantsOf(db, sessionId);
  const text = sessionSearchText({
    clientName: row.client_name,
    projectName: row.project_name,
    facilitator: row.facilitator,
    description: row.description,
    participants,
  });
  let searchRowid = row.search_rowid;
  if (searchRowid === null) {
    searchRowid = Number(
      db.prepare('INSERT INTO session_search (text) VALUES (?)').run(text).lastInsertRowid,
    );
  } else {
    db.prepare('UPDATE session_search SET text = ? WHERE rowid = ?').run(text, searchRowid);
  }
  db.prepare('UPDATE sessions SET participant_count = ?, search_rowid = ? WHERE id = ?').run(
    participants.length,
    searchRowid,
    sessionId,
  );
}

const LastReportSchema = z.string().nullable();

/** The workshop the list counts: none until it has been worked on (revision 0 is a copy's start). */
function storedWorkshop(db: Db, sessionId: string): WorkshopState | null {
  const stored = getWorkshop(db, sessionId);
  return stored && stored.revision > 0 ? stored.state : null;
}

/**
 * After the workshop, the participants or the report changed. `workshop` is the state just
 * written, when the caller has it (a workshop change), so it is not read and parsed again; the
 * engine runs once, for this one session.
 */
export function refreshListStanding(db: Db, sessionId: string, workshop?: WorkshopState | null): void {
  const lastReportAt = LastReportSchema.parse(
    db.prepare('SELECT last_exported_at FROM session_reports WHERE session_id = ?').pluck().get(sessionId) ??
      null,
  );
  const state = workshop === undefined ? storedWorkshop(db, sessionId) : workshop;
  const { status, leader } = sessionStanding(state, participantsOf(db, sessionId), lastReportAt);
  // Worked out from what is stored now, so a mark left by an earlier workshop change is settled too.
  db.prepare(
    'UPDATE sessions SET status = ?, leader = ?, last_report_at = ?, standing_due = 0 WHERE id = ?',
  ).run(status, leader, lastReportAt, sessionId);
}

/** After a workshop change: the standing is worked out when the list is next read. */
export function markStandingDue(db: Db, sessionId: string): void {
  statement(db, 'UPDATE sessions SET standing_due = 1 WHERE id = ? AND standing_due = 0').run(sessionId);
}

const DueIdsSchema = z.array(z.string());

/**
 * Works out the standing of every session marked due, from its stored workshop. Callers that read
 * the list's columns run this first, in the same transaction; with nothing marked it is one look-up
 * of a partial index.
 */
export function settleDueStandings(db: Db): void {
  const due = DueIdsSchema.parse(
    statement(db, 'SELECT id FROM sessions WHERE standing_due = 1').pluck().all(),
  );
  for (const id of due) refreshListStanding(db, id);
}

/** Everything the list shows for one session, from what is stored. */
export function refreshListEntry(db: Db, sessionId: string): void {
  refreshListText(db, sessionId);
  refreshListStanding(db, sessionId);
}

/**
 * Before the file is closed: the standings still due, so the next start opens a file with none
 * to work out. Should that fail, the marks stay and the next opening settles them.
 */
export function settleBeforeClosing(db: Db): void {
  try {
    db.transaction(() => settleDueStandings(db))();
  } catch {
    // The marks are stored; `fillSessionList` settles them when the file is next opened.
  }
}

/**
 * Fills the list columns of every session that has none yet (all of them in a database made
 * before they were kept, migration 60) and settles the standings left due. Quick when there is
 * nothing to do: two index look-ups.
 */
export function fillSessionList(db: Db): void {
  db.transaction(() => {
    const ids = DueIdsSchema.parse(
      db.prepare('SELECT id FROM sessions WHERE search_rowid IS NULL').pluck().all(),
    );
    for (const id of ids) refreshListEntry(db, id);
    // Standings marked due and not yet worked out when the app last stopped.
    settleDueStandings(db);
  })();
}
