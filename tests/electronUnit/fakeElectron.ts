/**
 * A stand-in for the `electron` module, enough of it for the main process's own code to run under
 * Vitest without an Electron binary. Each test file mocks `electron` with `electronModule` and
 * calls `resetFakeElectron()` before each test; the fakes record what the code asked of them.
 *
 * Like the real one, every new window emits `web-contents-created` on the app, so the security
 * policies attach to fake windows exactly as they do to real ones.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export type FakeEvent = { defaultPrevented: boolean; preventDefault(): void };

export function fakeEvent(): FakeEvent {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
  };
  return event;
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebContents extends EventEmitter {
  readonly sent: Array<[string, unknown]> = [];
  windowOpenHandler: WindowOpenHandler | undefined;
  focusCount = 0;
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  focus(): void {
    this.focusCount++;
  }
  /** Emits a cancellable event the way Chromium does, and says whether a listener cancelled it. */
  attempt(name: string, ...args: unknown[]): boolean {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export type WindowOptions = Record<string, unknown> & { webPreferences?: Record<string, unknown> };

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  static focused: FakeBrowserWindow | undefined;
  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((window) => !window.destroyed);
  }
  static getFocusedWindow(): FakeBrowserWindow | null {
    return FakeBrowserWindow.focused ?? null;
  }
  static fromWebContents(contents: unknown): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((window) => window.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  readonly loaded: string[] = [];
  destroyed = false;
  minimized = false;
  shown = false;
  focusCount = 0;
  restored = 0;
  /** A page that refuses to close (a `beforeunload` that says no). */
  refusesToClose = false;

  constructor(readonly options: WindowOptions) {
    super();
    FakeBrowserWindow.all.push(this);
    app.emit('web-contents-created', fakeEvent(), this.webContents);
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.restored++;
    this.minimized = false;
  }
  focus(): void {
    this.focusCount++;
  }
  show(): void {
    this.shown = true;
  }
  close(): void {
    if (this.refusesToClose || this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
}

export type Display = { id: number; workArea: { x: number; y: number; width: number; height: number } };

class FakeApp extends EventEmitter {
  singleInstance = true;
  /** Becomes true as `whenReady()` settles; what Electron allows only before it throws after. */
  ready = false;
  /** Electron's `app.isPackaged`: true in an installed app, false when run from out/main. */
  isPackaged = false;
  /** The switches the app was started with, without their dashes (`remote-debugging-port`). */
  readonly switches = new Set<string>();
  readonly commandLine = {
    hasSwitch: (name: string): boolean => this.switches.has(name),
  };
  quits = 0;
  /** True once a quit got past `before-quit` and `will-quit` without being held. */
  quitted = false;
  exitCode: number | undefined;
  sandboxed = false;
  readonly paths = new Map<string, string>([
    ['userData', '/fake/userData'],
    ['documents', '/fake/Documents'],
  ]);
  whenReady(): Promise<void> {
    return Promise.resolve().then(() => {
      this.ready = true;
    });
  }
  isReady(): boolean {
    return this.ready;
  }
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (!path) throw new Error(`getPath(${name}) is not faked`);
    return path;
  }
  getAppPath(): string {
    return '/fake/app';
  }
  requestSingleInstanceLock(): boolean {
    return this.singleInstance;
  }
  enableSandbox(): void {
    // As Electron: the sandbox is decided before the first renderer process can start.
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxed = true;
  }
  quit(): void {
    this.quits++;
    if (this.attempt('before-quit')) return;
    if (this.attempt('will-quit')) return;
    this.quitted = true;
  }
  exit(code: number): void {
    this.exitCode = code;
  }
  attempt(name: string, ...args: unknown[]): boolean {
    const event = fakeEvent();
    this.emit(name, event, ...args);
    return event.defaultPrevented;
  }
}

export const app = new FakeApp();

const permissionHandlers: {
  request?: (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: { isMainFrame: boolean; requestingUrl: string },
  ) => void;
  check?: (...args: unknown[]) => boolean;
} = {};

function makeSession() {
  return {
    permissionHandlers,
    setPermissionRequestHandler: vi.fn((handler: typeof permissionHandlers.request) => {
      permissionHandlers.request = handler;
    }),
    setPermissionCheckHandler: vi.fn((handler: typeof permissionHandlers.check) => {
      permissionHandlers.check = handler;
    }),
    setSpellCheckerEnabled: vi.fn(),
    setSpellCheckerLanguages: vi.fn(),
    setSpellCheckerDictionaryDownloadURL: vi.fn(),
    availableSpellCheckerLanguages: ['en-US', 'en-GB', 'de-DE'],
  };
}

export const session = { defaultSession: makeSession() };

export const shell = {
  openExternal: vi.fn((_url: string) => Promise.resolve()),
  openPath: vi.fn((_path: string) => Promise.resolve('')),
  showItemInFolder: vi.fn((_path: string) => undefined),
};

export const dialog = {
  showSaveDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve<{ canceled: boolean; filePath?: string }>({ canceled: true }),
  ),
  showOpenDialog: vi.fn((..._args: unknown[]) =>
    Promise.resolve<{ canceled: boolean; filePaths: string[] }>({ canceled: true, filePaths: [] }),
  ),
  showMessageBox: vi.fn((..._args: unknown[]) => Promise.resolve({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
};

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, listener: Listener): void {
    if (ipcMain.handlers.has(channel)) throw new Error(`Second handler for ${channel}`);
    ipcMain.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    ipcMain.handlers.delete(channel);
  },
};

export type MenuItem = {
  label?: string;
  role?: string;
  type?: string;
  checked?: boolean;
  click?: (...args: unknown[]) => void;
  submenu?: MenuItem[];
};
export const Menu = {
  current: undefined as { template: MenuItem[] } | undefined,
  buildFromTemplate: (template: MenuItem[]) => ({ template }),
  setApplicationMenu: (menu: { template: MenuItem[] }) => {
    Menu.current = menu;
  },
};

export const screen = {
  displays: [] as Display[],
  getPrimaryDisplay: (): Display => {
    const primary = screen.displays[0];
    if (!primary) throw new Error('no display faked');
    return primary;
  },
  getAllDisplays: (): Display[] => screen.displays,
};

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => {
    if (app.ready)
      throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    protocol.privileged.push(...schemes);
  }),
  handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
    protocol.handlers.set(scheme, handler);
  }),
};

export const electronModule = {
  app,
  BrowserWindow: FakeBrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
};

export const LAPTOP: Display = { id: 1, workArea: { x: 0, y: 0, width: 1440, height: 900 } };
export const PROJECTOR: Display = { id: 2, workArea: { x: 1440, y: 0, width: 1920, height: 1080 } };

export function resetFakeElectron(): void {
  app.removeAllListeners();
  Object.assign(app, {
    singleInstance: true,
    quits: 0,
    quitted: false,
    exitCode: undefined,
    sandboxed: false,
    ready: false,
    isPackaged: false,
  });
  app.switches.clear();
  FakeBrowserWindow.all = [];
  FakeBrowserWindow.focused = undefined;
  delete permissionHandlers.request;
  delete permissionHandlers.check;
  session.defaultSession = makeSession();
  ipcMain.handlers.clear();
  Menu.current = undefined;
  screen.displays = [LAPTOP];
  protocol.privileged.length = 0;
  protocol.handlers.clear();
  vi.clearAllMocks();
}

/** Every item of a menu template, submenus flattened. */
export function menuItems(template: MenuItem[]): MenuItem[] {
  return template.flatMap((item) => [item, ...menuItems(item.submenu ?? [])]);
}
