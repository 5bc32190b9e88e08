import { useEffect, useMemo, useRef, useState } from 'react';
import { SESSION_LIMITS, SessionSortSchema } from '@shared/sessions/schema';
import type { SessionSort } from '@shared/sessions/schema';
import { useCommand } from '../../app/commands';
import { replaceHash, routes } from '../../app/router';
import { DeleteSessionDialog } from './DeleteSessionDialog';
import { SessionList } from './SessionList';
import { useSessionActions, useSessions } from './hooks';

const SORT_LABELS: Record<SessionSort, string> = {
  updated: 'Last edited',
  date: 'Workshop date',
  client: 'Client (A–Z)',
};

/** All saved sessions, searchable and sortable; search and sort live in the address. */
export function SessionsPage({ query }: { query: URLSearchParams }) {
  const sort = SessionSortSchema.catch('updated').parse(query.get('sort') ?? 'updated');
  const [search, setSearch] = useState(query.get('q') ?? '');
  const [appliedSearch, setAppliedSearch] = useState(search);
  const searchRef = useRef<HTMLInputElement>(null);
  const sessions = useSessions({ search: appliedSearch, sort });
  const actions = useSessionActions();

  // Searching on every keystroke would query for half-typed words; wait for a pause.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setAppliedSearch(search);
      const next = new URLSearchParams(query);
      if (search) next.set('q', search);
      else next.delete('q');
      replaceHash(routes.sessions(next));
    }, 150);
    return () => window.clearTimeout(timer);
    // Only the typed text drives this; `query` is rebuilt from the address on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, [search]);

  const findCommand = useMemo(
    () => ({ id: 'session.find' as const, perform: () => searchRef.current?.focus() }),
    [],
  );
  useCommand(findCommand);

  const setSort = (next: SessionSort) => {
    const params = new URLSearchParams(query);
    params.set('sort', next);
    replaceHash(routes.sessions(params));
  };

  const list = sessions.data;
  const searching = appliedSearch.trim().length > 0;

  return (
    <section className="page" aria-labelledby="sessions-title">
      <header className="page__header">
        <div>
          <h1 id="sessions-title" className="page__title">
            Sessions
          </h1>
          <p className="page__subtitle">
            {list === undefined
              ? 'Loading your workshops…'
              : `${list.length} ${list.length === 1 ? 'workshop' : 'workshops'}${searching ? ' found' : ' saved on this computer'}`}
          </p>
        </div>
        <a className="button button--primary" href={routes.newSession()}>
          New session
        </a>
      </header>

      <div className="toolbar" role="search">
        <label className="toolbar__search">
          <span className="visually-hidden">Search sessions</span>
          <input
            ref={searchRef}
            className="input"
            type="search"
            placeholder="Search by client, project, facilitator or description"
            value={search}
            maxLength={SESSION_LIMITS.search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <label className="toolbar__sort">
          <span>Sort by</span>
          <select
            className="input select"
            value={sort}
            onChange={(event) => setSort(SessionSortSchema.catch('updated').parse(event.target.value))}
          >
            {Object.entries(SORT_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>

      {sessions.error ? (
        <p className="notice notice--error" role="alert">
          {sessions.error.message}
        </p>
      ) : null}
      {actions.error && !actions.toDelete ? (
        <p className="notice notice--error" role="alert">
          {actions.error}
        </p>
      ) : null}

      {list && list.length > 0 ? (
        <SessionList
          sessions={list}
          onDuplicate={(session) => void actions.duplicate(session)}
          onDelete={actions.requestDelete}
        />
      ) : null}

      {list && list.length === 0 && searching ? (
        <div className="empty">
          <h2 className="empty__title">No sessions match “{appliedSearch.trim()}”</h2>
          <p>Try the client’s name, the project, or the facilitator.</p>
          <button type="button" className="button" onClick={() => setSearch('')}>
            Clear search
          </button>
        </div>
      ) : null}

      {list && list.length === 0 && !searching ? (
        <div className="empty">
          <h2 className="empty__title">No workshops yet</h2>
          <p>
            Create a session for each client workshop. Stackwise keeps it on this computer, so it works
            without internet and is here when you come back months later.
          </p>
          <a className="button button--primary" href={routes.newSession()}>
            Create your first session
          </a>
        </div>
      ) : null}

      <DeleteSessionDialog
        session={actions.toDelete}
        busy={actions.busy}
        error={actions.error}
        onConfirm={() => void actions.confirmDelete()}
        onCancel={actions.cancelDelete}
      />
    </section>
  );
}
