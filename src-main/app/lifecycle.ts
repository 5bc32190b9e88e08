/**
 * The desktop app's life: one instance, the core behind the contract, the console window, the
 * menu, and a quit that lets every window save what it has pending before the database closes.
 * Electron is reached only through the `electron` module, so tests run all of this against a fake.
 */
import { join, resolve } from 'node:path';
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron';
import type { MenuCommand } from '@shared/app/contract';
import type { Core, CoreOptions } from '../core';
import { dispatch } from '../ipc/dispatch';
import { registerIpc } from '../ipc/registerIpc';
import { createSenderCheck } from '../ipc/senderCheck';
import { buildMenuTemplate } from '../menu';
import { electronSqliteBinding } from '../nativeBinding';
import { backupDirFor, fontsDirFrom, resolveDatabasePath } from '../paths';
import { installSecurityPolicies } from '../security';
import { openReportFile, saveReportFile, showDataFolder, showStartupError } from './dialogs';
import { openExternalLink } from './links';
import { createFileOpener, sessionFilesIn } from './openFiles';
import { createPresenter } from './presenter';
import { installRendererProtocol, registerAppScheme, RENDERER_URL } from './protocol';
import { settingsPathIn } from './settings';
import { installSpellcheck } from './spellcheck';
import { devServerUrlFor, refusedSwitch } from './startupGuards';
import { createMainWindow } from './windows';
import type { WindowSetup } from './windows';

export type AppOptions = {
  /** The folder of the built main entry (out/main); everything shipped is found from it. */
  mainDir: string;
  /**
   * Set by electron-vite in development: the renderer comes from its dev server. Ignored by an
   * installed app, and unless it is http on this computer (startupGuards.ts).
   */
  devServerUrl: string | undefined;
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  platform: NodeJS.Platform;
  version: string;
  createCore: (options: CoreOptions) => Core;
};

export type RunningApp = {
  /** Settles when start-up is done (the console window made, or the app told to exit). */
  started: Promise<void>;
  core(): Core | undefined;
  mainWindow(): BrowserWindow | undefined;
};

