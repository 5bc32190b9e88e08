import { useState } from 'react';
import type { Backup } from '@shared/data/contract';
import { api, ApiError } from '../../api/client';

/**
 * Restore and start-fresh share one flow: confirm, call, and on success wait for `data:replaced`,
 * which reloads every window (App listens for it).
 */
export function useReplaceDatabase() {
  const [pending, setPending] = useState<Backup | 'fresh'>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const confirm = async () => {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      if (pending === 'fresh') await api.invoke('data:recreate', {});
      else await api.invoke('data:restore', { fileName: pending.fileName });
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'That did not work. Nothing was changed.');
      setPending(undefined);
      setBusy(false);
    }
  };

  return {
    pending,
    busy,
    error,
    ask: (what: Backup | 'fresh') => {
      setError(undefined);
      setPending(what);
    },
    cancel: () => setPending(undefined),
    confirm,
  };
}
