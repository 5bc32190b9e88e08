/**
 * The workshop of one session, live. Actions apply locally at once (the ranking repaints in the
 * same frame) and are sent to the main side one at a time; the main side answers with a receipt
 * (revision and undo labels), not the state, which the console already has. While one action is in
 * flight, later actions on the same control collapse into the newest, so a dragged slider sends a
 * handful of requests, not hundreds; because a skipped step can matter (100 points rebalance from
 * where they were), the console reloads the stored state once the queue drains after a collapse.
 * Changes made elsewhere (the presenter, another window) arrive as events.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { applyAction, coalesceKey } from '@shared/workshop';
import type { Action, WorkshopReceipt, WorkshopSnapshot, WorkshopState } from '@shared/workshop';
import { api, ApiError } from '../../api/client';

export type WorkshopHandle = {
  state: WorkshopState | undefined;
  snapshot: WorkshopSnapshot | undefined;
  error: string | undefined;
  saving: boolean;
  dispatch: (action: Action) => void;
  undo: () => void;
  redo: () => void;
  dismissError: () => void;
};

export function useWorkshop(sessionId: string): WorkshopHandle {
  const [snapshot, setSnapshot] = useState<WorkshopSnapshot>();
  const [local, setLocalState] = useState<WorkshopState>();
  const localRef = useRef<WorkshopState | undefined>(undefined);
  const setLocal = useCallback((next: WorkshopState) => {
    localRef.current = next;
    setLocalState(next);
  }, []);
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const queue = useRef<Action[]>([]);
  const busy = useRef(false);
  const collapsed = useRef(false);
  const revision = useRef(-1);

  const adopt = useCallback(
    (next: WorkshopSnapshot) => {
      if (next.revision < revision.current) return;
      revision.current = next.revision;
      setSnapshot(next);
      if (queue.current.length === 0 && !busy.current) setLocal(next.state);
    },
    [setLocal],
  );

  const refresh = useCallback(() => {
    api.invoke('workshop:get', { sessionId }).then(adopt, (caught: unknown) => {
      setError(caught instanceof ApiError ? caught.message : 'The workshop could not be loaded.');
    });
  }, [adopt, sessionId]);

  useEffect(() => {
    revision.current = -1;
    refresh();
    return api.on('workshop:changed', (event) => {
      if (event.sessionId === sessionId && event.revision > revision.current && !busy.current) refresh();
    });
  }, [refresh, sessionId]);

  const pump = useCallback(async () => {
    if (busy.current) return;
    busy.current = true;
    setSaving(true);
    try {
      for (;;) {
        while (queue.current.length > 0) {
          const action = queue.current.shift() as Action;
          try {
            const receipt = await api.invoke('workshop:apply', { sessionId, action });
            revision.current = Math.max(revision.current, receipt.revision);
            // Only the labels can differ from what is on screen; an equal snapshot is not re-rendered.
            setSnapshot((current) =>
              current && sameHistory(current, receipt) ? current : current && { ...current, ...receipt },
            );
          } catch (caught) {
            // The main side refused: show why, drop what was queued, and return to what is stored.
            setError(caught instanceof ApiError ? caught.message : 'That change could not be saved.');
            queue.current = [];
            collapsed.current = false;
            const stored = await api.invoke('workshop:get', { sessionId });
            revision.current = stored.revision;
            setSnapshot(stored);
            setLocal(stored.state);
          }
        }
        if (!collapsed.current) break;
        collapsed.current = false;
        const stored = await api.invoke('workshop:get', { sessionId });
        // Newer actions arrived meanwhile: they were applied on top of the unsynced state, so sync
        // again once they are saved.
        if (queue.current.length > 0) {
          collapsed.current = true;
          continue;
        }
        revision.current = stored.revision;
        setSnapshot(stored);
        const local = localRef.current;
        if (!local || JSON.stringify(local) !== JSON.stringify(stored.state)) setLocal(stored.state);
      }
    } finally {
      busy.current = false;
      setSaving(false);
    }
  }, [sessionId, setLocal]);

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
      setLocal(next);
      const key = coalesceKey(action);
      const waiting = queue.current;
      const last = waiting[waiting.length - 1];
      if (key !== null && last && coalesceKey(last) === key) {
        waiting[waiting.length - 1] = action;
        collapsed.current = true;
      } else waiting.push(action);
      void pump();
    },
    [pump, setLocal],
  );

  const history = useCallback(
    (channel: 'workshop:undo' | 'workshop:redo') => {
      const run = async () => {
        while (busy.current) await new Promise((resolve) => setTimeout(resolve, 10));
        try {
          const result = await api.invoke(channel, { sessionId });
          revision.current = result.revision;
          setSnapshot(result);
          setLocal(result.state);
        } catch (caught) {
          setError(caught instanceof ApiError ? caught.message : 'That could not be done.');
        }
      };
      void run();
    },
    [sessionId, setLocal],
  );

  return {
    state: local,
    snapshot,
    error,
    saving,
    dispatch,
    undo: useCallback(() => history('workshop:undo'), [history]),
    redo: useCallback(() => history('workshop:redo'), [history]),
    dismissError: useCallback(() => setError(undefined), []),
  };
}

function sameHistory(a: WorkshopReceipt, b: WorkshopReceipt): boolean {
  return a.undo?.label === b.undo?.label && a.redo?.label === b.redo?.label;
}
