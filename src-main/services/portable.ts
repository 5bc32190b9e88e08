/**
 * Sessions in and out of the app: a versioned, checksummed session file (history included), the
 * decision as CSV, and as a Markdown decision record. An import is checked completely (size,
 * JSON, format, version, checksum, every field) before one transaction writes it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { AppError } from '@shared/ipc/result';
import { decisionCsv, decisionRecord } from '@shared/portable/exports';
import {
  canonicalJson,
  SESSION_FILE,
  SessionFileContentSchema,
  SessionFileHeaderSchema,
} from '@shared/portable/schema';
import type { SessionFile, SessionFileContent } from '@shared/portable/schema';
import { reportFileName } from '@shared/report/model';
import type { SessionState } from '@shared/history/compare';
import type { Session } from '@shared/sessions/schema';
import { initialWorkshopState, remapParticipants } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import { insertEvent, insertSnapshot } from '../db/history/mutations';
import { listSnapshots, sessionEvents } from '../db/history/queries';
import { getReportSettings, recordExport } from '../db/reports/brands';
import { sessionExists } from '../db/sessions/queries';
import { insertSession, replaceParticipants } from '../db/sessions/mutations';
import { allChanges, getWorkshop } from '../db/workshops/queries';
import { insertImportedChange, saveWorkshop } from '../db/workshops/mutations';
import type { EventBus } from './eventBus';
import { sessionOrThrow } from './lookups';

export type PortableServiceDeps = { db: Db; events: EventBus; now: () => Date; version: string };
export type PortableService = ReturnType<typeof createPortableService>;

const checksumOf = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');

const refuse = (message: string, field = 'text') => new AppError('invalid_input', message, field);

export function createPortableService({ db, events, now, version }: PortableServiceDeps) {
  const mustGet = (sessionId: string): Session => sessionOrThrow(db, sessionId);

  const baseName = (session: Session) => reportFileName(session, now().toISOString()).replace(/\.pdf$/, '');

  return {
    exportFile(sessionId: string) {
      const session = mustGet(sessionId);
      const content: SessionFileContent = {
        session,
        workshop: getWorkshop(db, sessionId) ?? null,
        history: allChanges(db, sessionId).map(({ id: _id, ...change }) => change),
        lastReportAt: getReportSettings(db, sessionId).lastExport?.at ?? null,
        events: sessionEvents(db, sessionId).map(({ id: _id, ...event }) => event),
        snapshots: listSnapshots(db, sessionId).map(({ sessionId: _sessionId, ...snapshot }) => snapshot),
      };
      const file: SessionFile = {
        format: SESSION_FILE.format,
        version: SESSION_FILE.version,
        exportedAt: now().toISOString(),
        appVersion: version,
        checksum: checksumOf(content),
        content,
      };
      return {
        fileName: `${baseName(session)}${SESSION_FILE.extension}`,
        mimeType: 'application/json',
        text: JSON.stringify(file, null, 2),
      };
    },

    importFile(text: string): Session {
      if (Buffer.byteLength(text) > SESSION_FILE.maxBytes) {
        throw refuse(`The file is larger than ${SESSION_FILE.maxBytes / 1024 / 1024} MB.`);
      }
      let raw: unknown;
      try {
        raw = JSON.parse(text);
      } catch {
        throw refuse('This is not a Stackwise session file: it is not JSON.');
      }
      const header = SessionFileHeaderSchema.safeParse(raw);
      if (!header.success)
        throw refuse(header.error.issues[0]?.message ?? 'This is not a Stackwise session file.');
      if (header.data.version > SESSION_FILE.version) {
        throw refuse(
          `This file was written by a newer Stackwise (format ${header.data.version}; this app reads up to ${SESSION_FILE.version}). Update Stackwise to import it.`,
        );
      }
      if (checksumOf(header.data.content) !== header.data.checksum) {
        throw refuse(
          'The file was changed after it was exported (its checksum does not match), so it is not imported.',
        );
      }
      const parsed = SessionFileContentSchema.safeParse(header.data.content);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw refuse(
          `The file is damaged at ${issue?.path.join('.') || 'its content'}: ${issue?.message ?? 'invalid'}.`,
        );
      }
      const content = parsed.data;
      // Imported twice, or back onto the machine it came from: the copy gets new ids, and every
      // participant id in it (snapshots may name people since removed) is moved to a new one.
      const fresh = sessionExists(db, content.session.id);
      const ids = new Map<string, string>();
      const idFor = (id: string) => {
        if (!fresh) return id;
        if (!ids.has(id)) ids.set(id, randomUUID());
        return ids.get(id) ?? id;
      };
      const sessionId = fresh ? randomUUID() : content.session.id;
      const moveSession = (session: Session): Session => ({
        ...session,
        id: sessionId,
        participants: session.participants.map((p) => ({ ...p, id: idFor(p.id) })),
      });
      const session = moveSession(content.session);
      const everyone = [content.session, ...content.snapshots.map((s) => s.content.session)];
      for (const id of everyone.flatMap((s) => s.participants.map((p) => p.id))) idFor(id);
      const moveWorkshop = (state: WorkshopState) => (fresh ? remapParticipants(state, ids) : state);
      const moveState = (state: SessionState | null) =>
        state && { session: moveSession(state.session), workshop: moveWorkshop(state.workshop) };
      db.transaction(() => {
        insertSession(db, session);
        replaceParticipants(db, session.id, session.participants);
        if (content.workshop) {
          saveWorkshop(
            db,
            session.id,
            moveWorkshop(content.workshop.state),
            content.workshop.revision,
            session.updatedAt,
          );
        }
        for (const change of content.history) {
          insertImportedChange(db, session.id, {
            ...change,
            before: moveWorkshop(change.before),
            after: moveWorkshop(change.after),
          });
        }
        if (content.lastReportAt) recordExport(db, session.id, content.lastReportAt, 'imported');
        for (const event of content.events) {
          insertEvent(db, session.id, {
            ...event,
            before: moveState(event.before),
            after: moveState(event.after),
          });
        }
        for (const snapshot of content.snapshots) {
          insertSnapshot(db, {
            ...snapshot,
            id: fresh ? randomUUID() : snapshot.id,
            sessionId: session.id,
            content: {
              ...snapshot.content,
              session: moveSession(snapshot.content.session),
              workshop: moveWorkshop(snapshot.content.workshop),
            },
          });
        }
        insertEvent(db, session.id, {
          kind: 'import',
          label: 'Imported from a session file',
          createdAt: now().toISOString(),
        });
      })();
      events.emit('sessions:changed', { id: session.id });
      return session;
    },

    csv(sessionId: string) {
      const session = mustGet(sessionId);
      const state = getWorkshop(db, sessionId)?.state ?? initialWorkshopState();
      return {
        fileName: `${baseName(session)}.csv`,
        mimeType: 'text/csv',
        text: decisionCsv(session, state),
      };
    },

    adr(sessionId: string) {
      const session = mustGet(sessionId);
      const state = getWorkshop(db, sessionId)?.state ?? initialWorkshopState();
      return {
        fileName: `${baseName(session)} - decision.md`,
        mimeType: 'text/markdown',
        text: decisionRecord(session, state),
      };
    },
  };
}
