/**
 * The hardening every web contents gets: no navigation away from our page, no new windows, no
 * webviews, no permissions. Each case fails when its handler is removed from security.ts.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import type { App, Session } from 'electron';
import { createSenderCheck } from '../../src-main/ipc/senderCheck';
import { installSecurityPolicies } from '../../src-main/security';
import { app, fakeEvent, FakeBrowserWindow, resetFakeElectron, session } from './fakeElectron';

const OWN = 'app://stackwise/index.html';
const openLink = vi.fn((_url: string, _from: unknown) => Promise.resolve(true));

function install() {
  installSecurityPolicies(
    app as unknown as App,
    session.defaultSession as unknown as Session,
    createSenderCheck(OWN),
    openLink,
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
    expect(openLink).not.toHaveBeenCalled();
  });

  it('a link out of the page is offered to the link checker instead of loading in the window', () => {
    const contents = install();
    expect(contents.attempt('will-navigate', 'https://example.com/')).toBe(true);
    expect(openLink).toHaveBeenCalledWith('https://example.com/', contents);
  });

  it('a redirect away is refused and never offered', () => {
    const contents = install();
    expect(contents.attempt('will-redirect', 'https://example.com/')).toBe(true);
    expect(openLink).not.toHaveBeenCalled();
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

  it('what it asked to open goes to the link checker (which asks first), never into a window', () => {
    const contents = install();
    contents.windowOpenHandler?.({ url: 'https://example.com/page' });
    expect(openLink).toHaveBeenCalledWith('https://example.com/page', contents);
  });
});

describe('permissions', () => {
  const fromOwnPage = { isMainFrame: true, requestingUrl: `${OWN}#/present/s1` };

  /** What the request handler and the check handler answer, in that order. */
  function answers(permission: string, details: { isMainFrame: boolean; requestingUrl: string }): unknown[] {
    const answer = vi.fn((_granted: boolean) => undefined);
    const { request, check } = session.defaultSession.permissionHandlers;
    request?.({}, permission, answer, details);
    const origin = new URL(details.requestingUrl).origin;
    return [answer.mock.calls[0]?.[0], check?.({}, permission, origin, details)];
  }

  it.each([
    'media',
    'geolocation',
    'notifications',
    'clipboard-read',
    'openExternal',
    'automatic-fullscreen',
  ])('a request for %s is refused, even to our own page', (permission) => {
    install();
    expect(answers(permission, fromOwnPage)).toEqual([false, false]);
  });

  it('our own page may go full screen (the presenter’s F key and button)', () => {
    install();
    expect(answers('fullscreen', fromOwnPage)).toEqual([true, true]);
  });

  it.each([
    ['another page', { isMainFrame: true, requestingUrl: 'https://evil.example/' }],
    ['another page of the scheme', { isMainFrame: true, requestingUrl: 'app://stackwise/participant.html' }],
    ['a frame inside our page', { isMainFrame: false, requestingUrl: OWN }],
  ])('%s may not go full screen', (_label, details) => {
    install();
    expect(answers('fullscreen', details)).toEqual([false, false]);
  });
});
