/**
 * Electron hardening in one place: every web contents, present and future, may not navigate away
 * from our page, open windows, attach webviews, or get permissions. A link that would leave the
 * app goes to `openLink` instead (app/links.ts: safe schemes only, and it asks first).
 */
import type { App, Session, WebContents } from 'electron';

export function installSecurityPolicies(
  app: App,
  session: Session,
  isOwnPage: (url: string) => boolean,
  openLink: (url: string, from: WebContents) => Promise<boolean>,
) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

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
