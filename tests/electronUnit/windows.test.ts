/**
 * Every window the app makes (the console and the presenter view) runs sandboxed and isolated,
 * with only the preload bridge and no Node, webviews or insecure content. Checked key by key, so
 * removing any one preference fails here.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import { createPresenter } from '../../src-main/app/presenter';
import { createMainWindow } from '../../src-main/app/windows';
import { FakeBrowserWindow, resetFakeElectron } from './fakeElectron';

const setup = { preloadPath: '/app/out/preload/index.cjs', rendererUrl: 'app://stackwise/index.html' };

const REQUIRED = {
  preload: '/app/out/preload/index.cjs',
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  disableBlinkFeatures: 'Auxclick',
};

beforeEach(resetFakeElectron);

describe('web preferences', () => {
  it.each(Object.entries(REQUIRED))('the console window has %s = %s', (key, value) => {
    const window = createMainWindow(setup) as unknown as FakeBrowserWindow;
    expect(window.options.webPreferences?.[key]).toBe(value);
  });

  it.each(Object.entries(REQUIRED))('the presenter window has %s = %s', (key, value) => {
    createPresenter(setup).open('s1');
    const [window] = FakeBrowserWindow.all;
    expect(window?.options.webPreferences?.[key]).toBe(value);
  });

  it('no window gets a preference beyond the reviewed set', () => {
    createMainWindow(setup);
    createPresenter(setup).open('s1');
    for (const window of FakeBrowserWindow.all) {
      expect(Object.keys(window.options.webPreferences ?? {}).sort()).toEqual(
        [...Object.keys(REQUIRED), 'spellcheck'].sort(),
      );
    }
  });
});

describe('the console window', () => {
  it('loads our page and shows itself only when it is ready (no white flash)', () => {
    const window = createMainWindow(setup) as unknown as FakeBrowserWindow;
    expect(window.loaded).toEqual(['app://stackwise/index.html']);
    expect(window.options).toMatchObject({ show: false, title: 'Stackwise', minWidth: 960 });
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});
