/**
 * Client sessions: create, read, edit, duplicate, delete. Inputs arrive already parsed by the
 * contract; this layer applies the rules that need the database (existence, participant ids) and
 * keeps every multi-row write in one transaction.
 */
import type { Db } from '../db/connection';
import {
  listClients,
  listSessionRows,
  participantsBySession,
  sessionExists,
  sessionRevision,
} from '../db/sessions/queries';
import { toSummary } from '../db/sessions/rows';
import type { SummaryRow } from '../db/sessions/rows';
import { deleteSession, insertSession, replaceParticipants, updateSession } from '../db/sessions/mutations';
import { extendEvent, insertEvent } from '../db/history/mutations';
import { lastEventHead } from '../db/history/queries';
import { getWorkshop } from '../db/workshops/queries';
import { copyWorkshop } from '../db/workshops/mutations';
import {
  evaluateWorkshop,
  inputsHidden,
  initialWorkshopState,
  remapParticipants,
  WorkshopStateSchema,
} from '@shared/workshop';
import type { ParsedInput } from '@shared/ipc/contract';
import { AppError } from '@shared/ipc/result';
import type {
  Participant,
  ParticipantDraft,
  Session,
  SessionRecord,
  SessionSummary,
} from '@shared/sessions/schema';
import { SESSION_LIMITS, SessionSchema } from '@shared/sessions/schema';
import type { EventBus } from './eventBus';
import { SESSION_GONE, sessionOrThrow } from './lookups';
import { applyParticipantChanges } from './participantChanges';
import { requireRevision } from './revisions';

export type ServiceDeps = {
  db: Db;
  events: EventBus;
  now: () => Date;
  newId: () => string;
};

export type SessionService = ReturnType<typeof createSessionService>;

/** Edits within this long of the first one in a row (autosave while typing) are one history entry. */
export const DETAILS_EDIT_WINDOW_MS = 60_000;

const sameDetails = (a: Session, b: Session) =>
  JSON.stringify({ ...a, updatedAt: '' }) === JSON.stringify({ ...b, updatedAt: '' });

/** One history entry per burst of edits to the details, holding the state before the burst. */
function recordDetailsEdit(db: Db, before: Session, after: Session): void {
  if (sameDetails(before, after)) return;
  const workshop = getWorkshop(db, after.id)?.state ?? initialWorkshopState();
  const last = lastEventHead(db, after.id);
  const burst =
    last?.kind === 'details' &&
    Date.parse(after.updatedAt) - Date.parse(last.createdAt) < DETAILS_EDIT_WINDOW_MS;
  if (burst) {
    extendEvent(db, last.id, { session: after, workshop });
  } else {
    insertEvent(db, after.id, {
      kind: 'details',
      label: 'Edited the session details',
      before: { session: before, workshop },
      after: { session: after, workshop },
      createdAt: after.updatedAt,
    });
  }
}

