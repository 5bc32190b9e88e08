/**
 * What the app accepts from the way it was started. An installed app takes no renderer address
 * from its environment (electron-vite sets ELECTRON_RENDERER_URL for development; a page from
 * anywhere else would get the preload bridge, the IPC sender check's trust and the developer
 * menu), and does not run with Chromium's remote debugging switches, which the fuses leave open
 * and which would hand its pages to whatever connects.
 */
import type { App } from 'electron';

/** The Chromium switches that open the DevTools protocol to other programs. */
export const REMOTE_DEBUGGING_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe'] as const;

/** The hosts a development server may be on: this computer's loopback, by name or address. */
const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server to load the renderer from, or undefined for the built one from app://: never in
 * an installed app, and in development only a plain http address on this computer.
 */
export function devServerUrlFor(candidate: string | undefined, isPackaged: boolean): string | undefined {
  if (isPackaged || candidate === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  const local =
    url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && !url.username && !url.password;
  return local ? candidate : undefined;
}

/** The remote debugging switch an installed app was started with, if any. */
export function refusedSwitch(app: Pick<App, 'isPackaged' | 'commandLine'>): string | undefined {
  if (!app.isPackaged) return undefined;
  return REMOTE_DEBUGGING_SWITCHES.find((name) => app.commandLine.hasSwitch(name));
}
