/**
 * What an installed app takes from its surroundings, against a fake `electron`: not a renderer
 * address from the environment (electron-vite's ELECTRON_RENDERER_URL is for development, and
 * even there only a dev server on this computer), and not Chromium's remote debugging switches,
 * which the fuses do not cover and which would hand the console page to whoever connects.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import { runApp } from '../../src-main/app/lifecycle';
import type { AppOptions } from '../../src-main/app/lifecycle';
import type { Result } from '@shared/ipc/result';
import { RENDERER_URL } from '../../src-main/app/protocol';
import {
  app,
  FakeBrowserWindow,
  ipcMain,
  LAPTOP,
  Menu,
  menuItems,
  PROJECTOR,
  protocol,
  resetFakeElectron,
  screen,
} from './fakeElectron';
import { fakeCore } from './fakeCore';

function start(overrides: Partial<AppOptions> = {}) {
  const core = fakeCore();
  const running = runApp({
    mainDir: '/opt/Stackwise/resources/app.asar/out/main',
    devServerUrl: undefined,
    argv: ['/opt/Stackwise/stackwise'],
    env: {},
    platform: 'linux',
    version: '1',
    createCore: core.createCore,
    ...overrides,
  });
  return { core, running };
}

/** The error code the IPC layer answers a top-level page at `url` with. */
async function callFrom(url: string): Promise<string | undefined> {
  const listener = ipcMain.handlers.get('portable:import');
  if (!listener) throw new Error('portable:import is not registered');
  // An input the contract refuses: a trusted caller gets `invalid_input`, never the handler.
  const answer = (await listener({ senderFrame: { url, parent: null } }, {})) as Result<unknown>;
  return answer.ok ? undefined : answer.error.code;
}

function developerItems(): string[] {
  return menuItems(Menu.current?.template ?? [])
    .map((item) => item.role ?? '')
    .filter((role) => role === 'reload' || role === 'toggleDevTools');
}

beforeEach(resetFakeElectron);

describe('a renderer address from the environment', () => {
  it('is ignored by an installed app: its own page from app://, the scheme served, no developer menu', async () => {
    app.isPackaged = true;
    screen.displays = [LAPTOP, PROJECTOR];
    const { core, running } = start({ devServerUrl: 'http://localhost:5173/' });
    await running.started;
    expect(FakeBrowserWindow.all[0]?.loaded).toEqual([RENDERER_URL]);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(developerItems()).toEqual([]);
    expect(await callFrom('http://localhost:5173/')).toBe('forbidden');
    expect(await callFrom(RENDERER_URL)).toBe('invalid_input');
    core.options().openPresenter?.('s1');
    expect(FakeBrowserWindow.all[1]?.loaded).toEqual([`${RENDERER_URL}#/present/s1`]);
  });

  it.each([
    'http://evil.example:5173/',
    'http://192.168.1.20:5173/',
    'https://localhost:5173/',
    'http://user:pw@localhost:5173/',
    'file:///tmp/index.html',
    'not a url',
  ])('in development, %s (not a dev server on this computer) is ignored', async (url) => {
    const { running } = start({ devServerUrl: url });
    await running.started;
    expect(FakeBrowserWindow.all[0]?.loaded).toEqual([RENDERER_URL]);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(await callFrom(url)).toBe('forbidden');
  });

  it.each(['http://localhost:5173/', 'http://127.0.0.1:5173', 'http://[::1]:5173/'])(
    'in development, the dev server at %s serves the page',
    async (url) => {
      const { running } = start({ devServerUrl: url });
      await running.started;
      expect(FakeBrowserWindow.all[0]?.loaded).toEqual([url]);
      expect(protocol.handlers.size).toBe(0);
      expect(developerItems()).toEqual(['reload', 'toggleDevTools']);
      expect(await callFrom(url)).toBe('invalid_input');
    },
  );
});

describe('remote debugging switches', () => {
  it.each(['remote-debugging-port', 'remote-debugging-pipe'])(
    'an installed app started with --%s exits before it opens anything',
    async (name) => {
      app.isPackaged = true;
      app.switches.add(name);
      const { core, running } = start();
      await running.started;
      expect(app.exitCode).toBe(1);
      expect(FakeBrowserWindow.all).toHaveLength(0);
      expect(ipcMain.handlers.size).toBe(0);
      expect(() => core.options()).toThrow(/never created/);
    },
  );

  it('an installed app without them starts', async () => {
    app.isPackaged = true;
    app.switches.add('lang');
    await start().running.started;
    expect(app.exitCode).toBeUndefined();
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });

  it('a development run keeps them (the Electron test suite drives the app through them)', async () => {
    app.switches.add('remote-debugging-port');
    await start().running.started;
    expect(app.exitCode).toBeUndefined();
    expect(FakeBrowserWindow.all).toHaveLength(1);
  });
});
