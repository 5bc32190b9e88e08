/**
 * The workshops being worked on, as last stored by this process: the document (already checked)
 * and the state after the newest logged change. An autosave of a large workshop then neither
 * parses and checks the stored document again nor rebuilds the change it links to. An entry is
 * used only while the stored revision and time are still the ones it was made with, so a write
 * by anything else (a restore, an import, a rolled-back transaction) is read from the database.
 */
import type { WorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import type { LogTip } from '../db/workshops/mutations';
import { getWorkshop, workshopVersion } from '../db/workshops/queries';

/** Sessions kept: the ones open in a window or two, not the whole list. */
const KEPT = 8;

type Entry = { revision: number; updatedAt: string; state: WorkshopState; tip: LogTip | undefined };

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

    /** The newest logged change's state after, as this process logged it, if it still is. */
    tip(sessionId: string): LogTip | undefined {
      return fresh(sessionId)?.tip;
    },

    remember(
      sessionId: string,
      revision: number,
      updatedAt: string,
      state: WorkshopState,
      tip?: LogTip,
    ): void {
      const kept = entries.get(sessionId);
      entries.delete(sessionId);
      entries.set(sessionId, { revision, updatedAt, state, tip: tip ?? kept?.tip });
      for (const key of entries.keys()) {
        if (entries.size <= KEPT) break;
        entries.delete(key);
      }
    },
  };
}
