/**
 * The workshop of each session: apply an action, undo, redo. Every change is one transaction that
 * stores the new document and records it in the change log; quick follow-ups of the same control
 * (a slider being dragged, a note being typed) merge into one undo step.
 */
import { checkpointWhenIdle } from '../db/checkpoints';
import type { Db } from '../db/connection';
import { touchSession } from '../db/sessions/mutations';
import { markStandingDue } from '../db/sessions/listColumns';
import { participantSession } from '../db/sessions/queries';
import { changeStates, firstUndoneChange, lastAppliedChange } from '../db/workshops/queries';
import {
  discardUndoneChanges,
  extendChange,
  insertChange,
  saveWorkshop,
  setUndone,
} from '../db/workshops/mutations';
import type { LogTip } from '../db/workshops/mutations';
import { diff } from '@shared/history/patch';
import { AppError, errorFromZod } from '@shared/ipc/result';
import { own } from '@shared/util/records';
import {
  applyAction,
  coalesceKey,
  describeAction,
  initialWorkshopState,
  WorkshopRuleError,
  WorkshopStateSchema,
} from '@shared/workshop';
import type { Action, WorkshopReceipt, WorkshopSnapshot, WorkshopState } from '@shared/workshop';
import { changedPartsValid } from '@shared/workshop/check';
import type { WorkshopStepBack } from '@shared/workshop/contract';
import { describeChange } from '@shared/workshop/undoLabel';
import type { EventBus } from './eventBus';
import { requireSession } from './lookups';
import { requireRevision } from './revisions';
import { createWorkshopCache } from './workshopCache';

/** Changes to the same control closer together than this become one undo step. */
export const COALESCE_WINDOW_MS = 2000;

export type WorkshopServiceDeps = {
  db: Db;
  events: EventBus;
  now: () => Date;
  openPresenter: (sessionId: string) => boolean;
};

export type WorkshopService = ReturnType<typeof createWorkshopService>;

