import { useEffect, useState } from 'react';
import { api } from './api/client';
import { invalidate, useQuery } from './api/queries';
import { installKeyboardShortcuts, provideCommand, runCommand } from './app/commands';
import { navigate, parseRoute, routes, useHash } from './app/router';
import type { Route } from './app/router';
import { ShortcutsOverlay } from './components/ShortcutsOverlay';
import { BrandsPage } from './features/brands';
import { BackupsPage, DataCheckNote, RecoveryPage, UpdatingPage } from './features/data';
import { HistoryPage } from './features/history';
import { PresenterPage } from './features/presenter';
import { NewSessionPage, SessionPage, SessionsPage } from './features/sessions';
import { WorkshopPage } from './features/workshop';

/** Global commands, available on every screen. */
function useGlobalCommands(setShortcutsOpen: (open: boolean) => void): void {
  useEffect(() => {
    const removers = [
      provideCommand({ fallback: true, id: 'session.new', perform: () => navigate(routes.newSession()) }),
      provideCommand({ fallback: true, id: 'session.find', perform: () => navigate(routes.sessions()) }),
      // Outside the workshop, undo and redo are the text field's own.
      provideCommand({ fallback: true, id: 'edit.undo', perform: () => document.execCommand('undo') }),
      provideCommand({ fallback: true, id: 'edit.redo', perform: () => document.execCommand('redo') }),
      provideCommand({ fallback: true, id: 'help.shortcuts', perform: () => setShortcutsOpen(true) }),
      // The desktop menu sends its commands here; keys go through the same table in both hosts.
      api.on('app:command', ({ command }) => runCommand(command)),
      // A restored backup (or a fresh start) replaced the database under every window: start over.
      api.on('data:replaced', () => {
        window.location.hash = routes.sessions();
        window.location.reload();
      }),
      // The check after opening answered (damage moves every window to the recovery screen), or
      // the update on the first start after an upgrade moved on or finished.
      api.on('data:status', () => invalidate('data:status')),
      installKeyboardShortcuts(window, api.kind),
    ];
    return () => removers.forEach((remove) => remove());
  }, [setShortcutsOpen]);
}

/** The screen for a route (the app's normal state, when its database is open). */
function Screen({ route }: { route: Route }) {
  return (
    <>
      {route.name === 'sessions' ? <SessionsPage query={route.query} /> : null}
      {route.name === 'new-session' ? <NewSessionPage /> : null}
      {route.name === 'session' ? <SessionPage id={route.id} /> : null}
      {route.name === 'history' ? <HistoryPage sessionId={route.id} /> : null}
      {route.name === 'workshop' ? <WorkshopPage sessionId={route.id} /> : null}
      {route.name === 'brands' ? <BrandsPage /> : null}
      {route.name === 'backups' ? <BackupsPage /> : null}
      {route.name === 'not-found' ? (
        <section className="page page--narrow">
          <div className="empty">
            <h1 className="empty__title">Nothing here</h1>
            <a className="button button--primary" href={routes.sessions()}>
              Back to all sessions
            </a>
          </div>
        </section>
      ) : null}
    </>
  );
}

export function App() {
  const route = parseRoute(useHash());
  const info = useQuery('app:info', {});
  const data = useQuery('data:status', {});
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  useGlobalCommands(setShortcutsOpen);

  // The shared screen shows the presenter view alone, with no app chrome.
  if (route.name === 'present') return <PresenterPage sessionId={route.id} />;
  const recovery = data.data?.state === 'recovery' ? data.data : undefined;
  const updating = data.data?.state === 'updating' ? data.data : undefined;
  // Neither screen offers the app's pages: nothing can be read or saved while either shows.
  const closed = recovery !== undefined || updating !== undefined;

  return (
    <div className="app">
      <header className="topbar">
        <a className="brand" href={routes.sessions()} aria-label="Stackwise: all sessions">
          <span className="brand__mark" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
          <span className="brand__name">Stackwise</span>
        </a>
        {closed ? null : (
          <nav className="topbar__nav" aria-label="Main">
            <a
              className="topbar__link"
              href={routes.sessions()}
              aria-current={route.name === 'sessions' ? 'page' : undefined}
            >
              Sessions
            </a>
            <a
              className="topbar__link"
              href={routes.brands()}
              aria-current={route.name === 'brands' ? 'page' : undefined}
            >
              Brand profiles
            </a>
            <a
              className="topbar__link"
              href={routes.backups()}
              aria-current={route.name === 'backups' ? 'page' : undefined}
            >
              Backups
            </a>
          </nav>
        )}
        <button type="button" className="topbar__link topbar__button" onClick={() => setShortcutsOpen(true)}>
          Keyboard shortcuts
        </button>
      </header>
      <main className="main" id="main">
        {recovery ? <RecoveryPage status={recovery} /> : null}
        {updating ? <UpdatingPage status={updating} /> : null}
        {/* Nothing until the start-up check has answered, so no page asks a closed database. */}
        {!closed && (data.data || data.error) ? <Screen route={route} /> : null}
      </main>
      <ShortcutsOverlay open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <footer className="statusbar">
        {info.data ? (
          <>
            <span>
              Data: <span className="statusbar__path">{info.data.databasePath}</span>
            </span>
            <span>
              Stackwise {info.data.version}
              {info.data.host === 'web' ? ' · browser host' : ''}
            </span>
            <DataCheckNote status={data.data} />
          </>
        ) : null}
      </footer>
    </div>
  );
}
