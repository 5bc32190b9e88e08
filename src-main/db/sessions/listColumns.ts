/**
 * The columns the sessions list reads, kept up to date by every write instead of worked out on
 * every read: status, leader and last report (the "standing") and the participant count and
 * full-text row (the "text"). Callers run these inside the write's own transaction, so the list
 * never shows a state that was not stored.
 */
import { z } from 'zod';
import type { Db } from '../connection';
import { sessionSearchText, sessionStanding } from '@shared/sessions/listing';
import type { WorkshopState } from '@shared/workshop';
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
  db.prepare('UPDATE sessions SET status = ?, leader = ?, last_report_at = ? WHERE id = ?').run(
    status,
    leader,
    lastReportAt,
    sessionId,
  );
}

/** Everything the list shows for one session, from what is stored. */
export function refreshListEntry(db: Db, sessionId: string): void {
  refreshListText(db, sessionId);
  refreshListStanding(db, sessionId);
}

/**
 * Fills the list columns of every session that has none yet: all of them in a database made
 * before they were kept (migration 60). Quick when there is nothing to do: one index look-up.
 */
export function fillSessionList(db: Db): void {
  const pending = () => db.prepare('SELECT 1 FROM sessions WHERE search_rowid IS NULL LIMIT 1').get();
  if (pending() === undefined) return;
  db.transaction(() => {
    const ids = z
      .array(z.string())
      .parse(db.prepare('SELECT id FROM sessions WHERE search_rowid IS NULL').pluck().all());
    for (const id of ids) refreshListEntry(db, id);
  })();
}
