/**
 * The room as the console and the presenter read it: `room:status`, read again whenever the main
 * side says the room changed (a join, a ballot, the timer), and the facilitator's commands, each
 * with its own busy flag and its error in the user's words.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelOutput } from '@shared/ipc/contract';
import { api, ApiError } from '../../api/client';
import { invalidate, mutate, useQuery } from '../../api/queries';

// Every mounted reading of the room follows its changes, whichever session it is for: opening the
// room on one session closes it on another.
api.on('room:changed', () => invalidate('room:status'));

export function useRoomStatus(sessionId: string) {
  return useQuery('room:status', { sessionId });
}

type RoomCommand =
  'room:open' | 'room:configure' | 'room:device' | 'room:round' | 'room:timer' | 'room:close';

/** The facilitator's commands on the room; `busy` names the one running, `error` the last refusal. */
export function useRoomCommands() {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useMounted();
  const run = useCallback(
    async <C extends RoomCommand>(
      which: string,
      channel: C,
      input: ChannelInput<C>,
    ): Promise<ChannelOutput<C> | null> => {
      setBusy(which);
      setError(null);
      try {
        return await mutate(channel, input);
      } catch (failure) {
        if (mounted.current) setError(messageOf(failure));
        return null;
      } finally {
        if (mounted.current) setBusy(null);
      }
    },
    [mounted],
  );
  return { busy, error, run, dismiss: useCallback(() => setError(null), []) };
}

type Check = ChannelOutput<'room:check'>;

/** "Can phones reach me?": the last answer, while it runs, and why it could not run. */
export function useReachCheck(sessionId: string) {
  const [state, setState] = useState<{ checking: boolean; answer: Check | null; error: string | null }>({
    checking: false,
    answer: null,
    error: null,
  });
  const mounted = useMounted();
  const check = useCallback(async () => {
    setState((s) => ({ ...s, checking: true, error: null }));
    try {
      const answer = await api.invoke('room:check', { sessionId });
      if (mounted.current) setState({ checking: false, answer, error: null });
    } catch (failure) {
      if (mounted.current) setState({ checking: false, answer: null, error: messageOf(failure) });
    }
  }, [sessionId, mounted]);
  return { ...state, check };
}

export function messageOf(failure: unknown): string {
  return failure instanceof ApiError ? failure.message : 'The room did not answer. Try again.';
}

function useMounted() {
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
