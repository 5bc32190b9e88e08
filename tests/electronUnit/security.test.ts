/**
 * The hardening every web contents gets: no navigation away from our page, no new windows, no
 * webviews, no permissions. Each case fails when its handler is removed from security.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import type { App, Session, Shell } from 'electron';
import { createSenderCheck } from '../../src-main/ipc/senderCheck';
import { installSecurityPolicies } from '../../src-main/security';
import { app, fakeEvent, FakeBrowserWindow, resetFakeElectron, session, shell } from './fakeElectron';

const OWN = 'app://stackwise/index.html';

function install() {
  installSecurityPolicies(
    app as unknown as App,
    shell as unknown as Shell,
    session.defaultSession as unknown as Session,
    createSenderCheck(OWN),
  );
  return new FakeBrowserWindow({}).webContents;
}

beforeEach(resetFakeElectron);

describe('navigation', () => {
  it.each(['https://evil.example/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)'])(
    'to %s is refused',
    (url) => {
      const contents = install();
      expect(contents.attempt('will-navigate', url)).toBe(true);
      expect(contents.attempt('will-redirect', url)).toBe(true);
      const frameNavigation = Object.assign(fakeEvent(), { url, isMainFrame: false });
      contents.emit('will-frame-navigate', frameNavigation);
      expect(frameNavigation.defaultPrevented).toBe(true);
    },
  );

  it('within our own page is allowed', () => {
    const contents = install();
    expect(contents.attempt('will-navigate', `${OWN}#/sessions`)).toBe(false);
    expect(contents.attempt('will-redirect', `${OWN}#/present/s1`)).toBe(false);
  });
});

describe('webviews and new windows', () => {
  it('a webview is never attached', () => {
    const contents = install();
    expect(contents.attempt('will-attach-webview', {}, {})).toBe(true);
  });

  it('a page cannot open a window of its own, whatever it asks for', () => {
    const contents = install();
    for (const url of [OWN, 'https://evil.example/', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('an unsafe link never reaches the operating system', () => {
    const contents = install();
    for (const url of ['file:///etc/passwd', 'http://example.com', 'smb://server/share', 'javascript:x']) {
      contents.windowOpenHandler?.({ url });
    }
    expect(shell.openExternal).not.toHaveBeenCalled();
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'])(
    'a request for %s is refused',
    (permission) => {
      install();
      const answer = vi.fn();
      session.defaultSession.permissionHandlers.request?.({}, permission, answer);
      expect(answer).toHaveBeenCalledWith(false);
      expect(session.defaultSession.permissionHandlers.check?.({}, permission, OWN, {})).toBe(false);
    },
  );
});
