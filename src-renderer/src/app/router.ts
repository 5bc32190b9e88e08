/**
 * Hash routing: works the same from a file:// page in Electron and from the web host.
 *   #/                      sessions list (with ?q= and ?sort=)
 *   #/sessions/new          new session
 *   #/sessions/<id>         one session
 *   #/sessions/<id>/history its history and snapshots
 *   #/workshop/<id>         the workshop console for a session
 *   #/present/<id>          the presenter view for the shared screen
 *   #/brands                brand profiles for the PDF report
 *   #/backups               backups of the database, and restoring one
 */
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'sessions'; query: URLSearchParams }
  | { name: 'new-session' }
  | { name: 'session'; id: string }
  | { name: 'history'; id: string }
  | { name: 'workshop'; id: string }
  | { name: 'present'; id: string }
  | { name: 'brands' }
  | { name: 'backups' }
  | { name: 'not-found' };

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts.length === 0) return { name: 'sessions', query: new URLSearchParams(search) };
  if (parts[0] === 'sessions' && parts[1] === 'new' && parts.length === 2) return { name: 'new-session' };
  if (parts[0] === 'sessions' && parts[1] && parts.length === 2) {
    return { name: 'session', id: decodeURIComponent(parts[1]) };
  }
  if (parts[0] === 'sessions' && parts[1] && parts[2] === 'history' && parts.length === 3) {
    return { name: 'history', id: decodeURIComponent(parts[1]) };
  }
  if (parts[0] === 'workshop' && parts[1] && parts.length === 2)
    return { name: 'workshop', id: decodeURIComponent(parts[1]) };
  if (parts[0] === 'brands' && parts.length === 1) return { name: 'brands' };
  if (parts[0] === 'backups' && parts.length === 1) return { name: 'backups' };
  if (parts[0] === 'present' && parts[1] && parts.length === 2)
    return { name: 'present', id: decodeURIComponent(parts[1]) };
  return { name: 'not-found' };
}

export const routes = {
  sessions: (query?: URLSearchParams) => {
    const search = query?.toString();
    return search ? `#/?${search}` : '#/';
  },
  newSession: () => '#/sessions/new',
  session: (id: string) => `#/sessions/${encodeURIComponent(id)}`,
  history: (id: string) => `#/sessions/${encodeURIComponent(id)}/history`,
  workshop: (id: string) => `#/workshop/${encodeURIComponent(id)}`,
  present: (id: string) => `#/present/${encodeURIComponent(id)}`,
  brands: () => '#/brands',
  backups: () => '#/backups',
};

function subscribe(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function navigate(hash: string): void {
  window.location.hash = hash;
}

/**
 * Changes the sessions list's query in the address as it is when called, not as it was when a
 * caller captured it: a debounced search that fires after a filter was picked keeps the filter.
 */
export function updateSessionsQuery(change: (params: URLSearchParams) => void): void {
  const route = parseRoute(window.location.hash);
  if (route.name !== 'sessions') return;
  const params = new URLSearchParams(route.query);
  change(params);
  if (params.toString() === route.query.toString()) return;
  replaceHash(routes.sessions(params));
}

/** Changes the address without a new history entry (e.g. while typing a search). */
export function replaceHash(hash: string): void {
  window.history.replaceState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