export function runApp(options: AppOptions): RunningApp {
  let core: Core | undefined;
  let mainWindow: BrowserWindow | undefined;
  const stopped: RunningApp = { started: Promise.resolve(), core: () => core, mainWindow: () => mainWindow };
  const debugging = refusedSwitch(app);
  if (debugging !== undefined) {
    console.error(
      `Stackwise does not start with --${debugging}: it would let other programs control its windows.`,
    );
    app.exit(1);
    return stopped;
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return stopped;
  }

  // The built renderer is served from app://stackwise/ (see protocol.ts), never from file://.
  const rendererDir = join(options.mainDir, '../renderer');
  const devServerUrl = devServerUrlFor(options.devServerUrl, app.isPackaged);
  if (devServerUrl === undefined && options.devServerUrl !== undefined && !app.isPackaged) {
    console.warn(
      `Ignoring ELECTRON_RENDERER_URL ${options.devServerUrl}: not an http address on this computer.`,
    );
  }
  const rendererUrl = devServerUrl ?? RENDERER_URL;
  const isOwnPage = createSenderCheck(rendererUrl);
  const setup: WindowSetup = { preloadPath: join(options.mainDir, '../preload/index.cjs'), rendererUrl };
  const presenter = createPresenter(setup);
  const focusedOrMain = () => BrowserWindow.getFocusedWindow() ?? mainWindow;

  const sendCommand = (command: MenuCommand) => {
    focusedOrMain()?.webContents.send('app:command', { command });
  };

  const closeCore = () => {
    const open = core;
    core = undefined;
    open?.close();
  };

  // Session files opened from the file manager, imported one after another once the console is up.
  let consoleReady: () => void = () => undefined;
  const ready = new Promise<void>((resolveReady) => (consoleReady = resolveReady));
  let imports = Promise.resolve();
  const openSessionFiles = (paths: readonly string[]) => {
    for (const path of paths) {
      imports = imports
        .then(() => ready)
        .then(() => opener.open(path))
        .then(
          () => undefined,
          (error: unknown) => console.error(`Stackwise could not open ${path}`, error),
        );
    }
  };
  const opener = createFileOpener({
    importText: async (text) => {
      if (!core) return { ok: false, error: { code: 'unavailable', message: 'Stackwise is not ready yet.' } };
      return dispatch(core.handlers, 'portable:import', { text });
    },
    consoleWindow: () => {
      if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow(setup);
      return mainWindow;
    },
    sessionUrl: (sessionId) => `${rendererUrl}#/sessions/${encodeURIComponent(sessionId)}`,
  });

  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', (_event, argv: string[], workingDirectory: string) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    openSessionFiles(sessionFilesIn(argv.slice(1)).map((path) => resolve(workingDirectory, path)));
  });
  // macOS hands over a double-clicked file this way, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    openSessionFiles([path]);
  });
  openSessionFiles(sessionFilesIn(options.argv.slice(1)).map((path) => resolve(path)));
  app.on('window-all-closed', () => {
    if (options.platform !== 'darwin') app.quit();
  });
  installQuitFlush(closeCore);

  const start = async (): Promise<void> => {
    await app.whenReady();
    installSecurityPolicies(app, session.defaultSession, isOwnPage, openExternalLink);
    if (devServerUrl === undefined) installRendererProtocol(rendererDir);
    const userData = app.getPath('userData');
    const spellcheck = installSpellcheck({
      session: session.defaultSession,
      platform: options.platform,
      userData,
      settingsPath: settingsPathIn(userData),
    });

    const databasePath = resolveDatabasePath(options.argv, options.env, userData);
    try {
      core = options.createCore({
        databasePath,
        host: 'electron',
        version: options.version,
        nativeBinding: electronSqliteBinding(app.getAppPath(), options.env),
        openPresenter: (sessionId) => presenter.open(sessionId),
        fontsDir: fontsDirFrom(options.mainDir),
        backupDir: backupDirFor(databasePath),
        checkWorker: { path: join(options.mainDir, 'checkWorker.js') },
        // The participant page the room serves; named here because core is bundled into a chunk folder.
        rendererDir,
        saveReport: (fileName, bytes) => saveReportFile(focusedOrMain, fileName, bytes),
        openReport: openReportFile,
      });
    } catch (error) {
      showStartupError(error, databasePath);
      app.exit(1);
      return;
    }

    registerIpc(ipcMain, core.handlers, isOwnPage);
    core.events.subscribe((event, payload) => {
      for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
    });

    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate(
          {
            sendCommand,
            showDataFolder: () => showDataFolder(databasePath),
            isDev: devServerUrl !== undefined,
            spellcheck: { enabled: spellcheck.enabled(), set: (enabled) => spellcheck.set(enabled) },
          },
          options.platform,
        ),
      ),
    );

    mainWindow = createMainWindow(setup);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(setup);
    });
    consoleReady();
  };

  return { started: start(), core: () => core, mainWindow: () => mainWindow };
}

/**
 * Quitting closes the windows first and the database last: a page saves what it has pending as
 * it unloads (the autosave flushes on `pagehide`), and those saves must find the database open.
 * The first `before-quit` is held until every window has closed; then the core closes (room,
 * backups, WAL checkpoint) and the quit goes on.
 */
function installQuitFlush(closeCore: () => void): void {
  let phase: 'running' | 'closing-windows' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'done') return;
    event.preventDefault();
    if (phase === 'closing-windows') return;
    phase = 'closing-windows';
    void closeAllWindows().then(() => {
      closeCore();
      phase = 'done';
      app.quit();
    });
  });
  // A quit that skips `before-quit` (the system logging out, `app.exit`) still closes the file.
  app.on('will-quit', closeCore);
}

/** A window that will not close (its page refuses) is not waited for longer than this. */
const CLOSE_WAIT_MS = 5000;

async function closeAllWindows(): Promise<void> {
  const closing = BrowserWindow.getAllWindows().map(
    (window) =>
      new Promise<void>((resolve) => {
        if (window.isDestroyed()) return resolve();
        const timer = setTimeout(resolve, CLOSE_WAIT_MS);
        window.once('closed', () => {
          clearTimeout(timer);
          resolve();
        });
        window.close();
      }),
  );
  await Promise.all(closing);
  // Messages a page sent as it unloaded are handled before the database closes.
  await new Promise<void>((resolve) => setImmediate(resolve));
}
