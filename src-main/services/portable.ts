/**
 * Sessions in and out of the app: a versioned, checksummed session file (history included), the
 * decision as CSV, and as a Markdown decision record. An import is checked completely (size,
 * JSON, format, version, checksum, every field) before one transaction writes it.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '@shared/ipc/result';
import { decisionCsv, decisionRecord } from '@shared/portable/exports';
import { HistoryFileError, rebuildHistory } from '@shared/portable/history';
import { LogoFileError, packLogos, unpackLogos } from '@shared/portable/logos';
import {
  canonicalJson,
  LegacySessionFileContentSchema,
  PackedSessionFileContentSchema,
  SESSION_FILE,
  SessionFileContentSchema,
  SessionFileHeaderSchema,
} from '@shared/portable/schema';
import type {
  CompactChangeRecord,
  PackedSessionFileContent,
  SessionFile,
  SessionFileContent,
} from '@shared/portable/schema';
import type { ImportOutcome } from '@shared/portable/contract';
import { importedCopyName } from '@shared/portable/names';
import { nestsDeeperThan } from '@shared/portable/nesting';
import type { BrandFields, Logo } from '@shared/brands/schema';
import { reportFileName } from '@shared/report/model';
import type { SessionState } from '@shared/history/compare';
import type { Session } from '@shared/sessions/schema';
import { initialWorkshopState, remapParticipants } from '@shared/workshop';
import { describeChange } from '@shared/workshop/undoLabel';
import type { WorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import { insertEvent, insertSnapshot } from '../db/history/mutations';
import { listSnapshots, sessionEvents } from '../db/history/queries';
import { getBrand, getReportSettings, listBrands, recordExport, setReportBrand } from '../db/reports/brands';
import { projectNamesOfClient } from '../db/sessions/projectNames';
import { sessionExists } from '../db/sessions/queries';
import { insertSession, replaceParticipants } from '../db/sessions/mutations';
import { refreshListEntry } from '../db/sessions/listColumns';
import { allChangeHeads, allLogRows, getWorkshop } from '../db/workshops/queries';
import { insertImportedChange, saveWorkshop } from '../db/workshops/mutations';
import type { LogTip } from '../db/workshops/mutations';
import type { StoredChange } from '../db/workshops/rows';
import type { EventBus } from './eventBus';
import { refuseWhileHidden, sessionOrThrow } from './lookups';

export type PortableServiceDeps = { db: Db; events: EventBus; now: () => Date; version: string };
export type PortableService = ReturnType<typeof createPortableService>;

const checksumOf = (content: unknown) => createHash('sha256').update(canonicalJson(content)).digest('hex');

const refuse = (message: string, field = 'text') => new AppError('invalid_input', message, field);

type BrandLook = BrandFields & { logo: Logo | null; clientLogo: Logo | null };

/** A logo's name in a session file (format 7): the SHA-256 of its bytes. */
const logoKey = (logo: Logo) => createHash('sha256').update(Buffer.from(logo.base64, 'base64')).digest('hex');

const logoLook = (logo: Logo | null) =>
  logo && { format: logo.format, width: logo.width, height: logo.height, bytes: logoKey(logo) };

/**
 * What a brand profile looks like in a report, as one hash: every field but its own name, and
 * the logos' bytes. Two profiles with the same look are the same brand, whatever they are called.
 */
function lookOf(brand: BrandLook): string {
  return checksumOf({
    companyName: brand.companyName,
    primaryColor: brand.primaryColor.toUpperCase(),
    accentColor: brand.accentColor.toUpperCase(),
    contactLine: brand.contactLine,
    footerText: brand.footerText,
    disclaimer: brand.disclaimer,
    logo: logoLook(brand.logo),
    clientLogo: logoLook(brand.clientLogo),
  });
}

