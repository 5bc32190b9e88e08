/**
 * Opening a `.stackwise` file (or a `.stackwise.json`, as earlier versions named them) from the file manager imports it through the same channel as
 * Import session file… (a real core here, on a temporary database), shows the imported session in
 * the console and says what happened: from the command line at start, from a second instance
 * (Windows, Linux) and from macOS's `open-file`; a bad file is refused with its reason.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, constants, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import type { Session } from '@shared/sessions/schema';
import { runApp } from '../../src-main/app/lifecycle';
import { readSessionFile, sessionFilesIn } from '../../src-main/app/openFiles';
import { SESSION_FILE } from '@shared/portable/schema';
import { createCore } from '../../src-main/core';
import type { Core } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import { draft, FONTS_DIR } from '../helpers/fixtures';
import { app, dialog, fakeEvent, FakeBrowserWindow, resetFakeElectron } from './fakeElectron';

let dir: string;
let core: Core | undefined;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'stackwise-open-'));
  app.paths.set('userData', dir);
});
afterEach(() => {
  core?.close();
  core = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value as T;
}

/** Starts the app on a real core; `argv` as the system passes it (the executable first). */
async function start(argv: string[] = ['/opt/Stackwise/stackwise']) {
  await runApp({
    mainDir: join(dir, 'out', 'main'),
    devServerUrl: undefined,
    argv,
    env: {},
    platform: 'linux',
    version: '1.0.0',
    createCore: (options) => {
      core = createCore({
        databasePath: join(dir, 'stackwise.sqlite'),
        host: options.host,
        version: options.version,
        fontsDir: FONTS_DIR,
      });
      return core;
    },
  }).started;
  if (!core) throw new Error('no core');
  return core;
}

/** A session file exported by this very app, and the session it came from. */
async function exportedFile(
  running: Core,
  name = 'Acme.stackwise',
): Promise<{ path: string; session: Session }> {
  const session = await value<Session>(dispatch(running.handlers, 'sessions:create', draft()));
  const file = await value<{ text: string }>(
    dispatch(running.handlers, 'portable:export', { sessionId: session.id }),
  );
  const path = join(dir, name);
  writeFileSync(path, file.text);
  return { path, session };
}

async function sessionCount(running: Core): Promise<number> {
  return (await value<{ total: number }>(dispatch(running.handlers, 'sessions:list', {}))).total;
}

const console = () => {
  const window = FakeBrowserWindow.all[0];
  if (!window) throw new Error('no console window');
  return window;
};

describe('which arguments are session files', () => {
  it('only paths ending in .stackwise, or .stackwise.json as earlier versions wrote, never switches', () => {
    expect(
      sessionFilesIn([
        '.',
        '--db',
        'x.sqlite',
        '--flag=a.stackwise',
        '--flag=a.stackwise.json',
        '/home/d/A.Stackwise.JSON',
        'C:\\Users\\d\\B.STACKWISE',
        'b.json',
        'c.stackwise.bak',
        'd.stackwise.json.txt',
      ]),
    ).toEqual(['/home/d/A.Stackwise.JSON', 'C:\\Users\\d\\B.STACKWISE']);
  });
});

