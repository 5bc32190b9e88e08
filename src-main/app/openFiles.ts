/**
 * Opening a session file from outside the app: double-clicked in the file manager (macOS sends
 * `open-file`; Windows and Linux start the app, or a second instance, with the path in argv).
 * The file goes through the same channel as Import session file… on the sessions list
 * (`portable:import`, validated by the contract), then the console shows the imported session
 * and a message says what happened, or why the file was not imported.
 */
import { constants } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { dialog } from 'electron';
import type { BrowserWindow, MessageBoxOptions } from 'electron';
import { ImportOutcomeSchema } from '@shared/portable/contract';
import type { ImportOutcome } from '@shared/portable/contract';
import { isSessionFileName, SESSION_FILE } from '@shared/portable/schema';
import type { Result } from '@shared/ipc/result';

/**
 * The session files named on a command line (after Electron's and Chromium's own switches):
 * `.stackwise`, or `.stackwise.json` as earlier versions named them.
 */
export function sessionFilesIn(argv: readonly string[]): string[] {
  return argv.filter((arg) => !arg.startsWith('-') && isSessionFileName(arg));
}

export type FileOpenerSetup = {
  /** `portable:import` through dispatch, as the renderer's import calls it. */
  importText: (text: string) => Promise<Result<unknown>>;
  /** The console window, made again if it was closed (macOS keeps running without one). */
  consoleWindow: () => BrowserWindow;
  /** The address of the session page: `${rendererUrl}#/sessions/<id>`. */
  sessionUrl: (sessionId: string) => string;
};

export type FileOpener = { open(path: string): Promise<boolean> };

export function describeOpenedFile(fileName: string, outcome: ImportOutcome): string {
  const { session, copy, brand } = outcome;
  const what = copy
    ? `“${fileName}” was imported as a copy, “${session.projectName}”: this session was already here, so the copy has its own name and the original is unchanged.`
    : `“${fileName}” was imported as “${session.clientName} — ${session.projectName}”.`;
  if (!brand) return what;
  return brand.reconnected
    ? `${what} Its report uses the brand profile “${brand.profileName}”, found on this computer.`
    : `${what} Its report used the brand profile “${brand.profileName}”, which is not on this computer, so it uses the default look until you choose a profile.`;
}

/** A file refused for what it is, with the reason the message gives (a system error has a `code`). */
class RefusedFile extends Error {}

/** Pieces a file is read in; a session file is at most a few megabytes. */
const READ_CHUNK = 1024 * 1024;

/**
 * Opens without waiting where the system has the flag (a pipe swapped in after the check below
 * would otherwise hold the import queue until something writes to it); Windows has no such flag.
 */
const OPEN_FLAGS = constants.O_RDONLY | ((constants as Partial<typeof constants>).O_NONBLOCK ?? 0);

/**
 * The file's text. Only an ordinary file (after following links: not a folder, a device such as
 * /dev/zero, or a named pipe, which would wait for a writer), checked before it is opened and
 * again on what was opened; and never more than `maxBytes` of it read, whatever size it reports
 * (a file in /proc says 0).
 */
export async function readSessionFile(path: string, maxBytes = SESSION_FILE.maxBytes): Promise<string> {
  const tooLarge = () => new RefusedFile(`The file is larger than ${maxBytes / 1024 / 1024} MB.`);
  const notAFile = () => new RefusedFile('It is not an ordinary file.');
  if (!(await stat(path)).isFile()) throw notAFile();
  const file = await open(path, OPEN_FLAGS);
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw notAFile();
    if (stats.size > maxBytes) throw tooLarge();
    const chunks: Buffer[] = [];
    let total = 0;
    // One byte past the limit is enough to know the file is too large.
    while (total <= maxBytes) {
      const chunk = Buffer.alloc(Math.min(READ_CHUNK, maxBytes + 1 - total));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
    }
    if (total > maxBytes) throw tooLarge();
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    await file.close();
  }
}

export function createFileOpener(setup: FileOpenerSetup): FileOpener {
  const tell = async (options: MessageBoxOptions) => {
    const window = setup.consoleWindow();
    await dialog.showMessageBox(window, options);
  };
  return {
    async open(path) {
      const fileName = basename(path);
      let text: string;
      try {
        text = await readSessionFile(path);
      } catch (error) {
        const reason = error instanceof RefusedFile ? error.message : 'It could not be read.';
        await tell({ type: 'warning', message: `“${fileName}” was not imported.`, detail: reason });
        return false;
      }
      const result = await setup.importText(text);
      const outcome = result.ok ? ImportOutcomeSchema.safeParse(result.value) : undefined;
      if (!outcome?.success) {
        const reason = result.ok ? 'It could not be read.' : result.error.message;
        await tell({ type: 'warning', message: `“${fileName}” was not imported.`, detail: reason });
        return false;
      }
      const window = setup.consoleWindow();
      void window.loadURL(setup.sessionUrl(outcome.data.session.id));
      if (window.isMinimized()) window.restore();
      window.focus();
      await tell({
        type: 'info',
        message: 'Session imported',
        detail: describeOpenedFile(fileName, outcome.data),
      });
      return true;
    },
  };
}