/**
 * A file's content checked against its format, with its history as changes with both states:
 * format 4 rebuilds them one at a time (checked as they are rebuilt), earlier formats carry them.
 * Format 7 names its logos, each held once; they are put back into every brand look here.
 */
function readContent(
  version: number,
  raw: unknown,
): {
  content: Omit<SessionFileContent, 'history'> & { history: { updatedAt: string }[] };
  changes: () => Iterable<StoredChange>;
} {
  const refusal = (error: z.ZodError) =>
    refuse(
      `This session file cannot be imported. ${error.issues[0]?.message ?? 'Its content is not valid.'}`,
    );
  if (version < 4) {
    const parsed = LegacySessionFileContentSchema.safeParse(raw);
    if (!parsed.success) throw refusal(parsed.error);
    const content = parsed.data;
    return {
      content,
      changes: () =>
        content.history.map((change) => ({
          ...change,
          undoLabel: describeChange(change.action, change.before),
        })),
    };
  }
  const parsed = (version < 7 ? SessionFileContentSchema : PackedSessionFileContentSchema).safeParse(raw);
  if (!parsed.success) throw refusal(parsed.error);
  const content = 'logos' in parsed.data ? withLogos(parsed.data) : parsed.data;
  return {
    content,
    changes: function* () {
      try {
        for (const { record, before, after } of rebuildHistory(content.history)) {
          const { before: _base, link: _link, patch: _patch, ...head } = record;
          yield { ...head, before, after };
        }
      } catch (error) {
        if (error instanceof HistoryFileError)
          throw refuse(`This session file cannot be imported. ${error.message}`);
        throw error;
      }
    },
  };
}

/** A format-7 content with its logos back in place; a logo that does not resolve refuses the file. */
function withLogos(content: PackedSessionFileContent): SessionFileContent {
  try {
    return unpackLogos(content, logoKey);
  } catch (error) {
    if (error instanceof LogoFileError)
      throw refuse(`This session file cannot be imported. ${error.message}`);
    throw error;
  }
}

