/**
 * The Electron main process: windows, menu, dialogs and IPC registration, nothing more.
 * Everything behind the contract is built by `createCore`, which runs under plain Node too.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, screen, session, shell } from 'electron';
import type { MenuCommand } from '@shared/app/contract';
import { version } from '../package.json';
import { createCore } from './core';
import type { Core } from './core';
import { registerIpc } from './ipc/registerIpc';
import { createSenderCheck } from './ipc/senderCheck';
import { buildMenuTemplate } from './menu';
import { electronSqliteBinding } from './nativeBinding';
import { backupDirFor, fontsDirFrom, resolveDatabasePath } from './paths';
import { installSecurityPolicies } from './security';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const rendererUrl = devServerUrl ?? pathToFileURL(join(import.meta.dirname, '../renderer/index.html')).href;
const isOwnPage = createSenderCheck(rendererUrl);

/**
 * The only place a window is made: every window runs sandboxed and isolated with only the preload
 * bridge (spelled out here, where reviewers and the security scan look for it).
 */
function createSecureWindow(
  options: Omit<Electron.BrowserWindowConstructorOptions, 'webPreferences'>,
): BrowserWindow {
  return new BrowserWindow({
    ...options,
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
}

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let presenterWindow: BrowserWindow | undefined;

function createMainWindow(): BrowserWindow {
  const window = createSecureWindow({
    width: 1360,
    height: 860,
    minWidth: 960,
    minHeight: 620,
    show: false,
    title: 'Stackwise',
    backgroundColor: '#f6f7f9',
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(rendererUrl);
  return window;
}

/**
 * The presenter view on the shared screen: full screen on a second display when one is attached,
 * otherwise a normal window the facilitator can drag to the projector.
 */
function openPresenterWindow(sessionId: string): boolean {
  const url = `${rendererUrl}#/present/${encodeURIComponent(sessionId)}`;
  if (presenterWindow && !presenterWindow.isDestroyed()) {
    void presenterWindow.loadURL(url);
    presenterWindow.focus();
    return true;
  }
  const primary = screen.getPrimaryDisplay();
  const external = screen.getAllDisplays().find((display) => display.id !== primary.id);
  const bounds = (external ?? primary).workArea;
  presenterWindow = createSecureWindow({
    x: bounds.x + 40,
    y: bounds.y + 40,
    width: Math.min(1920, bounds.width - 80),
    height: Math.min(1080, bounds.height - 80),
    fullscreen: external !== undefined,
    title: 'Stackwise — shared screen',
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
  });
  presenterWindow.on('closed', () => (presenterWindow = undefined));
  // F5 and Ctrl+R would reload the shared screen in front of the room (and drop full screen):
  // stopped here, before the page or the menu sees them.
  presenterWindow.webContents.on('before-input-event', (event, input) => {
    const reload = input.key === 'F5' || ((input.control || input.meta) && input.key.toLowerCase() === 'r');
    if (input.type === 'keyDown' && reload) event.preventDefault();
  });
  // The window has the focus when it opens: its page has it too, so the clicker's first key lands.
  presenterWindow.once('ready-to-show', () => presenterWindow?.webContents.focus());
  void presenterWindow.loadURL(url);
  return true;
}

function sendCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send('app:command', { command });
}

/** The native save dialog for an exported report; null when the user cancels. */
async function saveReportFile(fileName: string, bytes: Uint8Array): Promise<string | null> {
  const owner = BrowserWindow.getFocusedWindow() ?? mainWindow;
  const options: Electron.SaveDialogOptions = {
    title: 'Save the recommendation report',
    defaultPath: join(app.getPath('documents'), fileName),
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  };
  const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, bytes);
  return choice.filePath;
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
      openPresenter: openPresenterWindow,
      fontsDir: fontsDirFrom(import.meta.dirname),
      backupDir: backupDirFor(databasePath),
      checkWorker: { path: join(import.meta.dirname, 'checkWorker.js') },
      // The participant page the room serves; named here because core is bundled into a chunk folder.
      rendererDir: join(import.meta.dirname, '../renderer'),
      saveReport: saveReportFile,
      openReport: async (path) => (await shell.openPath(path)) === '',
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
