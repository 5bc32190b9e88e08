/**
 * The presenter view on the shared screen: full screen on a second display when one is attached,
 * otherwise a normal window the facilitator can drag to the projector. One at a time: asking
 * again moves the open one to the new session.
 */
import { screen } from 'electron';
import type { BrowserWindow } from 'electron';
import { createSecureWindow } from './windows';
import type { WindowSetup } from './windows';

export type Presenter = {
  open(sessionId: string): boolean;
  window(): BrowserWindow | undefined;
};

export function presenterUrl(rendererUrl: string, sessionId: string): string {
  return `${rendererUrl}#/present/${encodeURIComponent(sessionId)}`;
}

/** F5 and Ctrl/Cmd+R reload the page: on the shared screen that would happen in front of the room. */
export function isReloadKey(input: { type: string; key: string; control: boolean; meta: boolean }): boolean {
  const reload = input.key === 'F5' || ((input.control || input.meta) && input.key.toLowerCase() === 'r');
  return input.type === 'keyDown' && reload;
}

export function createPresenter(setup: WindowSetup): Presenter {
  let current: BrowserWindow | undefined;
  return {
    window: () => current,
    open(sessionId) {
      const url = presenterUrl(setup.rendererUrl, sessionId);
      if (current && !current.isDestroyed()) {
        void current.loadURL(url);
        current.focus();
        return true;
      }
      const primary = screen.getPrimaryDisplay();
      const external = screen.getAllDisplays().find((display) => display.id !== primary.id);
      const bounds = (external ?? primary).workArea;
      const window = createSecureWindow(setup, {
        x: bounds.x + 40,
        y: bounds.y + 40,
        width: Math.min(1920, bounds.width - 80),
        height: Math.min(1080, bounds.height - 80),
        fullscreen: external !== undefined,
        title: 'Stackwise — shared screen',
        backgroundColor: '#ffffff',
        autoHideMenuBar: true,
      });
      current = window;
      window.on('closed', () => {
        if (current === window) current = undefined;
      });
      // Stopped here, before the page or the menu sees them (a reload would also drop full screen).
      window.webContents.on('before-input-event', (event, input) => {
        if (isReloadKey(input)) event.preventDefault();
      });
      // The window has the focus when it opens: its page has it too, so the clicker's first key lands.
      window.once('ready-to-show', () => window.webContents.focus());
      void window.loadURL(url);
      return true;
    },
  };
}
