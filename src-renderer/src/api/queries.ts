/**
 * Server state for React: read hooks keyed by channel and input, write helpers that invalidate
 * those keys. Data stays in this cache, not in component state or a global store; stale data is
 * kept on screen while a refetch runs, so lists never flash empty.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '@shared/ipc/contract';
import { api, ApiError } from './client';

type Entry = {
  data?: unknown;
  error?: ApiError;
  loading: boolean;
  /** Invalidated while a fetch was already running: fetch again when it ends. */
  stale: boolean;
  run: () => Promise<unknown>;
  subscribers: number;
};

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
let version = 0;

function notify(): void {
  version++;
  for (const listener of listeners) listener();
}

function keyOf(channel: Channel, input: unknown): string {
  return `${channel} ${JSON.stringify(input)}`;
}

function load(key: string, entry: Entry): void {
  if (entry.loading) {
    entry.stale = true;
    return;
  }
  entry.loading = true;
  // A refetch keeps its data on screen (`loading` shows only before the first answer), so only a
  // first load has anything new to show now; a room voting at forty ballots a second would
  // otherwise re-render every reader twice per change.
  if (entry.data === undefined) notify();
  entry
    .run()
    .then(
      (data) => {
        entry.data = data;
        delete entry.error;
      },
      (error: unknown) => {
        entry.error =
          error instanceof ApiError ? error : new ApiError({ code: 'internal', message: 'Loading failed.' });
      },
    )
    .finally(() => {
      entry.loading = false;
      if (entries.get(key) !== entry) return;
      if (entry.stale) {
        entry.stale = false;
        load(key, entry);
      } else {
        notify();
      }
    });
}

/** Refetches every cached read whose channel starts with `prefix` (e.g. `sessions:`). */
export function invalidate(prefix: string): void {
  for (const [key, entry] of entries) {
    if (!key.startsWith(prefix)) continue;
    if (entry.subscribers > 0) load(key, entry);
    else entries.delete(key);
  }
}

export type QueryState<T> = { data: T | undefined; error: ApiError | undefined; loading: boolean };

export function useQuery<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): QueryState<ChannelOutput<C>> {
  const key = keyOf(channel, input);
  const subscribe = useCallback((listener: () => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, []);
  useSyncExternalStore(subscribe, () => version);

  useEffect(() => {
    let entry = entries.get(key);
    if (!entry) {
      const parsedKey = key;
      entry = { loading: false, stale: false, subscribers: 0, run: () => api.invoke(channel, input) };
      entries.set(parsedKey, entry);
      load(parsedKey, entry);
    }
    entry.subscribers++;
    const current = entry;
    return () => {
      current.subscribers--;
    };
    // `key` captures `input`; re-running for a new object with the same content is unnecessary.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- key is derived from channel and input
  }, [key]);

  const entry = entries.get(key);
  return {
    data: entry?.data as ChannelOutput<C> | undefined,
    error: entry?.error,
    loading: entry === undefined || (entry.loading && entry.data === undefined),
  };
}

/** The cached answer of a read, if there is one, without subscribing to it. */
export function peek<C extends Channel>(channel: C, input: ChannelInput<C>): ChannelOutput<C> | undefined {
  return entries.get(keyOf(channel, input))?.data as ChannelOutput<C> | undefined;
}

/** Calls a writing channel, then refreshes every read of the same feature (after a conflict too). */
export async function mutate<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const feature = `${channel.split(':')[0] ?? ''}:`;
  try {
    const result = await api.invoke(channel, input);
    invalidate(feature);
    return result;
  } catch (error) {
    // A write refused as stale means every copy of that feature here is stale: refetch them all.
    if (error instanceof ApiError && error.code === 'conflict') invalidate(feature);
    throw error;
  }
}

/** Other windows (the presenter, another browser tab) change data too: follow their changes. */
api.on('sessions:changed', () => {
  invalidate('sessions:');
  invalidate('report:');
  invalidate('snapshots:');
  invalidate('history:');
});
// Only a mounted history page refetches; elsewhere this just drops the cached copy. A workshop
// change also moves the session's Edited time (the list) and can outdate its report.
api.on('workshop:changed', () => {
  invalidate('history:');
  invalidate('snapshots:compare');
  invalidate('sessions:list');
  // The settings (is the report current?) and the check of what would print as □.
  invalidate('report:');
});
// An edited brand profile outdates the reports that use it.
api.on('brands:changed', () => {
  invalidate('brands:');
  invalidate('report:');
});
