/**
 * The desktop app's start and quit, against a fake `electron`: one instance, the sandbox for every
 * renderer, the core made with the shipped paths, a clear error when the data cannot be opened,
 * events to every window, and a quit that closes the windows (so their pending saves arrive)
 * before the database.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import { runApp } from '../../src-main/app/lifecycle';
import type { AppOptions } from '../../src-main/app/lifecycle';
import {
  app,
  dialog,
  FakeBrowserWindow,
  ipcMain,
  LAPTOP,
  PROJECTOR,
  resetFakeElectron,
  screen,
} from './fakeElectron';
import { fakeCore } from './fakeCore';
import type { FakeCore } from './fakeCore';

const MAIN_DIR = '/opt/Stackwise/resources/app.asar/out/main';

function start(core: FakeCore, overrides: Partial<AppOptions> = {}) {
  return runApp({
    mainDir: MAIN_DIR,
    devServerUrl: undefined,
    argv: ['/opt/Stackwise/stackwise'],
    env: {},
    platform: 'linux',
    version: '9.9.9',
    createCore: core.createCore,
    ...overrides,
  });
}

beforeEach(resetFakeElectron);

describe('start-up', () => {
  it('a second instance quits at once and leaves the first one alone', async () => {
    app.singleInstance = false;
    const core = fakeCore();
    await start(core).started;
    expect(app.quits).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
    expect(() => core.options()).toThrow(/never created/);
  });

  it('turns the sandbox on for every renderer before any window exists', async () => {
    const core = fakeCore();
    await start(core).started;
    expect(app.sandboxed).toBe(true);
  });

  it('makes the core with the data folder and the shipped files, and opens the console', async () => {
    const core = fakeCore();
    const running = start(core);
    await running.started;
    expect(core.options()).toMatchObject({
      databasePath: '/fake/userData/stackwise.sqlite',
      backupDir: '/fake/userData/backups',
      host: 'electron',
      version: '9.9.9',
      checkWorker: { path: `${MAIN_DIR}/checkWorker.js` },
      rendererDir: '/opt/Stackwise/resources/app.asar/out/renderer',
      fontsDir: '/opt/Stackwise/resources/app.asar/resources/fonts',
    });
    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(running.mainWindow()).toBe(FakeBrowserWindow.all[0]);
    expect(ipcMain.handlers.has('sessions:list')).toBe(true);
  });

  it('the core’s Present and save dialog reach the presenter window and the focused window', async () => {
    screen.displays = [LAPTOP, PROJECTOR];
    const core = fakeCore();
    await start(core).started;
    expect(core.options().openPresenter?.('s1')).toBe(true);
    const presenter = FakeBrowserWindow.all[1];
    expect(presenter?.options).toMatchObject({ fullscreen: true });
    expect(presenter?.loaded).toEqual(['app://stackwise/index.html#/present/s1']);

    FakeBrowserWindow.focused = presenter;
    await core.options().saveReport?.('r.pdf', new Uint8Array());
    expect(dialog.showSaveDialog.mock.calls[0]?.[0]).toBe(presenter);
  });

  it('takes --db from the command line', async () => {
    const core = fakeCore();
    await start(core, { argv: ['stackwise', '--db', '/tmp/other.sqlite'] }).started;
    expect(core.options().databasePath).toBe('/tmp/other.sqlite');
  });

  it('says why and exits when the data cannot be opened at all', async () => {
    const running = runApp({
      mainDir: MAIN_DIR,
      devServerUrl: undefined,
      argv: [],
      env: {},
      platform: 'linux',
      version: '1',
      createCore: () => {
        throw new Error('The folder is not writable.');
      },
    });
    await running.started;
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'Stackwise cannot open its data',
      'The folder is not writable.\n\nDatabase: /fake/userData/stackwise.sqlite',
    );
    expect(app.exitCode).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('sends every event of the core to every window', async () => {
    const core = fakeCore();
    const running = start(core);
    await running.started;
    const presenter = new FakeBrowserWindow({});
    core.core.events.emit('app:command', { command: 'session.new' });
    expect(FakeBrowserWindow.all).toHaveLength(2);
    expect(running.mainWindow()).toBe(FakeBrowserWindow.all[0]);
    expect(FakeBrowserWindow.all[0]?.webContents.sent).toEqual([['app:command', { command: 'session.new' }]]);
    expect(presenter.webContents.sent).toEqual([['app:command', { command: 'session.new' }]]);
  });

  it('a second start brings the running console to the front', async () => {
    const core = fakeCore();
    await start(core).started;
    const [console] = FakeBrowserWindow.all;
    if (!console) throw new Error('no console');
    console.minimized = true;
    app.emit('second-instance', {}, ['stackwise'], '/home/dana');
    expect(console.restored).toBe(1);
    expect(console.focusCount).toBe(1);
  });

  it('on macOS, activating the app with no window open opens the console again', async () => {
    const core = fakeCore();
    const running = start(core, { platform: 'darwin' });
    await running.started;
    FakeBrowserWindow.all[0]?.close();
    app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(running.mainWindow()).toBe(FakeBrowserWindow.getAllWindows()[0]);
  });
});

describe('quitting', () => {
  it('closes every window first, so their pending saves arrive, then the database, once', async () => {
    const order: string[] = [];
    const core = fakeCore(() => order.push('core closed'));
    await start(core).started;
    new FakeBrowserWindow({});
    for (const window of FakeBrowserWindow.all) window.on('closed', () => order.push('window closed'));

    app.quit();
    expect(app.quitted).toBe(false);
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(order).toEqual(['window closed', 'window closed', 'core closed']);
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('a second quit while the windows close does not close the database early', async () => {
    const core = fakeCore();
    await start(core).started;
    const [console] = FakeBrowserWindow.all;
    if (!console) throw new Error('no console');
    console.refusesToClose = true;
    app.quit();
    app.quit();
    expect(core.close).not.toHaveBeenCalled();
    console.refusesToClose = false;
    console.close();
    await vi.waitFor(() => expect(app.quitted).toBe(true));
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('a quit that skips before-quit still closes the database', async () => {
    const core = fakeCore();
    await start(core).started;
    app.emit('will-quit', {});
    expect(core.close).toHaveBeenCalledTimes(1);
  });

  it('closing the last window quits on Windows and Linux, not on macOS', async () => {
    await start(fakeCore()).started;
    app.emit('window-all-closed');
    expect(app.quits).toBe(1);

    resetFakeElectron();
    await start(fakeCore(), { platform: 'darwin' }).started;
    app.emit('window-all-closed');
    expect(app.quits).toBe(0);
  });
});
