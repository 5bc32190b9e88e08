/**
 * A session's history as a readable timeline: every workshop change (undone and discarded ones
 * too) and every other event, newest first. A page lists each entry from what is stored with it
 * (its action or label, its time, whether it was undone), naming the people, criteria and stacks
 * from the states the log rebuilds, of which it reads only the names. What changed from before to
 * after is worked out when one entry is opened: comparing two states evaluates both, which at
 * 40 x 8 x 40 costs milliseconds each, so neither recording a change nor listing a page does it.
 */
import { z } from 'zod';
import { changedRows, compareStates } from '@shared/history/compare';
import type { HistoryDetails, HistoryEntry } from '@shared/history/contract';
import { describeChange, entersInput } from '@shared/history/describe';
import type { TitleNames } from '@shared/history/describe';
import { AppError } from '@shared/ipc/result';
import { inputsHidden, WorkshopStateSchema } from '@shared/workshop';
import type { Db } from '../db/connection';
import { eventHeadsByIds, eventsByIds, historyPage } from '../db/history/queries';
import { changeHeadsByIds, changeStates, workshopReveal } from '../db/workshops/queries';
import { sessionOrThrow } from './lookups';

export type HistoryService = ReturnType<typeof createHistoryService>;

const NOT_HERE = 'That entry is not in this session’s history.';

/** What a title needs of a stored state: far less to check than the whole workshop. */
const TitleStateSchema = z.object({
  criteria: z.array(z.object({ id: z.string(), name: z.string() })),
  candidates: z.array(z.object({ id: z.string(), name: z.string() })),
  rounds: z.array(z.unknown()),
  /** The rows' texts name a risk or step in its title; states saved before the rows have none. */
  notes: z
    .object({
      riskRows: z.array(z.object({ id: z.string(), risk: z.string() })).optional(),
      actionRows: z.array(z.object({ id: z.string(), action: z.string() })).optional(),
    })
    .optional(),
});
type TitleState = TitleNames & { rounds: readonly unknown[] };

/** `change-12` or `event-3`, as `HistoryEntryIdSchema` has checked it. */
function entryRef(entryId: string): { source: 'change' | 'event'; id: number } {
  const [source, id] = entryId.split('-');
  return { source: source === 'event' ? 'event' : 'change', id: Number(id) };
}

/** While the current round's inputs are hidden, its weight changes say who, not what. */
function hiddenRound(db: Db, sessionId: string): number | null {
  const current = workshopReveal(db, sessionId);
  return current && inputsHidden(current) ? current.rounds.length : null;
}

const changeState = (change: { discarded: boolean; undone: boolean }): HistoryEntry['state'] =>
  change.discarded ? 'discarded' : change.undone ? 'undone' : 'applied';

export function createHistoryService({ db }: { db: Db }) {
  return {
    /**
     * Reads only the page: which entries it holds comes from ids and times alone, and only the
     * changes on it have their states rebuilt (from their nearest checkpoints), for their names.
     */
    list(sessionId: string, offset: number, limit: number): { entries: HistoryEntry[]; total: number } {
      const session = sessionOrThrow(db, sessionId);
      const hidden = hiddenRound(db, sessionId);
      const { rows, total } = historyPage(db, sessionId, offset, limit);
      const changeIds = rows.filter((row) => row.source === 'change').map((row) => row.id);
      const heads = new Map(changeHeadsByIds(db, sessionId, changeIds).map((head) => [head.id, head]));
      const states = changeStates(db, sessionId, changeIds);
      const events = new Map(
        eventHeadsByIds(
          db,
          sessionId,
          rows.filter((row) => row.source === 'event').map((row) => row.id),
        ).map((event) => [event.id, event]),
      );
      // A change's state after is usually the next one's state before, the same object: read once.
      const read = new Map<unknown, TitleState>();
      const names = (state: unknown): TitleState => {
        const known = read.get(state);
        if (known) return known;
        const parsed = TitleStateSchema.parse(state);
        read.set(state, parsed);
        return parsed;
      };
      const entries = rows.flatMap((row): HistoryEntry[] => {
        if (row.source === 'event') {
          const event = events.get(row.id);
          if (!event) return [];
          const { id, createdAt: at, kind, label, compared: comparable } = event;
          return [{ id: `event-${id}`, at, kind, label, state: 'applied', comparable }];
        }
        const change = heads.get(row.id);
        const stored = states.get(row.id);
        if (!change || !stored) return [];
        const before = names(stored.before);
        const after = names(stored.after);
        const hide = hidden === after.rounds.length && entersInput(change.action);
        return [
          {
            id: `change-${change.id}`,
            at: change.updatedAt,
            kind: 'workshop',
            label: describeChange(change.action, before, after, session, hide),
            state: changeState(change),
            comparable: !hide,
          },
        ];
      });
      return { total, entries };
    },

    /** One entry's lines: what changed from before to after, compared now. */
    entry(sessionId: string, entryId: string): HistoryDetails {
      const session = sessionOrThrow(db, sessionId);
      const { source, id } = entryRef(entryId);
      if (source === 'event') {
        const [event] = eventsByIds(db, sessionId, [id]);
        if (!event) throw new AppError('not_found', NOT_HERE, 'entryId');
        const changes =
          event.before && event.after ? changedRows(compareStates(event.before, event.after)) : [];
        return { changes, hidden: false };
      }
      const [change] = changeHeadsByIds(db, sessionId, [id]);
      const stored = change ? changeStates(db, sessionId, [id]).get(id) : undefined;
      if (!change || !stored) throw new AppError('not_found', NOT_HERE, 'entryId');
      const before = WorkshopStateSchema.parse(stored.before);
      const after = WorkshopStateSchema.parse(stored.after);
      if (hiddenRound(db, sessionId) === after.rounds.length && entersInput(change.action))
        return { changes: [], hidden: true };
      const comparison = compareStates({ session, workshop: before }, { session, workshop: after });
      return { changes: changedRows(comparison), hidden: false };
    },
  };
}
