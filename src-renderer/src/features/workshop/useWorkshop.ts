/**
 * The workshop of one session, live. Actions apply locally at once (the ranking repaints in the
 * same frame) and are sent to the main side one at a time; the main side answers with a receipt
 * (revision and undo labels), not the state, which the console already has. While one action is in
 * flight, later actions on the same control collapse into the newest, so a dragged slider sends a
 * handful of requests, not hundreds; because a skipped step can matter (100 points rebalance from
 * where they were), the console reloads the stored state once the queue drains after a collapse.
 *
 * Every write names the revision the console's state is based on (`synced`): each receipt moves it
 * on, so one console never conflicts with itself, while a change from another window in between is
 * refused as stale; the console then reloads and says so. Changes made elsewhere (the presenter,
 * another window) arrive as events. Until every change is stored, the status says "Not saved".
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { applyAction, coalesceKey, STEP_LABELS } from '@shared/workshop';
import type { Action, WorkshopReceipt, WorkshopSnapshot, WorkshopState } from '@shared/workshop';
import type { EventPayload } from '@shared/ipc/contract';
import { api, ApiError } from '../../api/client';
import type { SaveState } from '../../components/SaveStatus';
import { singleFlight } from './singleFlight';

/** Another writer's change as its event carries it: the action and the undo and redo it leaves. */
type Applied = NonNullable<EventPayload<'workshop:changed'>['applied']>;

/**
 * The state after another writer's action (a phone's ballot, the presenter's step), worked out with
 * the reducer the main side used; null when this copy cannot (not loaded, or the reducer refuses
 * here what it took there), and the console reads the workshop back instead.
 */
function nextState(state: WorkshopState | undefined, action: Action): WorkshopState | null {
  if (!state) return null;
  try {
    return applyAction(state, action);
  } catch {
    return null;
  }
}

/** When the main side or the web host cannot be reached, unsent changes are tried again. */
const RETRY_DELAY_MS = 3000;

export type WorkshopHandle = {
  state: WorkshopState | undefined;
  snapshot: WorkshopSnapshot | undefined;
  error: string | undefined;
  saveState: SaveState;
  /** What the last undo or redo did ("Undid: a participant's Security weight"). */
  notice: string | undefined;
  dispatch: (action: Action) => void;
  undo: () => void;
  redo: () => void;
  dismissError: () => void;
};

const toApiError = (caught: unknown, fallback: string) =>
  caught instanceof ApiError ? caught : new ApiError({ code: 'internal', message: fallback });

