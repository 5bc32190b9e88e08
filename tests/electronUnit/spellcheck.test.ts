/**
 * Spell-checking makes no network request: the dictionary download points at a local folder on
 * every platform before anything is checked; it is off by default on Linux and on with the
 * system's checker on macOS and Windows; Edit > Check Spelling switches it and is remembered in a
 * small settings file, read with zod (a damaged one means the defaults).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import { runApp } from '../../src-main/app/lifecycle';
import { readSettings, SETTINGS_FILE } from '../../src-main/app/settings';
import { app, Menu, menuItems, resetFakeElectron, session } from './fakeElectron';
import { fakeCore } from './fakeCore';

let userData: string;

beforeEach(() => {
  resetFakeElectron();
  userData = mkdtempSync(join(tmpdir(), 'stackwise-userdata-'));
  app.paths.set('userData', userData);
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(userData, { recursive: true, force: true });
});

async function start(platform: NodeJS.Platform) {
  await runApp({
    mainDir: '/app/out/main',
    devServerUrl: undefined,
    argv: [],
    env: {},
    platform,
    version: '1',
    createCore: fakeCore().createCore,
  }).started;
  const item = menuItems(Menu.current?.template ?? []).find((entry) => entry.label === 'Check Spelling');
  if (!item) throw new Error('no Check Spelling item');
  return item;
}

const lastEnabled = () => session.defaultSession.setSpellCheckerEnabled.mock.lastCall?.[0] as unknown;

describe('by default', () => {
  it.each([
    ['linux', false],
    ['darwin', true],
    ['win32', true],
  ] as const)('on %s spell-checking is %s', async (platform, enabled) => {
    const item = await start(platform);
    expect(lastEnabled()).toBe(enabled);
    expect(item).toMatchObject({ type: 'checkbox', checked: enabled });
  });

  it.each(['linux', 'win32', 'darwin'] as const)(
    'on %s dictionaries are never fetched from the network: the download points at a local folder first',
    async (platform) => {
      await start(platform);
      const { setSpellCheckerDictionaryDownloadURL, setSpellCheckerEnabled } = session.defaultSession;
      expect(setSpellCheckerDictionaryDownloadURL).toHaveBeenCalledTimes(1);
      const url = String(setSpellCheckerDictionaryDownloadURL.mock.calls[0]?.[0]);
      expect(url).toBe(`file://${userData}/Dictionaries/`);
      expect(setSpellCheckerDictionaryDownloadURL.mock.invocationCallOrder[0]).toBeLessThan(
        setSpellCheckerEnabled.mock.invocationCallOrder[0] ?? 0,
      );
    },
  );

  it('if the local address is refused, it stays off where dictionaries would be downloaded', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    session.defaultSession.setSpellCheckerDictionaryDownloadURL.mockImplementation(() => {
      throw new Error('not a valid URL');
    });
    const item = await start('win32');
    expect(lastEnabled()).toBe(false);
    item.click?.({ checked: true });
    expect(lastEnabled()).toBe(false);
  });
});

describe('the setting', () => {
  it('Check Spelling turns it on at once and is remembered for the next start', async () => {
    const item = await start('linux');
    item.click?.({ checked: true });
    expect(lastEnabled()).toBe(true);
    expect(JSON.parse(readFileSync(join(userData, SETTINGS_FILE), 'utf8'))).toEqual({ spellcheck: true });

    resetFakeElectron();
    app.paths.set('userData', userData);
    expect(await start('linux')).toMatchObject({ checked: true });
    expect(lastEnabled()).toBe(true);
  });

  it('turned off on macOS, it stays off', async () => {
    (await start('darwin')).click?.({ checked: false });
    resetFakeElectron();
    app.paths.set('userData', userData);
    await start('darwin');
    expect(lastEnabled()).toBe(false);
  });

  it('a settings file of the wrong shape means the defaults, and says so', async () => {
    const path = join(userData, SETTINGS_FILE);
    const log = vi.fn();
    for (const text of ['{"spellcheck":"yes"}', 'not json', '[]']) {
      writeFileSync(path, text);
      expect(readSettings(path, log)).toEqual({});
    }
    expect(log).toHaveBeenCalledTimes(3);
    writeFileSync(path, '{"spellcheck":"yes"}');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await start('linux');
    expect(lastEnabled()).toBe(false);
  });

  it('keeps what a newer version wrote beside it', async () => {
    const path = join(userData, SETTINGS_FILE);
    writeFileSync(path, JSON.stringify({ spellcheck: false, theme: 'dark' }));
    (await start('linux')).click?.({ checked: true });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ spellcheck: true, theme: 'dark' });
  });
});
