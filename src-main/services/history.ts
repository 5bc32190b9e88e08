/**
 * A session's history as a readable timeline: every workshop change (undone and discarded ones
 * too) and every other event, newest first, each with what changed from before to after. The
 * lines are worked out when the history is read, from the states the log keeps, so recording a
 * change costs nothing extra while the room is working.
 */
import { changedRows, compareStates } from '@shared/history/compare';
import type { HistoryEntry } from '@shared/history/contract';
import { describeChange, entersInput } from '@shared/history/describe';
import { inputsHidden } from '@shared/workshop';
import type { Db } from '../db/connection';
import { sessionEvents } from '../db/history/queries';
import { allChanges, getWorkshop } from '../db/workshops/queries';
import { sessionOrThrow } from './lookups';

export type HistoryService = ReturnType<typeof createHistoryService>;

type Pending = Omit<HistoryEntry, 'changes'> & { lines: () => HistoryEntry['changes'] };

export function createHistoryService({ db }: { db: Db }) {
  return {
    list(sessionId: string, offset: number, limit: number): { entries: HistoryEntry[]; total: number } {
      const session = sessionOrThrow(db, sessionId);
      // While the current round's inputs are hidden, its weight changes say who, not what.
      const current = getWorkshop(db, sessionId)?.state;
      const hiddenRound = current && inputsHidden(current) ? current.rounds.length : null;
      const pending: Pending[] = [
        ...allChanges(db, sessionId).map((change): Pending => {
          const hide = hiddenRound === change.after.rounds.length && entersInput(change.action);
          return {
            id: `change-${change.id}`,
            at: change.updatedAt,
            kind: 'workshop',
            label: describeChange(change.action, change.before, change.after, session, hide),
            state: change.discarded ? 'discarded' : change.undone ? 'undone' : 'applied',
            lines: () =>
              hide
                ? []
                : changedRows(
                    compareStates({ session, workshop: change.before }, { session, workshop: change.after }),
                  ),
          };
        }),
        ...sessionEvents(db, sessionId).map((event): Pending => ({
          id: `event-${event.id}`,
          at: event.createdAt,
          kind: event.kind,
          label: event.label,
          state: 'applied',
          lines: () =>
            event.before && event.after ? changedRows(compareStates(event.before, event.after)) : [],
        })),
      ];
      const newestFirst = pending.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
      return {
        total: newestFirst.length,
        // Only the entries shown are compared: a long history stays quick to open.
        entries: newestFirst
          .slice(offset, offset + limit)
          .map(({ lines, ...entry }) => ({ ...entry, changes: lines() })),
      };
    },
  };
}
