import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  SESSION_LIMITS,
  SESSION_STATUSES,
  SessionSortSchema,
  SessionStatusFilterSchema,
  STATUS_LABELS,
} from '@shared/sessions/schema';
import type { SessionSort, SessionSummary } from '@shared/sessions/schema';
import { useCommand } from '../../app/commands';
import { ApiError } from '../../api/client';
import { mutate, useQuery } from '../../api/queries';
import { navigate, routes, updateSessionsQuery } from '../../app/router';
import { DeleteSessionDialog } from './DeleteSessionDialog';
import { describeImport, rememberImport } from './importNotice';
import { SessionList } from './SessionList';
import type { SessionListFilters } from './SessionList';
import { useSessionActions, useSessions } from './hooks';

const SORT_LABELS: Record<SessionSort, string> = {
  updated: 'Last edited',
  date: 'Workshop date',
  client: 'Client (A–Z)',
};

function setParam(name: 'sort' | 'status' | 'client', value: string): void {
  updateSessionsQuery((params) => {
    if (value && value !== 'all') params.set(name, value);
    else params.delete(name);
  });
}
const pickStatus = (value: string) => setParam('status', value);
const pickClient = (value: string) => setParam('client', value);
const pickSort = (value: string) => setParam('sort', SessionSortSchema.catch('updated').parse(value));

const STATUS_OPTIONS = [
  ['all', 'Any'] as const,
  ...SESSION_STATUSES.map((v) => [v, STATUS_LABELS[v]] as const),
];
const SORT_OPTIONS = Object.entries(SORT_LABELS);

/** All saved sessions, searchable and sortable; search and sort live in the address. */
export function SessionsPage({ query }: { query: URLSearchParams }) {
  const sort = SessionSortSchema.catch('updated').parse(query.get('sort') ?? 'updated');
  const [search, setSearch] = useState(query.get('q') ?? '');
  const [appliedSearch, setAppliedSearch] = useState(search);
  const searchRef = useRef<HTMLInputElement>(null);
  const status = SessionStatusFilterSchema.catch('all').parse(query.get('status') ?? 'all');
  const client = query.get('client') ?? '';
  // One object while the filters stay: typing in the search box redraws no row until it applies.
  const filters: SessionListFilters = useMemo(
    () => ({ search: appliedSearch, sort, status, client }),
    [appliedSearch, sort, status, client],
  );
  const sessions = useSessions(filters);
  const clients = useQuery('sessions:clients', {}).data;
  // The client list can be long: built again only when it changes, not on every keystroke.
  const clientOptions = useMemo(
    () => [['', 'All clients'] as const, ...(clients ?? []).map((name) => [name, name] as const)],
    [clients],
  );
  const actions = useSessionActions();
  const [importError, setImportError] = useState<string>();
  const importFile = async (file: File) => {
    try {
      const outcome = await mutate('portable:import', { text: await file.text() });
      setImportError(undefined);
      rememberImport(outcome.session.id, describeImport(file.name, outcome));
      navigate(routes.session(outcome.session.id));
    } catch (caught) {
      setImportError(
        `“${file.name}” was not imported. ${caught instanceof ApiError ? caught.message : 'It could not be read.'}`,
      );
    }
  };

  // Searching on every keystroke would query for half-typed words; wait for a pause.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      setAppliedSearch(search);
      updateSessionsQuery((params) => {
        if (search) params.set('q', search);
        else params.delete('q');
      });
    }, 150);
    return () => window.clearTimeout(timer);
  }, [search]);

  const findCommand = useMemo(
    () => ({ id: 'session.find' as const, perform: () => searchRef.current?.focus() }),
    [],
  );
  useCommand(findCommand);

  const list = sessions.data;
  const { duplicate, requestDelete } = actions;
  const onDuplicate = useCallback((session: SessionSummary) => void duplicate(session), [duplicate]);
  const searching = appliedSearch.trim().length > 0 || status !== 'all' || client !== '';

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
              : `${list.total} ${list.total === 1 ? 'workshop' : 'workshops'}${searching ? ' found' : ' saved on this computer'}`}
          </p>
        </div>
        <div className="page__actions">
          <label className="button file-button">
            Import session file…
            <input
              type="file"
              // `.stackwise` (SESSION_FILE.extension); `.json` also takes earlier `.stackwise.json` files.
              accept=".stackwise,.json,application/json"
              className="visually-hidden"
              onChange={(event) => {
                const file = event.target.files?.[0];
                event.target.value = '';
                if (file) void importFile(file);
              }}
            />
          </label>
          <a className="button button--primary" href={routes.newSession()}>
            New session
          </a>
        </div>
      </header>
      {importError ? (
        <p className="notice notice--error" role="alert">
          {importError}
        </p>
      ) : null}

      <div className="toolbar" role="search">
        <label className="toolbar__search">
          <span className="visually-hidden">Search sessions</span>
          <input
            ref={searchRef}
            className="input"
            type="search"
            placeholder="Search clients, projects, people…"
            value={search}
            maxLength={SESSION_LIMITS.search}
            onChange={(event) => setSearch(event.target.value)}
          />
        </label>
        <ToolbarSelect label="Status" value={status} options={STATUS_OPTIONS} onChange={pickStatus} />
        <ToolbarSelect label="Client" value={client} options={clientOptions} onChange={pickClient} />
        <ToolbarSelect label="Sort by" value={sort} options={SORT_OPTIONS} onChange={pickSort} />
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

      {list && list.total > 0 ? (
        <SessionList
          key={JSON.stringify(filters)}
          filters={filters}
          firstPage={list}
          onDuplicate={onDuplicate}
          onDelete={requestDelete}
        />
      ) : null}

      {list && list.total === 0 && searching ? (
        <div className="empty">
          <h2 className="empty__title">
            {appliedSearch.trim()
              ? `No sessions match “${appliedSearch.trim()}”`
              : 'No sessions match these filters'}
          </h2>
          <p>Try the client’s name, the project, or the facilitator, or another status.</p>
          <button
            type="button"
            className="button"
            onClick={() => {
              setSearch('');
              updateSessionsQuery((params) => {
                for (const name of ['q', 'status', 'client']) params.delete(name);
              });
            }}
          >
            Clear search and filters
          </button>
        </div>
      ) : null}

      {list && list.total === 0 && !searching ? (
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

type ToolbarSelectProps = {
  label: string;
  value: string;
  options: ReadonlyArray<readonly [value: string, label: string]>;
  onChange: (value: string) => void;
};

/** A labelled drop-down in the list's toolbar; drawn again only when its own props change. */
const ToolbarSelect = memo(function ToolbarSelect({ label, value, options, onChange }: ToolbarSelectProps) {
  return (
    <label className="toolbar__sort">
      <span>{label}</span>
      <select className="input select" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
});
