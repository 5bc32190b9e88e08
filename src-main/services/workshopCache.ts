/**
 * The workshops being worked on, as last stored by this process: the document (already checked),
 * its JSON, and the state after the newest logged change. An autosave of a large workshop then
 * neither parses and checks the stored document again, nor rebuilds the change it links to, nor
 * serializes the document a second time when its change stores a whole state. An entry is
 * used only while the stored revision and time are still the ones it was made with, so a write
 * by anything else (a restore, an import, a rolled-back transaction) is read from the database.
 */
import type { WorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import type { LogTip } from '../db/workshops/mutations';
import { getWorkshop, workshopVersion } from '../db/workshops/queries';

/** Sessions kept: the ones open in a window or two, not the whole list. */
const KEPT = 8;

type Entry = {
  revision: number;
  updatedAt: string;
  state: WorkshopState;
  /** The document as stored (its JSON), for a change made on it that stores a whole state. */
  json: string;
  tip: LogTip | undefined;
};

export type WorkshopCache = ReturnType<typeof createWorkshopCache>;

export function createWorkshopCache(db: Db) {
  const entries = new Map<string, Entry>();

  const fresh = (sessionId: string): Entry | undefined => {
    const entry = entries.get(sessionId);
    if (!entry) return undefined;
    const stored = workshopVersion(db, sessionId);
    if (stored?.revision === entry.revision && stored.updatedAt === entry.updatedAt) return entry;
    entries.delete(sessionId);
    return undefined;
  };

  return {
    load(sessionId: string): { state: WorkshopState; revision: number } | undefined {
      const entry = fresh(sessionId);
      if (entry) return { state: entry.state, revision: entry.revision };
      return getWorkshop(db, sessionId);
    },

    /** The stored JSON of `state`, when `state` is the document this process last stored. */
    json(sessionId: string, state: WorkshopState): string | undefined {
      const entry = fresh(sessionId);
      return entry?.state === state ? entry.json : undefined;
    },

    /** The newest logged change's state after, as this process logged it, if it still is. */
    tip(sessionId: string): LogTip | undefined {
      return fresh(sessionId)?.tip;
    },

    remember(
      sessionId: string,
      revision: number,
      updatedAt: string,
      state: WorkshopState,
      json: string,
      tip?: LogTip,
    ): void {
      const kept = entries.get(sessionId);
      entries.delete(sessionId);
      entries.set(sessionId, { revision, updatedAt, state, json, tip: tip ?? kept?.tip });
      for (const key of entries.keys()) {
        if (entries.size <= KEPT) break;
        entries.delete(key);
      }
    },
  };
}
