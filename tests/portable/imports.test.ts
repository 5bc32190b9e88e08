/**
 * Bringing a session file in, as the renderer does (through the production IPC registration):
 * a second import is a copy that says so, the report's brand profile is found again when this
 * computer has one with the same content, and a file built to exhaust the parser is refused
 * like any other bad file.
 */
import { describe, expect, it } from 'vitest';
import type { Brand } from '@shared/brands/schema';
import type { HistoryEntry } from '@shared/history/contract';
import { SESSION_FILE } from '@shared/portable/schema';
import type { ReportSettings } from '@shared/report/contract';
import type { Session, SessionSummary } from '@shared/sessions/schema';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft } from '../helpers/fixtures';
import { pngImage } from '../helpers/images';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const start = useIpcCore(tempDir);

type TextFile = { fileName: string; text: string };
type Imported = {
  session: Session;
  copy: boolean;
  brand: { profileName: string; reconnected: boolean } | null;
};

const BRAND = {
  profileName: 'Harbour & Vale',
  companyName: 'Harbour & Vale Consulting',
  primaryColor: '#1F4E79',
  accentColor: '#C9733A',
  contactLine: 'hello@harbourvale.example',
  footerText: 'Confidential',
  disclaimer: 'Advice, not a guarantee.',
  logo: pngImage(64, 32).toString('base64'),
};

async function exported(ipc: FakeIpcMain, brand?: typeof BRAND): Promise<string> {
  const session = await ok<Session>(ipc.call('sessions:create', draft()));
  if (brand) {
    const saved = await ok<Brand>(ipc.call('brands:save', brand));
    await ok(ipc.call('report:configure', { sessionId: session.id, brandId: saved.id }));
  }
  return (await ok<TextFile>(ipc.call('portable:export', { sessionId: session.id }))).text;
}

const importText = (ipc: FakeIpcMain, text: string) => ok<Imported>(ipc.call('portable:import', { text }));

describe('importing the same file again', () => {
  it('makes a distinct copy whose name says it is one', async () => {
    const text = await exported(start().ipc);
    const { ipc } = start();
    const first = await importText(ipc, text);
    expect(first.copy).toBe(false);
    expect(first.session.projectName).toBe('Customer portal rebuild');

    const second = await importText(ipc, text);
    expect(second.copy).toBe(true);
    expect(second.session.id).not.toBe(first.session.id);
    expect(second.session.projectName).toBe('Customer portal rebuild (imported copy)');
    const third = await importText(ipc, text);
    expect(third.session.projectName).toBe('Customer portal rebuild (imported copy 2)');

    const list = (await ok<{ sessions: SessionSummary[] }>(ipc.call('sessions:list', {}))).sessions;
    expect(list.map((s) => s.projectName).sort()).toEqual([
      'Customer portal rebuild',
      'Customer portal rebuild (imported copy 2)',
      'Customer portal rebuild (imported copy)',
    ]);
    const { entries } = await ok<{ entries: HistoryEntry[] }>(
      ipc.call('history:list', { sessionId: second.session.id }),
    );
    expect(entries[0]?.label).toMatch(/as a copy/);
  });

  it('keeps a long project name within its limit when marking the copy', async () => {
    const long = 'P'.repeat(160);
    const { ipc } = start();
    const session = await ok<Session>(ipc.call('sessions:create', draft({ projectName: long })));
    const { text } = await ok<TextFile>(ipc.call('portable:export', { sessionId: session.id }));
    const copy = await importText(ipc, text);
    expect(copy.session.projectName).toHaveLength(160);
    expect(copy.session.projectName).toMatch(/ \(imported copy\)$/);
  });
});

describe('an imported session’s brand profile', () => {
  it('is reconnected when a profile with the same content is here, whatever it is called', async () => {
    const text = await exported(start().ipc, BRAND);
    const { ipc } = start();
    await ok(ipc.call('brands:save', { ...BRAND, primaryColor: '#000000', profileName: 'Look-alike' }));
    const same = await ok<Brand>(ipc.call('brands:save', { ...BRAND, profileName: 'H&V (ours)' }));
    const imported = await importText(ipc, text);
    expect(imported.brand).toEqual({ profileName: 'Harbour & Vale', reconnected: true });
    const settings = await ok<ReportSettings>(
      ipc.call('report:settings', { sessionId: imported.session.id }),
    );
    expect(settings.brandId).toBe(same.id);
  });

  it('is reconnected for a copy imported on the computer it came from', async () => {
    const { ipc } = start();
    const text = await exported(ipc, BRAND);
    const [brand] = await ok<Brand[]>(ipc.call('brands:list', {}));
    const copy = await importText(ipc, text);
    expect(copy.copy).toBe(true);
    const settings = await ok<ReportSettings>(ipc.call('report:settings', { sessionId: copy.session.id }));
    expect(settings.brandId).toBe(brand?.id);
  });

  it('is named but not connected when no profile here has the same content', async () => {
    const text = await exported(start().ipc, BRAND);
    const { ipc } = start();
    await ok(ipc.call('brands:save', { ...BRAND, logo: pngImage(64, 32, [0, 0, 0]).toString('base64') }));
    const imported = await importText(ipc, text);
    expect(imported.brand).toEqual({ profileName: 'Harbour & Vale', reconnected: false });
    const settings = await ok<ReportSettings>(
      ipc.call('report:settings', { sessionId: imported.session.id }),
    );
    expect(settings.brandId).toBeNull();
  });

  it('is not reconnected to a profile that differs only in the client’s logo', async () => {
    const text = await exported(start().ipc, BRAND);
    const { ipc } = start();
    const clientLogo = pngImage(64, 32, [180, 40, 40]).toString('base64');
    await ok(ipc.call('brands:save', { ...BRAND, clientLogo }));
    const imported = await importText(ipc, text);
    expect(imported.brand).toEqual({ profileName: 'Harbour & Vale', reconnected: false });
  });
});

describe('a deeply nested file', () => {
  const header = `{"format":"stackwise-session","version":2,"checksum":"${'0'.repeat(64)}","content":`;
  const arrays = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
  const objects = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

  it.each([
    ['10,000 arrays deep in its content', `${header}${arrays(10_000)}}`],
    ['10,000 objects deep in its content', `${header}${objects(10_000)}}`],
    ['100,000 arrays deep, with no header at all', arrays(100_000)],
    ['just within the nesting limit', `${header}${arrays(SESSION_FILE.maxNesting - 1)}}`],
  ])('gets a typed refusal, not an internal error: %s', async (_name, text) => {
    const { core, ipc } = start();
    const before = dumpDatabase(core);
    const result = await ipc.call('portable:import', { text });
    if (result.ok) throw new Error('a nested file was imported');
    expect(['invalid_input', 'too_large']).toContain(result.error.code);
    expect(result.error.field).toBe('text');
    expect(result.error.message).not.toMatch(/internal|went wrong|call stack|RangeError/i);
    expect(dumpDatabase(core)).toBe(before);
  });

  it('says plainly why one past the limit is refused', async () => {
    const { ipc } = start();
    const result = await ipc.call('portable:import', { text: `${header}${arrays(10_000)}}` });
    if (result.ok) throw new Error('a nested file was imported');
    expect(result.error.message).toMatch(/nested too deeply/);
  });

  it('still imports a real file, whose nesting is far below the limit', async () => {
    const text = await exported(start().ipc, BRAND);
    await importText(start().ipc, text);
  });
});
