/**
 * The only place a window is made. Every window runs sandboxed and isolated with only the preload
 * bridge; the preferences are spelled out in the `new BrowserWindow` call itself, where reviewers
 * and the Electronegativity scan look for them.
 */
import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';

export type WindowSetup = {
  /** The built preload bundle (out/preload/index.cjs). */
  preloadPath: string;
  /** The renderer's page: `app://stackwise/index.html`, or the dev server in development. */
  rendererUrl: string;
};

export function createSecureWindow(
  setup: WindowSetup,
  options: Omit<BrowserWindowConstructorOptions, 'webPreferences'>,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      preload: setup.preloadPath,
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
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      // The session decides whether words are checked (see spellcheck.ts): off by default on Linux,
      // where Chromium would fetch dictionaries from Google's servers.
      spellcheck: true,
    },
  });
}

/** The facilitator's console. */
export function createMainWindow(setup: WindowSetup): BrowserWindow {
  const window = createSecureWindow(setup, {
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 620,
    show: false,
    title: 'Stackwise',
    backgroundColor: '#f6f7f9',
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(setup.rendererUrl);
  return window;
}