export function useWorkshop(sessionId: string): WorkshopHandle {
  const [snapshot, setSnapshot] = useState<WorkshopSnapshot>();
  const [local, setLocalState] = useState<WorkshopState>();
  const localRef = useRef<WorkshopState | undefined>(undefined);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [saveState, setSaveState] = useState<SaveState>({ status: 'idle' });
  const queue = useRef<Action[]>([]);
  const busy = useRef(false);
  const collapsed = useRef(false);
  /** The revision the local state is based on: the base of the next write. */
  const synced = useRef(-1);
  /** The newest revision an event announced. */
  const announced = useRef(-1);
  const retry = useRef<number | undefined>(undefined);

  /** Shows the stored state as the console's own. */
  const settle = useCallback((stored: WorkshopSnapshot) => {
    synced.current = stored.revision;
    setSnapshot(stored);
    localRef.current = stored.state;
    setLocalState(stored.state);
  }, []);

  const adopt = useCallback(
    (next: WorkshopSnapshot) => {
      if (next.revision < synced.current) return;
      // Unsent or unanswered changes are based on the older state; they are sent (and refused if
      // stale) before the console takes this one.
      if (queue.current.length === 0 && !busy.current) settle(next);
    },
    [settle],
  );

  // One read at a time: changes announced while a read is in flight (a room voting forty ballots a
  // second) are read together by one more, not each by a read and a render of its own.
  const refresh = useMemo(
    () =>
      singleFlight(() =>
        api.invoke('workshop:get', { sessionId }).then(adopt, (caught: unknown) => {
          setError(toApiError(caught, 'The workshop could not be loaded.').message);
        }),
      ),
    [adopt, sessionId],
  );

  useEffect(() => {
    synced.current = -1;
    announced.current = -1;
    void refresh();
    // Other writers' changes that arrived since the last frame, applied together in the next one:
    // forty phones voting in a second make one render a frame, not one per ballot.
    let arrived: Array<{ revision: number; applied: Applied }> = [];
    let frame: number | undefined;
    const applyArrived = () => {
      frame = undefined;
      const changes = arrived;
      arrived = [];
      // The console's own writes are in flight: it catches up once they are stored (see `pump`).
      if (busy.current || queue.current.length > 0) return;
      let state = localRef.current;
      let revision = synced.current;
      let last: Applied | undefined;
      for (const change of changes) {
        if (change.revision <= revision) continue;
        const next = change.revision === revision + 1 ? nextState(state, change.applied.action) : null;
        if (!next) return void refresh();
        state = next;
        revision = change.revision;
        last = change.applied;
      }
      if (state && last) settle({ sessionId, state, revision, ...last });
    };
    const off = api.on('workshop:changed', (event) => {
      if (event.sessionId !== sessionId) return;
      announced.current = Math.max(announced.current, event.revision);
      if (event.revision <= synced.current || busy.current || queue.current.length > 0) return;
      if (!event.applied) return void refresh();
      arrived.push({ revision: event.revision, applied: event.applied });
      frame ??= requestAnimationFrame(applyArrived);
    });
    return () => {
      off();
      if (frame !== undefined) cancelAnimationFrame(frame);
      window.clearTimeout(retry.current);
    };
  }, [refresh, sessionId, settle]);

  /** After a refusal: drop what was queued and show what is stored. */
  const reload = useCallback(async () => {
    queue.current = [];
    collapsed.current = false;
    try {
      settle(await api.invoke('workshop:get', { sessionId }));
    } catch {
      // Unreachable as well: the status already says the change was not saved.
    }
  }, [sessionId, settle]);

  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    window.clearTimeout(retry.current);
    setSaveState({ status: 'saving' });
    let failed: ApiError | undefined;
    try {
      for (;;) {
        while (queue.current.length > 0 && !failed) {
          const action = queue.current[0] as Action;
          try {
            const receipt = await api.invoke('workshop:apply', {
              sessionId,
              baseRevision: synced.current,
              action,
            });
            queue.current.shift();
            synced.current = receipt.revision;
            // Only the labels can differ from what is on screen; an equal snapshot is not re-rendered.
            setSnapshot((current) =>
              current && sameHistory(current, receipt) ? current : current && { ...current, ...receipt },
            );
          } catch (caught) {
            failed = toApiError(caught, 'That change could not be saved.');
            if (failed.code === 'unreachable') {
              // Keep the change on screen and in the queue; send it again shortly.
              retry.current = window.setTimeout(() => void pump(), RETRY_DELAY_MS);
            } else {
              // Refused (stale, invalid, or the disk would not take it): say why, show what is stored.
              setError(failed.message);
              await reload();
            }
          }
        }
        if (failed || !collapsed.current) break;
        collapsed.current = false;
        const stored = await api.invoke('workshop:get', { sessionId });
        // Newer actions arrived meanwhile: they were applied on top of the unsynced state, so sync
        // again once they are saved.
        if (queue.current.length > 0) {
          collapsed.current = true;
          continue;
        }
        synced.current = stored.revision;
        setSnapshot(stored);
        const current = localRef.current;
        if (!current || JSON.stringify(current) !== JSON.stringify(stored.state)) {
          localRef.current = stored.state;
          setLocalState(stored.state);
        }
      }
    } catch (caught) {
      failed = toApiError(caught, 'The workshop could not be loaded.');
    } finally {
      busy.current = false;
      setSaveState(failed ? { status: 'failed', message: failed.message } : { status: 'saved' });
    }
    // Another window wrote while this one was sending: catch up now.
    if (!failed && announced.current > synced.current) void refresh();
  }, [refresh, reload, sessionId]);

  const dispatch = useCallback(
    (action: Action) => {
      const current = localRef.current;
      if (!current) return;
      let next: WorkshopState;
      try {
        next = applyAction(current, action);
      } catch (caught) {
        // The same rules run on the main side; an action refused here is never sent.
        setError(caught instanceof Error ? caught.message : 'That change is not possible.');
        return;
      }
      localRef.current = next;
      setLocalState(next);
      setNotice(undefined);
      const key = coalesceKey(action);
      const waiting = queue.current;
      const last = waiting[waiting.length - 1];
      // The first queued action may be in flight; only later ones collapse.
      if (key !== null && last && waiting.length > 1 && coalesceKey(last) === key) {
        waiting[waiting.length - 1] = action;
        collapsed.current = true;
      } else waiting.push(action);
      void pump();
    },
    [pump],
  );

  const history = useCallback(
    (channel: 'workshop:undo' | 'workshop:redo') => {
      const run = async () => {
        while (busy.current) await new Promise((resolve) => setTimeout(resolve, 10));
        if (queue.current.length > 0) {
          setError('Your last change is not saved yet. Undo and redo wait until it is.');
          return;
        }
        try {
          const result = await api.invoke(channel, { sessionId, baseRevision: synced.current });
          settle(result);
          setNotice(`${result.done.message}, on the ${STEP_LABELS[result.done.step]} step.`);
          setSaveState({ status: 'saved' });
        } catch (caught) {
          const failure = toApiError(caught, 'That could not be done.');
          setError(failure.message);
          if (failure.code === 'conflict') await reload();
        }
      };
      void run();
    },
    [reload, sessionId, settle],
  );

  return {
    state: local,
    snapshot,
    error,
    saveState,
    notice,
    dispatch,
    undo: useCallback(() => history('workshop:undo'), [history]),
    redo: useCallback(() => history('workshop:redo'), [history]),
    dismissError: useCallback(() => setError(undefined), []),
  };
}

function sameHistory(a: WorkshopReceipt, b: WorkshopReceipt): boolean {
  return a.undo?.label === b.undo?.label && a.redo?.label === b.redo?.label;
}
