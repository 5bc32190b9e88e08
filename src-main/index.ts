/**
 * The Electron main process: windows, menu, dialogs and IPC registration, nothing more.
 * Everything behind the contract is built by `createCore`, which runs under plain Node too.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import type { MenuCommand } from '@shared/app/contract';
import { version } from '../package.json';
import { createCore } from './core';
import type { Core } from './core';
import { registerIpc } from './ipc/registerIpc';
import { createSenderCheck } from './ipc/senderCheck';
import { buildMenuTemplate } from './menu';
import { electronSqliteBinding } from './nativeBinding';
import { resolveDatabasePath } from './paths';
import { installSecurityPolicies } from './security';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const isOwnPage = createSenderCheck(rendererUrl);

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 620,
    show: false,
    title: 'Stackwise',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // Middle-click would otherwise try to open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl);
  return window;
}

function sendCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send('app:command', { command });
}

async function start(): Promise<void> {
  await app.whenReady();
  installSecurityPolicies(app, shell, session.defaultSession, isOwnPage);

  const databasePath = resolveDatabasePath(process.argv, process.env, app.getPath('userData'));
  try {
    core = createCore({
      databasePath,
      host: 'electron',
      version,
      nativeBinding: electronSqliteBinding(app.getAppPath()),
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Stackwise cannot open its data', `${detail}\n\nDatabase: ${databasePath}`);
    app.exit(1);
    return;
  }

  registerIpc(ipcMain, core.handlers, isOwnPage);
  core.events.subscribe((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(event, payload);
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        sendCommand,
        showDataFolder: () => shell.showItemInFolder(databasePath),
        isDev: devServerUrl !== undefined,
      }),
    ),
  );

  mainWindow = createMainWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.enableSandbox();
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => core?.close());
  void start();
}