describe('opening a session file', () => {
  it('from a second instance: imports it, shows it in the console and says so', async () => {
    const running = await start();
    const { path, session } = await exportedFile(running);
    app.emit('second-instance', fakeEvent(), ['/opt/Stackwise/stackwise', 'Acme.stackwise'], dir);

    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    expect(await sessionCount(running)).toBe(2);
    const [owner, message] = dialog.showMessageBox.mock.calls[0] ?? [];
    expect(owner).toBe(console());
    expect(message).toMatchObject({ type: 'info', message: 'Session imported' });
    expect(JSON.stringify(message)).toContain('“Acme.stackwise” was imported as a copy');
    const opened = console().loaded.at(-1) ?? '';
    expect(opened).toMatch(/^app:\/\/stackwise\/index\.html#\/sessions\//);
    expect(opened).not.toContain(session.id);
    expect(path).toContain(dir);
  });

  it.each(['Acme.stackwise', 'Acme.stackwise.json'])(
    'named on the command line at start (%s): imported once the console is up',
    async (name) => {
      const first = await start();
      const { path } = await exportedFile(first, name);
      first.close();
      core = undefined;
      resetFakeElectron();
      app.paths.set('userData', dir);
      rmSync(join(dir, 'stackwise.sqlite'));

      const running = await start(['/opt/Stackwise/stackwise', path]);
      await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
      expect(await sessionCount(running)).toBe(1);
      expect(JSON.stringify(dialog.showMessageBox.mock.calls[0]?.[1])).toContain(
        `“${name}” was imported as “`,
      );
    },
  );

  it('on macOS, open-file imports it and keeps the system from handling it itself', async () => {
    const running = await start();
    const { path } = await exportedFile(running);
    const event = fakeEvent();
    app.emit('open-file', event, path);
    expect(event.defaultPrevented).toBe(true);
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    expect(await sessionCount(running)).toBe(2);
  });

  it('a file that was changed after export is refused with the reason, and nothing is added', async () => {
    const running = await start();
    const { path } = await exportedFile(running);
    const edited = join(dir, 'Edited.stackwise');
    const file = JSON.parse(readFileSync(path, 'utf8')) as { content: { session: { clientName: string } } };
    file.content.session.clientName = 'Someone Else Ltd';
    writeFileSync(edited, JSON.stringify(file));
    app.emit('open-file', fakeEvent(), edited);
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      type: 'warning',
      message: '“Edited.stackwise” was not imported.',
      detail: expect.stringContaining('checksum') as string,
    });
    expect(await sessionCount(running)).toBe(1);
  });

  it('a missing file is reported, not thrown', async () => {
    await start();
    app.emit('open-file', fakeEvent(), join(dir, 'Gone.stackwise'));
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    expect(dialog.showMessageBox.mock.calls[0]?.[1]).toMatchObject({
      message: '“Gone.stackwise” was not imported.',
      detail: 'It could not be read.',
    });
  });
});

describe('a file that is not a session file at all', () => {
  /** The warning shown for opening `path`. */
  async function refusal(path: string) {
    await start();
    app.emit('open-file', fakeEvent(), path);
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenCalled());
    return dialog.showMessageBox.mock.calls[0]?.[1];
  }

  it('larger than an import takes is refused before it is read', async () => {
    const path = join(dir, 'Huge.stackwise');
    writeFileSync(path, '');
    truncateSync(path, SESSION_FILE.maxBytes + 1);
    expect(await refusal(path)).toMatchObject({
      message: '“Huge.stackwise” was not imported.',
      detail: 'The file is larger than 32 MB.',
    });
  });

  it.runIf(process.platform === 'linux')(
    'larger than it says it is, is read no further than the limit',
    async () => {
      // /proc files report a size of 0 and have content: what was read counts, not what stat said.
      await expect(readSessionFile('/proc/self/status', 16)).rejects.toThrow('The file is larger than');
      await expect(readSessionFile('/proc/self/status', 1024 * 1024)).resolves.toContain('Name:');
    },
  );

  it.runIf(process.platform !== 'win32')('a link to an endless device is refused, not read', async () => {
    const path = join(dir, 'Zero.stackwise');
    symlinkSync('/dev/zero', path);
    expect(await refusal(path)).toMatchObject({
      message: '“Zero.stackwise” was not imported.',
      detail: 'It is not an ordinary file.',
    });
  });

  it.runIf(process.platform !== 'win32')('a named pipe is refused without waiting for a writer', async () => {
    const path = join(dir, 'Pipe.stackwise');
    execFileSync('mkfifo', [path]);
    try {
      expect(await refusal(path)).toMatchObject({ detail: 'It is not an ordinary file.' });
    } finally {
      // Lets a reader stuck in open() go (when the pipe was opened after all).
      try {
        closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
      } catch {
        // No reader: nothing waits on the pipe.
      }
    }
  });
});