export function createSessionService({ db, events, now, newId }: ServiceDeps) {
  const mustGet = (id: string): Session => sessionOrThrow(db, id, 'id');
  const withRevision = (session: Session): SessionRecord => ({
    ...session,
    revision: sessionRevision(db, session.id) ?? 0,
  });

  function assignIds(drafts: readonly ParticipantDraft[], known: readonly Participant[]): Participant[] {
    const knownIds = new Set(known.map((p) => p.id));
    return drafts.map((draft, index) => {
      if (draft.id !== undefined && !knownIds.has(draft.id)) {
        throw new AppError(
          'invalid_input',
          `participants.${index}.id: this participant does not belong to the session.`,
          `participants.${index}.id`,
        );
      }
      return { id: draft.id ?? newId(), name: draft.name };
    });
  }

  const changed = (id: string) => events.emit('sessions:changed', { id });

  return {
    /**
     * The list. Status and leader come from each session's workshop (the engine runs per row, well
     * under a millisecond for a typical workshop); the status filter applies to them.
     */
    list(query: ParsedInput<'sessions:list'>): SessionSummary[] {
      const people = participantsBySession(db);
      return listSessionRows(db, query)
        .map((row) => toSummary(row, standing(row, people.get(row.id) ?? [])))
        .filter((summary) => query.status === 'all' || summary.status === query.status);
    },

    clients(): string[] {
      return listClients(db);
    },

    get(id: string): SessionRecord {
      return db.transaction(() => withRevision(mustGet(id)))();
    },

    create(draft: ParsedInput<'sessions:create'>): SessionRecord {
      const timestamp = now().toISOString();
      const session = SessionSchema.parse({
        ...draft,
        id: newId(),
        participants: assignIds(draft.participants, []),
        createdAt: timestamp,
        updatedAt: timestamp,
      });
      db.transaction(() => {
        insertSession(db, session);
        replaceParticipants(db, session.id, session.participants);
        insertEvent(db, session.id, { kind: 'created', label: 'Created the session', createdAt: timestamp });
      })();
      changed(session.id);
      return { ...session, revision: 0 };
    },

    /**
     * Details typed on a stale copy are refused (`conflict`): they would overwrite what another
     * window stored since. Participant changes are by item and apply to the stored list, so they
     * need no fresh copy; only a rename of someone renamed or removed elsewhere conflicts.
     */
    update({ id, baseRevision, patch }: ParsedInput<'sessions:update'>): SessionRecord {
      const next = db.transaction(() => {
        const current = mustGet(id);
        const revision = sessionRevision(db, id) ?? 0;
        const { participants: changes, ...fields } = patch;
        if (Object.keys(fields).length > 0 || baseRevision > revision)
          requireRevision(revision, baseRevision);
        const session = SessionSchema.parse({
          ...current,
          ...fields,
          participants: changes
            ? applyParticipantChanges(db, id, current.participants, changes, newId)
            : current.participants,
          updatedAt: now().toISOString(),
        });
        updateSession(db, session);
        if (changes) replaceParticipants(db, id, session.participants);
        recordDetailsEdit(db, current, session);
        return { ...session, revision: revision + 1 };
      })();
      changed(id);
      return next;
    },

    duplicate(id: string): SessionRecord {
      const copy = db.transaction(() => {
        const source = mustGet(id);
        const timestamp = now().toISOString();
        const session = SessionSchema.parse({
          ...source,
          id: newId(),
          projectName: copyName(source.projectName),
          participants: source.participants.map((p) => ({ id: newId(), name: p.name })),
          createdAt: timestamp,
          updatedAt: timestamp,
        });
        insertSession(db, session);
        replaceParticipants(db, session.id, session.participants);
        insertEvent(db, session.id, {
          kind: 'created',
          label: `Created as a copy of “${source.clientName} – ${source.projectName}”`,
          createdAt: timestamp,
        });
        // The copy carries the workshop too, with everyone's inputs moved to their new ids.
        const workshop = getWorkshop(db, source.id);
        if (workshop) {
          const ids = new Map(source.participants.map((p, i) => [p.id, session.participants[i]?.id ?? p.id]));
          copyWorkshop(db, remapParticipants(workshop.state, ids), session.id, timestamp);
        }
        return session;
      })();
      changed(copy.id);
      return { ...copy, revision: 0 };
    },

    remove(id: string): { id: string } {
      if (!sessionExists(db, id) || !deleteSession(db, id)) {
        throw new AppError('not_found', SESSION_GONE, 'id');
      }
      changed(id);
      return { id };
    },
  };
}

const COPY_SUFFIX = ' (copy)';

/** "Platform" -> "Platform (copy)", kept within the project-name limit. */
function copyName(name: string): string {
  const limit = SESSION_LIMITS.projectName - COPY_SUFFIX.length;
  return `${name.length > limit ? name.slice(0, limit).trimEnd() : name}${COPY_SUFFIX}`;
}

/** Where a session stands, and who leads, from its stored workshop and report. */
function standing(row: SummaryRow, participants: Participant[]): Pick<SessionSummary, 'status' | 'leader'> {
  if (row.workshop_state === null || !row.workshop_revision) {
    return { status: row.last_exported_at ? 'reported' : 'draft', leader: null };
  }
  const state = WorkshopStateSchema.parse(JSON.parse(row.workshop_state));
  // The list names a leader only when the room's votes made one, and never while they are hidden.
  const result = inputsHidden(state) ? null : evaluateWorkshop(state, participants);
  const leaderIndex =
    result && !result.usingSuggestedWeights ? result.evaluation.recommendation.leader : null;
  const leader = leaderIndex === null ? null : (result?.model.candidates[leaderIndex]?.name ?? null);
  const status = row.last_exported_at
    ? 'reported'
    : state.step === 'recommendation'
      ? 'recommended'
      : 'workshop';
  return { status, leader };
}
