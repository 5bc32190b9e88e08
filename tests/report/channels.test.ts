import { describe, expect, it } from 'vitest';
import type { Brand, BrandDraft } from '@shared/brands/schema';
import { inspectImage } from '@shared/brands/image';
import type { ExportOutcome, ReportSettings } from '@shared/report/contract';
import type { Session } from '@shared/sessions/schema';
import type { CoreOptions } from '../../src-main/core';
import { renderSessionReport } from '../../src-main/services/reports';
import { dumpDatabase, useIpcCore } from '../helpers/core';
import { draft, FONTS_DIR } from '../helpers/fixtures';
import { jpegHeader, pngImage } from '../helpers/images';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { imageCount, pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest, stepBackLatest, updateLatest } from '../helpers/writes';

const tempDir = useTempDir();
const NOW = '2026-03-14T08:30:00.000Z';
const startCore = useIpcCore(tempDir);
const start = (options: Partial<CoreOptions> = {}) =>
  startCore({ version: '9.9.9', now: () => new Date(NOW), ...options });

const brandDraft = (overrides: Partial<BrandDraft> = {}): BrandDraft => ({
  profileName: 'Harbour & Vale',
  companyName: 'Harbour & Vale Consulting',
  primaryColor: '#1f4e5f',
  accentColor: '#C9733A',
  contactLine: 'hello@harbourvale.example',
  footerText: 'Confidential',
  disclaimer: '',
  ...overrides,
});

describe('logo files', () => {
  it('are recognised by their bytes, with the size read from the file', () => {
    expect(inspectImage(pngImage(320, 90))).toEqual({ format: 'PNG', width: 320, height: 90 });
    expect(inspectImage(jpegHeader(640, 200))).toEqual({ format: 'JPEG', width: 640, height: 200 });
    expect(inspectImage(Buffer.from('GIF89a....'))).toEqual({
      error: 'The logo must be a PNG or JPEG image.',
    });
    expect(inspectImage(pngImage(10, 10).subarray(0, 20))).toMatchObject({ error: /damaged/ });
    expect(inspectImage(Buffer.from([0xff, 0xd8, 0xff, 0xd9]))).toMatchObject({ error: /damaged/ });
  });
});

