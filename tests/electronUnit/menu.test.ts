/**
 * The application menu as the running app builds it: each item sends its own command to the
 * focused window (the console when none has the focus), and Show Data Folder shows the database.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import { COMMANDS, MENU_COMMANDS } from '@shared/app/contract';
import { runApp } from '../../src-main/app/lifecycle';
import { FakeBrowserWindow, Menu, menuItems, resetFakeElectron, shell } from './fakeElectron';
import type { MenuItem } from './fakeElectron';
import { fakeCore } from './fakeCore';

async function startApp(devServerUrl?: string) {
  await runApp({
    mainDir: '/app/out/main',
    devServerUrl,
    argv: ['stackwise', '--db', '/data/stackwise.sqlite'],
    env: {},
    platform: 'linux',
    version: '1',
    createCore: fakeCore().createCore,
  }).started;
  if (!Menu.current) throw new Error('no application menu was set');
  return menuItems(Menu.current.template);
}

function byLabel(items: MenuItem[], label: string): MenuItem {
  const item = items.find((candidate) => candidate.label === label);
  if (!item?.click) throw new Error(`no menu item “${label}”`);
  return item;
}

beforeEach(resetFakeElectron);

describe('the application menu', () => {
  it.each(MENU_COMMANDS)('%s is sent to the console when no window has the focus', async (command) => {
    const items = await startApp();
    byLabel(items, COMMANDS[command].label).click?.();
    const [console] = FakeBrowserWindow.all;
    expect(console?.webContents.sent).toEqual([['app:command', { command }]]);
  });

  it('a command goes to the focused window (the presenter view), not the console', async () => {
    const items = await startApp();
    const presenter = new FakeBrowserWindow({});
    FakeBrowserWindow.focused = presenter;
    byLabel(items, COMMANDS['workshop.next'].label).click?.();
    expect(presenter.webContents.sent).toEqual([['app:command', { command: 'workshop.next' }]]);
    expect(FakeBrowserWindow.all[0]?.webContents.sent).toEqual([]);
  });

  it('Show Data Folder shows the database file in the file manager', async () => {
    const items = await startApp();
    byLabel(items, 'Show Data Folder').click?.();
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/data/stackwise.sqlite');
  });

  it('offers reload and developer tools only in development', async () => {
    expect((await startApp()).some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(
      false,
    );
    resetFakeElectron();
    expect((await startApp('http://localhost:5173/')).some((item) => item.role === 'toggleDevTools')).toBe(
      true,
    );
  });
});
