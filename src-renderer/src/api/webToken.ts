/**
 * The web host's credential, on the page's side. The host prints a link with a per-run token
 * (`/?token=…`; `#token=…` works too). The page takes the token from the address once, removes
 * it from the address and from the current history entry at once (so it is not left in the
 * back/forward list or shown to someone looking over a shoulder), and keeps it in this origin's
 * localStorage: scoped to this exact scheme, host and port, shared by this host's tabs (the
 * presenter view opens in one), read by no other server, and sent only as the
 * `x-stackwise-token` header on this page's own calls. A cookie would go to every port on
 * 127.0.0.1. The token changes on every start, so one left behind opens nothing.
 */
const STORAGE_KEY = 'stackwise.webHostToken';

/** Where the token lives when storage is unavailable (a locked-down browser): this page only. */
let inMemory: string | null = null;

type Address = Pick<Location, 'href'>;
type Entries = Pick<History, 'state' | 'replaceState'>;
type TokenStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function adoptLinkToken(location: Address, history: Entries, storage: TokenStorage | undefined): void {
  const url = new URL(location.href);
  let token = url.searchParams.get('token');
  if (token !== null) url.searchParams.delete('token');
  // `#token=…`, alone or ahead of the app's own route (`#token=…#/sessions/…`).
  const fragment = /^#token=([^#&]*)&?(.*)$/.exec(url.hash);
  if (fragment) {
    token = decodeURIComponent(fragment[1] ?? '');
    const rest = fragment[2] ?? '';
    url.hash = rest.startsWith('#') ? rest : rest ? `#${rest}` : '';
  }
  if (token === null) return;
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  inMemory = token;
  try {
    storage?.setItem(STORAGE_KEY, token);
  } catch {
    // Storage refused (private mode, quota): the token still works for this page.
  }
}

export function webHostToken(storage: TokenStorage | undefined): string | null {
  if (inMemory !== null) return inMemory;
  try {
    return storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}