describe('brand profiles', () => {
  it('are saved with a validated logo, listed, edited without losing the logo, and deleted', async () => {
    const { ipc } = start();
    const logo = pngImage(320, 90).toString('base64');
    const saved = await ok<Brand>(ipc.call('brands:save', brandDraft({ logo })));
    expect(saved).toMatchObject({ primaryColor: '#1F4E5F', logo: { format: 'PNG', width: 320, height: 90 } });
    const edited = await ok<Brand>(ipc.call('brands:save', brandDraft({ id: saved.id, companyName: 'H&V' })));
    expect(edited).toMatchObject({ companyName: 'H&V', logo: { width: 320 } });
    expect(await ok<Brand[]>(ipc.call('brands:list', {}))).toHaveLength(1);
    const cleared = await ok<Brand>(ipc.call('brands:save', brandDraft({ id: saved.id, logo: null })));
    expect(cleared.logo).toBeNull();
    await ok(ipc.call('brands:delete', { id: saved.id }));
    expect(await ok<Brand[]>(ipc.call('brands:list', {}))).toEqual([]);
  });

  it('refuse a bad logo or colour with a message naming the field, and change nothing', async () => {
    const { core, ipc } = start();
    await ok(ipc.call('brands:save', brandDraft()));
    const before = dumpDatabase(core);
    const cases: Array<[Partial<BrandDraft>, string, RegExp]> = [
      [{ logo: Buffer.from('just some text, not an image').toString('base64') }, 'logo', /PNG or JPEG/],
      [{ logo: Buffer.alloc(600 * 1024).toString('base64') }, 'logo', /512 KB or smaller/],
      [{ logo: pngImage(5000, 20).toString('base64') }, 'logo', /5000 x 20 pixels/],
      [{ logo: 'not base64!' }, 'logo', /base64/],
      [{ primaryColor: 'red' }, 'primaryColor', /colour like #1F4E79/],
      [{ companyName: '' }, 'companyName', /required/],
      [{ footerText: 'two\nlines' }, 'footerText', /line breaks/],
    ];
    for (const [change, field, message] of cases) {
      const result = await ipc.call('brands:save', brandDraft(change));
      if (result.ok) throw new Error(`${field}: the bad value was accepted`);
      expect(result.error.field).toBe(field);
      expect(result.error.message).toMatch(message);
    }
    expect(dumpDatabase(core)).toBe(before);
  });
});

describe('exporting the report', () => {
  async function sessionWithBrand(ipc: FakeIpcMain) {
    const session = await ok<Session>(
      ipc.call('sessions:create', draft({ clientName: 'Øresund Ελληνικά Москва' })),
    );
    const brand = await ok<Brand>(
      ipc.call('brands:save', brandDraft({ logo: pngImage(240, 80).toString('base64') })),
    );
    const settings = await ok<ReportSettings>(
      ipc.call('report:configure', { sessionId: session.id, brandId: brand.id }),
    );
    expect(settings.brandId).toBe(brand.id);
    return { session, brand };
  }

  it('hands the web host a download identical to the command line’s file, and records it', async () => {
    const { core, ipc } = start();
    const { session } = await sessionWithBrand(ipc);
    const options = { generatedAt: NOW, version: '9.9.9', fontsDir: FONTS_DIR };
    // The command line draws the report as the next export will be numbered, without recording it.
    const cli = await renderSessionReport(core.db, session.id, options);
    const outcome = await ok<ExportOutcome>(ipc.call('report:export', { sessionId: session.id }));
    if (outcome.outcome !== 'download') throw new Error(`expected a download, got ${outcome.outcome}`);
    expect(outcome.fileName).toBe('Øresund Ελληνικά Москва - Customer portal rebuild - 2026-03-14.pdf');
    const bytes = Buffer.from(outcome.base64, 'base64');
    expect(Buffer.from(cli.pdf.bytes).equals(bytes)).toBe(true);
    const next = await renderSessionReport(core.db, session.id, options, 'final');
    const nextText = pageTexts(savePdf(tempDir(), next.pdf.bytes, 'next.pdf')).join(' ');
    expect(nextText).toMatch(/Final, version 2/i);

    const file = savePdf(tempDir(), bytes);
    expect(imageCount(file)).toBe(1);
    const text = pageTexts(file).join(' ');
    expect(text).toContain('Øresund Ελληνικά Москва');
    expect(text).toContain('Harbour & Vale Consulting');
    const settings = await ok<ReportSettings>(ipc.call('report:settings', { sessionId: session.id }));
    expect(settings.lastExport).toEqual({ at: NOW, fileName: outcome.fileName });
  });

  it('differs only in its creation time when made at another moment', async () => {
    const { core, ipc } = start();
    const { session } = await sessionWithBrand(ipc);
    const options = { version: '9.9.9', fontsDir: FONTS_DIR };
    const a = await renderSessionReport(core.db, session.id, { ...options, generatedAt: NOW });
    const b = await renderSessionReport(core.db, session.id, {
      ...options,
      generatedAt: '2026-03-14T09:45:00.000Z',
    });
    expect(b.pdf.bytes.length).toBe(a.pdf.bytes.length);
    const differing = [...a.pdf.bytes].flatMap((byte, i) => (byte === b.pdf.bytes[i] ? [] : [i]));
    const around = Buffer.from(
      a.pdf.bytes.subarray((differing[0] ?? 0) - 40, (differing.at(-1) ?? 0) + 10),
    ).toString('latin1');
    expect(around).toContain('/CreationDate');
  });

  it('saves through the desktop dialog, and opens only files it saved', async () => {
    const written: Array<[string, number]> = [];
    const opened: string[] = [];
    let answer: string | null = '/home/dana/Reports/northwind.pdf';
    const { ipc } = start({
      saveReport: (fileName, bytes) => {
        written.push([fileName, bytes.length]);
        return Promise.resolve(answer);
      },
      openReport: (path) => {
        opened.push(path);
        return Promise.resolve(true);
      },
    });
    const { session } = await sessionWithBrand(ipc);
    const saved = await ok<ExportOutcome>(ipc.call('report:export', { sessionId: session.id }));
    expect(saved).toMatchObject({ outcome: 'saved', path: '/home/dana/Reports/northwind.pdf' });
    expect(written[0]?.[1]).toBeGreaterThan(10_000);
    expect(await ok(ipc.call('report:open', { path: '/home/dana/Reports/northwind.pdf' }))).toEqual({
      opened: true,
    });
    expect(await ok(ipc.call('report:open', { path: '/etc/passwd' }))).toEqual({ opened: false });
    expect(opened).toEqual(['/home/dana/Reports/northwind.pdf']);

    answer = null;
    expect(await ok(ipc.call('report:export', { sessionId: session.id }))).toEqual({ outcome: 'cancelled' });
  });

  it('falls back to the default look when the chosen brand is deleted', async () => {
    const { ipc } = start();
    const { session, brand } = await sessionWithBrand(ipc);
    await ok(ipc.call('brands:delete', { id: brand.id }));
    const settings = await ok<ReportSettings>(ipc.call('report:settings', { sessionId: session.id }));
    expect(settings.brandId).toBeNull();
    const outcome = await ok<ExportOutcome>(ipc.call('report:export', { sessionId: session.id }));
    if (outcome.outcome !== 'download') throw new Error('expected a download');
    const file = savePdf(tempDir(), Buffer.from(outcome.base64, 'base64'));
    expect(pageTexts(file)[1]).toContain('Prepared with Stackwise');
  });
});

describe('the session list', () => {
  it('shows each session’s status, current leader and last report, and filters by status and client', async () => {
    const { ipc } = start();
    const create = (clientName: string) => ok<Session>(ipc.call('sessions:create', draft({ clientName })));
    const draftOnly = await create('Łódź Transit');
    const weighing = await create('Northwind');
    const recommended = await create('Northwind');
    const reported = await create('Øresund Ferries');
    const apply = (sessionId: string, action: unknown) => ok(applyLatest(ipc, sessionId, action));
    await apply(weighing.id, { type: 'setAnswer', question: 'team', value: 'python' });
    await apply(recommended.id, { type: 'setAnswer', question: 'workload', value: 'io-realtime' });
    await apply(recommended.id, { type: 'setStep', step: 'recommendation' });
    await apply(reported.id, { type: 'setAnswer', question: 'team', value: 'python' });
    // A leader is named only once a vote counts: one voter in each session takes the suggestion.
    for (const session of [weighing, recommended, reported]) {
      await apply(session.id, { type: 'castVote', participantId: session.participants[0]?.id });
    }
    await ok(ipc.call('report:export', { sessionId: reported.id }));

    type Row = { id: string; status: string; leader: string | null; lastReportAt: string | null };
    const list = async (query: object) =>
      (await ok<{ sessions: Row[] }>(ipc.call('sessions:list', query))).sessions;
    const byId = new Map((await list({})).map((row) => [row.id, row]));
    expect(byId.get(draftOnly.id)).toMatchObject({ status: 'draft', leader: null, lastReportAt: null });
    expect(byId.get(weighing.id)).toMatchObject({ status: 'workshop', leader: 'Django' });
    expect(byId.get(recommended.id)).toMatchObject({ status: 'recommended', leader: 'Node.js' });
    expect(byId.get(reported.id)).toMatchObject({ status: 'reported', leader: 'Django', lastReportAt: NOW });

    expect((await list({ status: 'recommended' })).map((r) => r.id)).toEqual([recommended.id]);
    expect((await list({ client: 'northwind' })).map((r) => r.id).sort()).toEqual(
      [weighing.id, recommended.id].sort(),
    );
    expect((await list({ client: 'lodz transit' })).map((r) => r.id)).toEqual([draftOnly.id]);
    expect(await list({ client: 'Northwind', status: 'draft' })).toEqual([]);
    expect(await ok(ipc.call('sessions:clients', {}))).toEqual([
      'Łódź Transit',
      'Northwind',
      'Øresund Ferries',
    ]);
  });
});

describe('the last report’s freshness', () => {
  it('says when the session changed after the last export, what changed, and clears on export', async () => {
    let clock = Date.parse(NOW);
    const { ipc } = start({ now: () => new Date((clock += 60_000)) });
    const session = await ok<Session>(ipc.call('sessions:create', draft()));
    const sessionId = session.id;
    const priya = session.participants[0]?.id ?? '';
    const freshness = async () =>
      (await ok<ReportSettings>(ipc.call('report:settings', { sessionId }))).freshness;
    const apply = (action: unknown) => ok(applyLatest(ipc, sessionId, action));
    const exportReport = () => ok(ipc.call('report:export', { sessionId }));

    expect(await freshness()).toEqual({ state: 'none' });
    await apply({ type: 'setDirect', participantId: priya, criterionId: 'security', value: 8 });
    await exportReport();
    expect(await freshness()).toEqual({ state: 'current' });

    // Moving between steps is not a change of the report.
    await apply({ type: 'setStep', step: 'recommendation' });
    expect(await freshness()).toEqual({ state: 'current' });

    await apply({ type: 'setDirect', participantId: priya, criterionId: 'security', value: 2 });
    expect(await freshness()).toEqual({ state: 'outdated', changed: ['weights'] });
    // Taken back, the report says what the session says again.
    await ok(stepBackLatest(ipc, 'workshop:undo', sessionId));
    expect(await freshness()).toEqual({ state: 'current' });

    const brand = await ok<Brand>(ipc.call('brands:save', brandDraft()));
    const configured = await ok<ReportSettings>(
      ipc.call('report:configure', { sessionId, brandId: brand.id }),
    );
    expect(configured.freshness).toEqual({ state: 'outdated', changed: ['brand'] });
    await exportReport();
    expect(await freshness()).toEqual({ state: 'current' });
    // Editing the brand profile itself outdates the reports that use it.
    await ok(ipc.call('brands:save', brandDraft({ id: brand.id, footerText: 'Strictly confidential' })));
    await ok(updateLatest(ipc, sessionId, { projectName: 'Portal' }));
    expect(await freshness()).toEqual({ state: 'outdated', changed: ['details', 'brand'] });
    await exportReport();
    expect(await freshness()).toEqual({ state: 'current' });
  });

  it('says nothing either way about an export this version did not keep', async () => {
    const { core, ipc } = start();
    const session = await ok<Session>(ipc.call('sessions:create', draft()));
    await ok(ipc.call('report:export', { sessionId: session.id }));
    // As a database from before exports were kept as snapshots.
    core.db.prepare("DELETE FROM snapshots WHERE kind = 'report'").run();
    const settings = await ok<ReportSettings>(ipc.call('report:settings', { sessionId: session.id }));
    expect(settings.freshness).toEqual({ state: 'unknown' });
    expect(settings.lastExport).not.toBeNull();
  });
});