export function createWorkshopService({ db, events, now, openPresenter }: WorkshopServiceDeps) {
  const cache = createWorkshopCache(db);

  function load(sessionId: string): { state: WorkshopState; revision: number } {
    requireSession(db, sessionId);
    return cache.load(sessionId) ?? { state: initialWorkshopState(), revision: 0 };
  }

  /** What the undo and redo buttons would take back or bring back. */
  type Buttons = Pick<WorkshopSnapshot, 'undo' | 'redo'>;

  /**
   * What the buttons would take back or bring back, named as the room knows it ("Undo: a
   * participant's Security weight"); the labels are stored, so no state is read for them.
   */
  function buttons(sessionId: string): Buttons {
    const undo = lastAppliedChange(db, sessionId);
    const redo = firstUndoneChange(db, sessionId);
    return {
      undo: undo ? { label: undo.undoLabel } : null,
      redo: redo ? { label: redo.undoLabel } : null,
    };
  }

  function snapshot(
    sessionId: string,
    state: WorkshopState,
    revision: number,
    known: Buttons = buttons(sessionId),
  ): WorkshopSnapshot {
    return { sessionId, state, revision, ...known };
  }

  function store(
    sessionId: string,
    state: WorkshopState,
    revision: number,
    tip?: LogTip,
    known?: Buttons,
  ): WorkshopSnapshot {
    const at = now().toISOString();
    const json = saveWorkshop(db, sessionId, state, revision, at);
    cache.remember(sessionId, revision, at, state, json, tip);
    // The list's status and leader follow the workshop: worked out when the list is next read, so
    // a drag of many steps runs the decision engine once, and never inside an autosave.
    markStandingDue(db, sessionId);
    return snapshot(sessionId, state, revision, known);
  }

  const changed = (result: WorkshopSnapshot, action?: Action) => {
    checkpointWhenIdle(db);
    events.emit('workshop:changed', {
      sessionId: result.sessionId,
      revision: result.revision,
      ...(action && { applied: { action, undo: result.undo, redo: result.redo } }),
    });
    return result;
  };

  /** A logged change's states, rebuilt from the log and checked like any stored document. */
  function statesOf(sessionId: string, id: number): { before: WorkshopState; after: WorkshopState } {
    const states = changeStates(db, sessionId, [id]).get(id);
    const before = WorkshopStateSchema.safeParse(states?.before);
    const after = WorkshopStateSchema.safeParse(states?.after);
    if (!before.success || !after.success)
      throw new Error(`The change log of ${sessionId} is damaged at ${id}.`);
    return { before: before.data, after: after.data };
  }

  const castAnonymously = db.prepare<[string, number, string], number>(
    'SELECT 1 FROM anonymous_voters WHERE session_id = ? AND round = ? AND participant_id = ?',
  );
  /**
   * In a round hidden from everyone, whoever cast an anonymous ballot from a device (the room keeps
   * who has, never which ballot) cannot also be given a vote or an abstention here: the room's
   * result would count them twice.
   */
  function refuseSecondVote(sessionId: string, before: WorkshopState, after: WorkshopState): void {
    const round = after.rounds.at(-1);
    if (!round || round.anonymity !== 'hiddenFromEveryone') return;
    const earlier = before.rounds.at(-1);
    const was = earlier?.number === round.number ? earlier.votes : undefined;
    for (const [participantId, ballot] of Object.entries(round.votes)) {
      if (own(was, participantId) === ballot) continue;
      if (castAnonymously.pluck().get(sessionId, round.number, participantId) !== undefined)
        throw new AppError(
          'invalid_input',
          'This person has already cast an anonymous ballot from their device in this round; a vote entered here would count them twice.',
          'participantId',
        );
    }
  }

  function get(sessionId: string): WorkshopSnapshot {
    const { state, revision } = load(sessionId);
    return snapshot(sessionId, state, revision);
  }

  return {
    get,

    /**
     * `baseRevision` is the revision the console's copy had when it applied the action. The
     * console sends one action at a time and bases each on the previous receipt, so it never
     * conflicts with itself; a second window, or a replayed request, is refused.
     */
    apply(sessionId: string, baseRevision: number, action: Action): WorkshopReceipt {
      const result = db.transaction(() => {
        const current = load(sessionId);
        requireRevision(current.revision, baseRevision);
        // The document knows voters by id only; whether the id is this session's is the session's.
        if (action.type === 'submitBallot' && 'participantId' in action.voter) {
          if (participantSession(db, action.voter.participantId) !== sessionId)
            throw new AppError(
              'invalid_input',
              'That participant is not in this session.',
              'voter.participantId',
            );
        }
        // An anonymous ballot's id is its own: anyone's reference would link it to a name.
        if (action.type === 'submitBallot' && 'ballotId' in action.voter) {
          if (participantSession(db, action.voter.ballotId) !== undefined)
            throw new AppError(
              'invalid_input',
              'An anonymous ballot cannot carry a participant’s reference.',
              'voter.ballotId',
            );
        }
        let reduced: WorkshopState;
        try {
          reduced = applyAction(current.state, action);
        } catch (error) {
          if (error instanceof WorkshopRuleError)
            throw new AppError('invalid_input', error.message, error.field);
          throw error;
        }
        refuseSecondVote(sessionId, current.state, reduced);
        // The reducer keeps the rules; should an action still yield a document the schema refuses,
        // it is refused as that action's fault, never stored and never an internal error. The
        // action was parsed at the boundary and the document it changed was checked already, so
        // the parts it changed are what is checked, when they suffice (shared/workshop/check.ts).
        let next = reduced;
        let delta = diff(current.state, reduced);
        if (delta.length === 0) return null;
        if (!changedPartsValid(reduced, delta)) {
          const checked = WorkshopStateSchema.safeParse(reduced);
          if (!checked.success) throw errorFromZod(checked.error);
          next = checked.data;
          delta = diff(current.state, next);
          if (delta.length === 0) return null;
        }
        const revision = current.revision + 1;
        const at = now();
        let tip = cache.tip(sessionId);
        // After a logged change, undo takes back that change and there is nothing to redo (an
        // undone change is discarded, or the change could not have merged): the buttons are known.
        let buttonsAfter: Buttons | undefined;
        // Moving between steps is navigation, not an edit: it is saved but not an undo step.
        if (action.type !== 'setStep') {
          const key = coalesceKey(action);
          const undoLabel = describeChange(action, current.state);
          const last = lastAppliedChange(db, sessionId);
          const recent = last && at.getTime() - Date.parse(last.updatedAt) < COALESCE_WINDOW_MS;
          if (key !== null && last?.coalesceKey === key && recent && !firstUndoneChange(db, sessionId)) {
            // Same control, so the same names: the label reads them from the state it was made on,
            // which for a quick follow-up names the same criterion and candidate as now.
            const known =
              tip?.id === last.id
                ? { after: tip.after, delta: tip.after === current.state ? delta : diff(tip.after, next) }
                : undefined;
            extendChange(
              db,
              sessionId,
              last.id,
              { action, undoLabel, after: next, at: at.toISOString() },
              known,
            );
            if (tip?.id === last.id) tip = { ...tip, after: next };
          } else {
            discardUndoneChanges(db, sessionId);
            tip = insertChange(
              db,
              {
                sessionId,
                label: describeAction(action),
                undoLabel,
                action,
                coalesceKey: key,
                before: current.state,
                after: next,
                at: at.toISOString(),
              },
              tip,
              delta,
              cache.json(sessionId, current.state),
            );
          }
          touchSession(db, sessionId, at.toISOString());
          buttonsAfter = { undo: { label: undoLabel }, redo: null };
        }
        return store(sessionId, next, revision, tip, buttonsAfter);
      })();
      const { sessionId: id, revision, undo, redo } = result ? changed(result, action) : get(sessionId);
      return { sessionId: id, revision, undo, redo };
    },

    /**
     * Undo and redo take the room to the step the change was made on and say what they did, so
     * nothing is reverted out of the facilitator's sight.
     */
    undo(sessionId: string, baseRevision: number): WorkshopStepBack {
      const result = db.transaction(() => {
        const current = load(sessionId);
        requireRevision(current.revision, baseRevision);
        const change = lastAppliedChange(db, sessionId);
        if (!change) throw new AppError('invalid_input', 'There is nothing to undo.');
        const { before, after } = statesOf(sessionId, change.id);
        setUndone(db, change.id, true);
        touchSession(db, sessionId, now().toISOString());
        const step = after.step;
        return {
          ...store(sessionId, { ...before, step }, current.revision + 1),
          done: { message: `Undid: ${change.undoLabel}`, step },
        };
      })();
      changed(result);
      return result;
    },

    redo(sessionId: string, baseRevision: number): WorkshopStepBack {
      const result = db.transaction(() => {
        const current = load(sessionId);
        requireRevision(current.revision, baseRevision);
        const change = firstUndoneChange(db, sessionId);
        if (!change) throw new AppError('invalid_input', 'There is nothing to redo.');
        const { after } = statesOf(sessionId, change.id);
        setUndone(db, change.id, false);
        touchSession(db, sessionId, now().toISOString());
        const step = after.step;
        return {
          ...store(sessionId, after, current.revision + 1),
          done: { message: `Redid: ${change.undoLabel}`, step },
        };
      })();
      changed(result);
      return result;
    },

    present(sessionId: string): { opened: boolean } {
      requireSession(db, sessionId);
      return { opened: openPresenter(sessionId) };
    },
  };
}
