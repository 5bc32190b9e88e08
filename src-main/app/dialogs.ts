/** The native dialogs the desktop app shows: where to save a report, and where the data lives. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { app, dialog, shell } from 'electron';
import type { BrowserWindow, SaveDialogOptions } from 'electron';

/** The window a dialog belongs to: the focused one, else the console. */
export type OwnerWindow = () => BrowserWindow | undefined;

/** The native save dialog for an exported report; null when the user cancels. */
export async function saveReportFile(
  owner: OwnerWindow,
  fileName: string,
  bytes: Uint8Array,
): Promise<string | null> {
  const window = owner();
  const options: SaveDialogOptions = {
    title: 'Save the recommendation report',
    defaultPath: join(app.getPath('documents'), fileName),
    filters: [{ name: 'PDF document', extensions: ['pdf'] }],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  await writeFile(choice.filePath, bytes);
  return choice.filePath;
}

/** Opens the saved report in the system's viewer; false when none could open it. */
export async function openReportFile(path: string): Promise<boolean> {
  return (await shell.openPath(path)) === '';
}

/** File > Show Data Folder: the database, selected in the file manager. */
export function showDataFolder(databasePath: string): void {
  shell.showItemInFolder(databasePath);
}

/** Shown when the database cannot be opened at all, before the app exits. */
export function showStartupError(error: unknown, databasePath: string): void {
  const detail = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Stackwise cannot open its data', `${detail}\n\nDatabase: ${databasePath}`);
}
