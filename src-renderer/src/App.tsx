import { useEffect } from 'react';
import { api } from './api/client';
import { useQuery } from './api/queries';
import { installKeyboardShortcuts, provideCommand, runCommand } from './app/commands';
import { navigate, parseRoute, routes, useHash } from './app/router';
import { NewSessionPage, SessionPage, SessionsPage } from './features/sessions';

/** Global commands, available on every screen. */
function useGlobalCommands(): void {
  useEffect(() => {
    const removers = [
      provideCommand({
        id: 'session.new',
        label: 'New session',
        shortcut: 'Mod+Alt+N',
        perform: () => navigate(routes.newSession()),
      }),
      provideCommand({
        id: 'session.find',
        label: 'Find session',
        shortcut: 'Mod+F',
        perform: () => navigate(routes.sessions()),
      }),
      // The desktop app's menu sends its commands here; the browser gets keyboard shortcuts.
      api.on('app:command', ({ command }) => runCommand(command)),
      api.kind === 'web' ? installKeyboardShortcuts(window) : () => undefined,
    ];
    return () => removers.forEach((remove) => remove());
  }, []);
}

export function App() {
  const route = parseRoute(useHash());
  const info = useQuery('app:info', {});
  useGlobalCommands();

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
        <nav className="topbar__nav" aria-label="Main">
          <a
            className="topbar__link"
            href={routes.sessions()}
            aria-current={route.name === 'sessions' ? 'page' : undefined}
          >
            Sessions
          </a>
        </nav>
      </header>
      <main className="main" id="main">
        {route.name === 'sessions' ? <SessionsPage query={route.query} /> : null}
        {route.name === 'new-session' ? <NewSessionPage /> : null}
        {route.name === 'session' ? <SessionPage id={route.id} /> : null}
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
      </main>
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
          </>
        ) : null}
      </footer>
    </div>
  );
}