export function createPortableService({ db, events, now, version }: PortableServiceDeps) {
  const mustGet = (sessionId: string): Session => sessionOrThrow(db, sessionId);

  const baseName = (session: Session) => reportFileName(session, now().toISOString()).replace(/\.pdf$/, '');

  /** The look of the session's report, when it uses a brand profile. */
  const brandOf = (sessionId: string): BrandLook | null => {
    const { brandId } = getReportSettings(db, sessionId);
    const brand = brandId === null ? undefined : getBrand(db, brandId);
    if (!brand) return null;
    const { id: _id, createdAt: _created, updatedAt: _updated, ...look } = brand;
    return look;
  };

  /** The profile here with the file's brand look (preferring one of the same name), if any. */
  const reconnect = (look: BrandLook): { id: string | null; profileName: string } => {
    const wanted = lookOf(look);
    const matches = listBrands(db).filter((brand) => lookOf(brand) === wanted);
    const match = matches.find((brand) => brand.profileName === look.profileName) ?? matches[0];
    return { id: match?.id ?? null, profileName: look.profileName };
  };

  /** The change log as it is stored: whole states where the log keeps them, patches between. */
  const historyRecords = (sessionId: string): CompactChangeRecord[] => {
    const rows = new Map(allLogRows(db, sessionId).map((row) => [row.id, row]));
    return allChangeHeads(db, sessionId).flatMap(({ id, ...head }) => {
      const row = rows.get(id);
      if (!row) return [];
      return [
        {
          ...head,
          patch: row.patch,
          ...(row.base === null ? { link: row.link ?? [] } : { before: row.base }),
        },
      ];
    });
  };

  /** Export never writes a file that import would refuse. */
  const fileText = (file: SessionFile): string => {
    const text = JSON.stringify(file, null, 2);
    if (Buffer.byteLength(text) <= SESSION_FILE.maxBytes) return text;
    const compact = JSON.stringify(file);
    if (Buffer.byteLength(compact) <= SESSION_FILE.maxBytes) return compact;
    throw new AppError(
      'too_large',
      `This session's file would be larger than the ${SESSION_FILE.maxBytes / 1024 / 1024} MB a session file may hold, so it is not exported.`,
    );
  };

  return {
    exportFile(sessionId: string) {
      const session = mustGet(sessionId);
      const whole: SessionFileContent = {
        session,
        workshop: getWorkshop(db, sessionId) ?? null,
        history: historyRecords(sessionId),
        lastReportAt: getReportSettings(db, sessionId).lastExport?.at ?? null,
        events: sessionEvents(db, sessionId).map(({ id: _id, ...event }) => event),
        snapshots: listSnapshots(db, sessionId).map(({ sessionId: _sessionId, ...snapshot }) => snapshot),
        brand: brandOf(sessionId),
      };
      // Each logo once, however many snapshots' brand looks use it.
      const content = packLogos(whole, logoKey);
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
        text: fileText(file),
      };
    },

    importFile(text: string): ImportOutcome {
      if (Buffer.byteLength(text) > SESSION_FILE.maxBytes) {
        throw refuse(`The file is larger than ${SESSION_FILE.maxBytes / 1024 / 1024} MB.`);
      }
      if (nestsDeeperThan(text, SESSION_FILE.maxNesting)) {
        throw refuse(
          `This is not a Stackwise session file: it is nested too deeply (more than ${SESSION_FILE.maxNesting} levels).`,
        );
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
      const { content, changes } = readContent(header.data.version, header.data.content);
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
      // A copy says so in its name, so the list never shows two sessions that look the same.
      const projectName = fresh
        ? importedCopyName(content.session.projectName, projectNamesOfClient(db, content.session.clientName))
        : content.session.projectName;
      // Edited when its workshop last changed, if later: earlier versions left the session's own
      // time at its last details edit, and the list sorts by when a session was last edited.
      const updatedAt = content.history.reduce(
        (latest, change) => (change.updatedAt > latest ? change.updatedAt : latest),
        content.session.updatedAt,
      );
      const session = { ...moveSession(content.session), projectName, updatedAt };
      const brand = content.brand && reconnect(content.brand);
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
        // Each change is logged from its rebuilt states; a history that does not rebuild throws
        // here, inside the transaction, so nothing of the file is written.
        let tip: LogTip | undefined;
        for (const { before, after, ...change } of changes()) {
          tip = insertImportedChange(
            db,
            session.id,
            { ...change, before: moveWorkshop(before), after: moveWorkshop(after) },
            tip,
          );
        }
        if (content.lastReportAt) recordExport(db, session.id, content.lastReportAt, 'imported');
        if (brand?.id) setReportBrand(db, session.id, brand.id);
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
          label: fresh
            ? 'Imported from a session file as a copy (the session was already here)'
            : 'Imported from a session file',
          createdAt: now().toISOString(),
        });
        refreshListEntry(db, session.id);
      })();
      events.emit('sessions:changed', { id: session.id });
      return {
        session,
        copy: fresh,
        brand: brand ? { profileName: brand.profileName, reconnected: brand.id !== null } : null,
      };
    },

    csv(sessionId: string) {
      const session = mustGet(sessionId);
      const state = getWorkshop(db, sessionId)?.state ?? initialWorkshopState();
      refuseWhileHidden(state, 'the spreadsheet');
      return {
        fileName: `${baseName(session)}.csv`,
        mimeType: 'text/csv',
        text: decisionCsv(session, state),
      };
    },

    adr(sessionId: string) {
      const session = mustGet(sessionId);
      const state = getWorkshop(db, sessionId)?.state ?? initialWorkshopState();
      refuseWhileHidden(state, 'the decision record');
      return {
        fileName: `${baseName(session)} - decision.md`,
        mimeType: 'text/markdown',
        text: decisionRecord(session, state),
      };
    },
  };
}
