/**
 * A session's history as a readable timeline: every workshop change (undone and discarded ones
 * too) and every other event, newest first, each with what changed from before to after. The
 * lines are worked out when the history is read, from the states the log rebuilds, so recording
 * a change costs nothing extra while the room is working.
 */
import { changedRows, compareStates } from '@shared/history/compare';
import type { HistoryEntry } from '@shared/history/contract';
import { describeChange, entersInput } from '@shared/history/describe';
import { inputsHidden, WorkshopStateSchema } from '@shared/workshop';
import type { WorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import { eventsByIds, historyPage } from '../db/history/queries';
import { changeHeadsByIds, changeStates, getWorkshop } from '../db/workshops/queries';
import { sessionOrThrow } from './lookups';

export type HistoryService = ReturnType<typeof createHistoryService>;

export function createHistoryService({ db }: { db: Db }) {
  return {
    /**
     * Reads only the page: which entries it holds comes from ids and times alone, and only the
     * changes on it have their states rebuilt (from their nearest checkpoints) and compared.
     */
    list(sessionId: string, offset: number, limit: number): { entries: HistoryEntry[]; total: number } {
      const session = sessionOrThrow(db, sessionId);
      // While the current round's inputs are hidden, its weight changes say who, not what.
      const current = getWorkshop(db, sessionId)?.state;
      const hiddenRound = current && inputsHidden(current) ? current.rounds.length : null;
      const { rows, total } = historyPage(db, sessionId, offset, limit);
      const changeIds = rows.filter((row) => row.source === 'change').map((row) => row.id);
      const heads = new Map(changeHeadsByIds(db, sessionId, changeIds).map((head) => [head.id, head]));
      const states = changeStates(db, sessionId, changeIds);
      const events = new Map(
        eventsByIds(
          db,
          sessionId,
          rows.filter((row) => row.source === 'event').map((row) => row.id),
        ).map((event) => [event.id, event]),
      );
      // A change's state after is usually the next one's state before, the same object: checked once.
      const checked = new Map<unknown, WorkshopState>();
      const check = (state: unknown): WorkshopState => {
        const known = checked.get(state);
        if (known) return known;
        const parsed = WorkshopStateSchema.parse(state);
        checked.set(state, parsed);
        return parsed;
      };
      const entries = rows.flatMap((row): HistoryEntry[] => {
        if (row.source === 'event') {
          const event = events.get(row.id);
          if (!event) return [];
          return [
            {
              id: `event-${event.id}`,
              at: event.createdAt,
              kind: event.kind,
              label: event.label,
              state: 'applied',
              changes:
                event.before && event.after ? changedRows(compareStates(event.before, event.after)) : [],
            },
          ];
        }
        const change = heads.get(row.id);
        const stored = states.get(row.id);
        if (!change || !stored) return [];
        const before = check(stored.before);
        const after = check(stored.after);
        const hide = hiddenRound === after.rounds.length && entersInput(change.action);
        return [
          {
            id: `change-${change.id}`,
            at: change.updatedAt,
            kind: 'workshop',
            label: describeChange(change.action, before, after, session, hide),
            state: change.discarded ? 'discarded' : change.undone ? 'undone' : 'applied',
            changes: hide
              ? []
              : changedRows(compareStates({ session, workshop: before }, { session, workshop: after })),
          },
        ];
      });
      return { total, entries };
    },
  };
}
