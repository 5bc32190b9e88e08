/**
 * Electron hardening in one place: every web contents, present and future, may not navigate away
 * from our page, open windows, attach webviews, or get permissions. Safe external links go to the
 * operating system instead.
 */
import type { App, Session, Shell } from 'electron';
import { isSafeExternalUrl } from './externalLinks';

export function installSecurityPolicies(
  app: App,
  shell: Shell,
  session: Session,
  isOwnPage: (url: string) => boolean,
) {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isOwnPage(url)) event.preventDefault();
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
      if (isSafeExternalUrl(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
