/**
 * Electron hardening in one place: every web contents, present and future, may not navigate away
 * from our page, open windows, attach webviews, or get permissions, except our own page its own
 * full screen. A link that would leave the app goes to `openLink` instead (app/links.ts: safe
 * schemes only, and it asks first).
 */
import type { App, Session, WebContents } from 'electron';

/**
 * The one permission there is, for our own top-level page only: full screen, which the
 * presenter's F key and button ask for (`requestFullscreen()`). Denied, the request would never
 * settle in Electron. Not `automatic-fullscreen` (full screen without a key or a click).
 */
const OWN_PAGE_PERMISSIONS: ReadonlySet<string> = new Set(['fullscreen']);

export function installSecurityPolicies(
  app: App,
  session: Session,
  isOwnPage: (url: string) => boolean,
  openLink: (url: string, from: WebContents) => Promise<boolean>,
) {
  const granted = (permission: string, details: { isMainFrame: boolean; requestingUrl?: string }) =>
    OWN_PAGE_PERMISSIONS.has(permission) && details.isMainFrame && isOwnPage(details.requestingUrl ?? '');
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(granted(permission, details)),
  );
  session.setPermissionCheckHandler((_contents, permission, _origin, details) =>
    granted(permission, details),
  );

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (isOwnPage(url)) return;
      event.preventDefault();
      // A plain link out of the page: offered to the system, as a browser would open it.
      void openLink(url, contents);
    });
    contents.on('will-redirect', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
    });
    // Frames too (the policy already forbids them: `frame-src 'none'`).
    contents.on('will-frame-navigate', (event) => {
      if (!isOwnPage(event.url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      void openLink(url, contents);
      return { action: 'deny' };
    });
  });
}
