/**
 * Client sessions: create, read, edit, duplicate, delete. Inputs arrive already parsed by the
 * contract; this layer applies the rules that need the database (existence, participant ids) and
 * keeps every multi-row write in one transaction.
 */
import { checkpointWhenIdle } from '../db/checkpoints';
import type { Db } from '../db/connection';
import { listClients, listSessionPage, sessionExists, sessionRevision } from '../db/sessions/queries';
import { toSummary } from '../db/sessions/rows';
import { refreshListEntry, refreshListText, settleDueStandings } from '../db/sessions/listColumns';
import { deleteSession, insertSession, replaceParticipants, updateSession } from '../db/sessions/mutations';
import { extendDetailsEvent, insertDetailsEvent, insertEvent } from '../db/history/mutations';
import { lastEventHead } from '../db/history/queries';
import { getWorkshop } from '../db/workshops/queries';
import { copyWorkshop } from '../db/workshops/mutations';
import { remapParticipants } from '@shared/workshop';
import type { ParsedInput } from '@shared/ipc/contract';
import { AppError } from '@shared/ipc/result';
import type {
  Participant,
  ParticipantDraft,
  Session,
  SessionPage,
  SessionRecord,
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
  const last = lastEventHead(db, after.id);
  const burst =
    last?.kind === 'details' &&
    Date.parse(after.updatedAt) - Date.parse(last.createdAt) < DETAILS_EDIT_WINDOW_MS;
  // The entry holds the workshop as it stands; the database copies it (db/history/mutations.ts).
  if (burst) extendDetailsEvent(db, last.id, after);
  else
    insertDetailsEvent(db, {
      label: 'Edited the session details',
      before,
      after,
      createdAt: after.updatedAt,
    });
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

  const changed = (id: string) => {
    checkpointWhenIdle(db);
    events.emit('sessions:changed', { id });
  };

  return {
    /**
     * One page of the list. Status, leader and last report are kept up to date by every write
     * (db/sessions/listColumns.ts), so a read evaluates no workshop but those changed since the
     * last read (a workshop change leaves its session's standing due); search, filters, sort and
     * paging all run in SQL on indexes.
     */
    list(query: ParsedInput<'sessions:list'>): SessionPage {
      return db.transaction(() => {
        settleDueStandings(db);
        const { rows, total } = listSessionPage(db, query);
        return { sessions: rows.map(toSummary), total };
      })();
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
        refreshListText(db, session.id);
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
        // Participants are the workshop's voters: who leads can change with them.
        if (changes) {
          replaceParticipants(db, id, session.participants);
          refreshListEntry(db, id);
        } else refreshListText(db, id);
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
        refreshListEntry(db, session.id);
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
