/**
 * Links that leave the app: only https and mailto go anywhere; the three documentation hosts of
 * the allowlist open at once; every other link first shows its full address and asks, and
 * Cancel (the default) opens nothing; any other link opens nothing and a message names it.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import type { WebContents } from 'electron';
import { openExternalLink } from '../../src-main/app/links';
import { isTrustedLink, TRUSTED_LINK_HOSTS } from '../../src-main/externalLinks';
import { dialog, FakeBrowserWindow, resetFakeElectron, shell } from './fakeElectron';

let window: FakeBrowserWindow;
const open = (url: string) => openExternalLink(url, window.webContents as unknown as WebContents);
const OPEN = { response: 0, checkboxChecked: false };
const CANCEL = { response: 1, checkboxChecked: false };

beforeEach(() => {
  resetFakeElectron();
  window = new FakeBrowserWindow({});
});

describe('the allowlist', () => {
  it('is the official documentation of the two stacks, nothing else', () => {
    expect([...TRUSTED_LINK_HOSTS].sort()).toEqual([
      'docs.djangoproject.com',
      'nodejs.org',
      'www.djangoproject.com',
    ]);
  });

  it.each([
    'https://docs.djangoproject.com/en/6.1/topics/security/',
    'https://nodejs.org/api/permissions.html',
    'https://www.djangoproject.com/',
  ])('%s opens without a question', async (url) => {
    expect(await open(url)).toBe(true);
    expect(dialog.showMessageBox).not.toHaveBeenCalled();
    expect(shell.openExternal).toHaveBeenCalledWith(url);
  });

  it.each([
    ['a look-alike host', 'https://nodejs.org.evil.example/'],
    ['a subdomain', 'https://evil.nodejs.org/'],
    ['another port', 'https://nodejs.org:8443/'],
    ['plain http', 'http://nodejs.org/'],
    ['a mail address', 'mailto:dana@nodejs.org'],
  ])('%s is not on it', (_label, url) => expect(isTrustedLink(url)).toBe(false));
});

describe('every other link asks first', () => {
  it('shows the full address, owned by the window it came from, and opens it when confirmed', async () => {
    dialog.showMessageBox.mockResolvedValueOnce(OPEN);
    const url = 'https://planeks.net/node-js-vs-django-for-backend?ref=stackwise#costs';
    expect(await open(url)).toBe(true);
    expect(dialog.showMessageBox).toHaveBeenCalledWith(
      window,
      expect.objectContaining({
        message: 'Open this link in your web browser?',
        detail: url,
        buttons: ['Open Link', 'Cancel'],
        defaultId: 1,
        cancelId: 1,
      }),
    );
    expect(shell.openExternal).toHaveBeenCalledWith(url);
  });

  it('cancelled (the default answer), nothing opens', async () => {
    dialog.showMessageBox.mockResolvedValueOnce(CANCEL);
    expect(await open('https://example.com/')).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('a look-alike host is shown as it really is (punycode), and that is what opens', async () => {
    dialog.showMessageBox.mockResolvedValueOnce(OPEN);
    await open('https://nоdejs.org/'); // the "о" is Cyrillic
    const [, options] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(options).toMatchObject({ detail: 'https://xn--ndejs-jye.org/' });
    expect(shell.openExternal).toHaveBeenCalledWith('https://xn--ndejs-jye.org/');
  });

  it('a mail link asks too, naming the address', async () => {
    dialog.showMessageBox.mockResolvedValueOnce(OPEN);
    expect(await open('mailto:dana@example.com')).toBe(true);
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      message: 'Write an email with your mail app?',
      detail: 'To: dana@example.com',
    });
  });
});

describe('unsafe links go nowhere, and the app says so', () => {
  it.each([
    ['http://example.com/', 'http://example.com/'],
    ['smb://server/share', 'smb://server/share'],
    ['javascript:alert(1)', 'javascript:alert(1)'],
    ['https://user:pass@example.com/', 'https://user:pass@example.com/'],
    ['ms-msdt:/id PCWDiagnostic', 'ms-msdt:/id%20PCWDiagnostic'],
    ['http://nоdejs.org/', 'http://xn--ndejs-jye.org/'],
    ['not a url', 'not a url'],
  ])('%s: a message names it, nothing opens', async (url, shown) => {
    expect(await open(url)).toBe(false);
    expect(shell.openExternal).not.toHaveBeenCalled();
    expect(dialog.showMessageBox).toHaveBeenCalledTimes(1);
    const [owner, options] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(owner).toBe(window);
    expect(options).toMatchObject({
      type: 'warning',
      message: 'Stackwise did not open this link.',
      buttons: ['OK'],
    });
    const detail = (options as { detail: string }).detail;
    expect(detail.startsWith(`${shown}\n\n`)).toBe(true);
    expect(detail).toContain('only secure web addresses (https)');
  });

  it('a file dropped on the window (a file: address) is named as a file, with the way to import one', async () => {
    expect(await open('file:///home/dana/Acme%20Ltd.stackwise')).toBe(false);
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      type: 'info',
      message: 'Stackwise did not open this file.',
      detail:
        '/home/dana/Acme Ltd.stackwise\n\nTo bring in a session file, use Import session file… on the ' +
        'Sessions list, or open the file from your file manager.',
    });
    expect(shell.openExternal).not.toHaveBeenCalled();
  });

  it('a very long address is shown in part, and says so', async () => {
    const url = `data:text/plain,${'x'.repeat(5000)}`;
    expect(await open(url)).toBe(false);
    const detail = (dialog.showMessageBox.mock.calls[0]?.[1] as { detail: string }).detail;
    expect(detail).toMatch(/^data:text\/plain,x{10}/);
    expect(detail.length).toBeLessThan(1500);
    expect(detail).toContain('(the first 1,000 characters of 5,016)');
  });
});
