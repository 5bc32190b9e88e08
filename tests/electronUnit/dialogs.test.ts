/**
 * The save dialog for an exported report (owned by the focused window, in Documents, PDF only;
 * nothing written when cancelled) and opening the saved file, against a fake `electron`.
 */
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./fakeElectron')).electronModule);

import type { BrowserWindow } from 'electron';
import { openReportFile, saveReportFile } from '../../src-main/app/dialogs';
import { dialog, FakeBrowserWindow, resetFakeElectron, shell } from './fakeElectron';

const bytes = new TextEncoder().encode('%PDF-1.7 test');
let dir: string;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'stackwise-dialogs-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('saving the report', () => {
  it('asks where, in Documents, for a PDF, owned by the window that asked, and writes the bytes there', async () => {
    const window = new FakeBrowserWindow({});
    const target = join(dir, 'Acme report.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const saved = await saveReportFile(() => window as unknown as BrowserWindow, 'Acme report.pdf', bytes);
    expect(saved).toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 test');
    expect(dialog.showSaveDialog).toHaveBeenCalledWith(window, {
      title: 'Save the recommendation report',
      defaultPath: join('/fake/Documents', 'Acme report.pdf'),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
  });

  it('with no window, the dialog has no owner', async () => {
    await saveReportFile(() => undefined, 'r.pdf', bytes);
    expect(dialog.showSaveDialog.mock.calls[0]).toHaveLength(1);
  });

  it('cancelled, nothing is written and the answer is null', async () => {
    const target = join(dir, 'never.pdf');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: target });
    expect(await saveReportFile(() => undefined, 'never.pdf', bytes)).toBeNull();
    expect(existsSync(target)).toBe(false);
  });
});

describe('opening the saved report', () => {
  it('opens it with the system viewer and says whether one could', async () => {
    expect(await openReportFile('/docs/r.pdf')).toBe(true);
    expect(shell.openPath).toHaveBeenCalledWith('/docs/r.pdf');
    shell.openPath.mockResolvedValueOnce('No application is associated with this file.');
    expect(await openReportFile('/docs/r.pdf')).toBe(false);
  });
});
