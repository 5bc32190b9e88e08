/** Session data for the pages: reads through the query cache, writes that refresh it. */
import { useCallback, useState } from 'react';
import type { ParticipantChanges, SessionListQuery, SessionSummary } from '@shared/sessions/schema';
import { ApiError } from '../../api/client';
import { mutate, peek, useQuery } from '../../api/queries';
import { navigate, routes } from '../../app/router';

/** One page of the list (the first, unless `offset` says otherwise) and the whole list's count. */
export function useSessions(query: SessionListQuery) {
  return useQuery('sessions:list', query);
}

export function useSession(id: string) {
  return useQuery('sessions:get', { id });
}

/**
 * Adds, renames or removes participants item by item (the workshop's participant panel). Item
 * changes apply to the stored list, so the revision only has to be one this window has seen.
 */
export function changeParticipants(id: string, participants: ParticipantChanges) {
  const baseRevision = peek('sessions:get', { id })?.revision ?? 0;
  return mutate('sessions:update', { id, baseRevision, patch: { participants } });
}

type Target = Pick<SessionSummary, 'id' | 'clientName' | 'projectName'>;

/** Duplicate and delete-with-confirmation, shared by the list and the session page. */
export function useSessionActions({ afterDelete }: { afterDelete?: () => void } = {}) {
  const [toDelete, setToDelete] = useState<Target | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();

  // Stable, so the list's rows (memoized) are not redrawn whenever the page is.
  const duplicate = useCallback(async (session: Target) => {
    try {
      const copy = await mutate('sessions:duplicate', { id: session.id });
      navigate(routes.session(copy.id));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The session could not be duplicated.');
    }
  }, []);
  const requestDelete = useCallback((session: Target) => {
    setError(undefined);
    setToDelete(session);
  }, []);

  const confirmDelete = async () => {
    if (!toDelete) return;
    setBusy(true);
    try {
      await mutate('sessions:delete', { id: toDelete.id });
      setToDelete(undefined);
      setError(undefined);
      afterDelete?.();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : 'The session could not be deleted.');
    } finally {
      setBusy(false);
    }
  };

  return {
    duplicate,
    requestDelete,
    cancelDelete: () => setToDelete(undefined),
    confirmDelete,
    toDelete,
    busy,
    error,
  };
}
