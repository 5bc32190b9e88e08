/**
 * The report's issue at export, through the production IPC registration: Draft or Final as
 * chosen, version = the session's earlier exports plus one, the reference from
 * `defaultReference`, kept in the export's snapshot so "PDF as it was" is the same file byte for
 * byte; and the check before an export, which names what the PDF would print as □.
 */
import { describe, expect, it } from 'vitest';
import type { ExportOutcome, ReportCheck, ReportSettings } from '@shared/report/contract';
import { defaultReference } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import type { Snapshot, SnapshotSummary } from '@shared/snapshots/schema';
import { fontsForReport } from '../../src-main/report/cjk';
import { drawable } from '../../src-main/report/fonts';
import { checkCoverage } from '../../src-main/services/reports';
import { useIpcCore } from '../helpers/core';
import { draft, FONTS_DIR } from '../helpers/fixtures';
import { ok } from '../helpers/ipc';
import { pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';
import { applyLatest } from '../helpers/writes';

const tempDir = useTempDir();
const startCore = useIpcCore(tempDir);

async function start() {
  let clock = Date.parse('2026-03-12T09:00:00.000Z');
  const { core, ipc } = startCore({ now: () => new Date((clock += 60_000)) });
  const session = await ok<Session>(ipc.call('sessions:create', draft({ clientName: 'Łódź Logistics' })));
  const exportPdf = async (status?: 'draft' | 'final') => {
    const outcome = await ok<ExportOutcome>(
      ipc.call('report:export', status ? { sessionId: session.id, status } : { sessionId: session.id }),
    );
    if (outcome.outcome !== 'download') throw new Error('expected a download');
    return Buffer.from(outcome.base64, 'base64');
  };
  const coverText = (bytes: Uint8Array, name: string) => pageTexts(savePdf(tempDir(), bytes, name))[0] ?? '';
  const settings = () => ok<ReportSettings>(ipc.call('report:settings', { sessionId: session.id }));
  return { core, ipc, session, exportPdf, coverText, settings };
}

describe('the issue printed at export', () => {
  it('counts the versions, prints Draft or Final and the reference, and keeps them for “PDF as it was”', async () => {
    const s = await start();
    expect((await s.settings()).nextVersion).toBe(1);
    const first = await s.exportPdf();
    const firstCover = s.coverText(first, 'first.pdf');
    expect(firstCover).toMatch(/Draft/);
    expect(firstCover).toMatch(/version 1/i);
    expect(firstCover).toContain(defaultReference({ session: s.session }, 1));
    expect((await s.settings()).nextVersion).toBe(2);

    const second = await s.exportPdf('final');
    const secondCover = s.coverText(second, 'second.pdf');
    expect(secondCover).toMatch(/Final/);
    expect(secondCover).not.toMatch(/Draft/);
    expect(secondCover).toMatch(/version 2/i);
    const reference = defaultReference({ session: s.session }, 2);
    expect(reference).toBe('LODZ-LOGISTICS-2026-03-12-v2');
    expect(secondCover).toContain(reference);

    // The snapshot keeps the issue, and redraws the same file however many exports came after.
    await s.exportPdf();
    const summaries = await ok<SnapshotSummary[]>(s.ipc.call('snapshots:list', { sessionId: s.session.id }));
    const reports = summaries.filter((summary) => summary.kind === 'report');
    expect(reports).toHaveLength(3);
    const stored = s.core.db
      .prepare(`SELECT content FROM snapshots WHERE session_id = ? AND kind = 'report' ORDER BY created_at`)
      .pluck()
      .all(s.session.id) as string[];
    expect(stored.map((content) => (JSON.parse(content) as Snapshot['content']).report?.issue)).toEqual([
      { status: 'draft', version: 1, reference: defaultReference({ session: s.session }, 1) },
      { status: 'final', version: 2, reference },
      { status: 'draft', version: 3, reference: defaultReference({ session: s.session }, 3) },
    ]);
    const secondSnapshot = reports.find(
      (summary) => summary.createdAt === reports.map((r) => r.createdAt).sort()[1],
    );
    const again = await ok<ExportOutcome>(
      s.ipc.call('snapshots:report', { sessionId: s.session.id, snapshotId: secondSnapshot?.id }),
    );
    if (again.outcome !== 'download') throw new Error('expected a download');
    expect(Buffer.from(again.base64, 'base64').equals(second)).toBe(true);

    const { entries } = await ok<{ entries: Array<{ label: string }> }>(
      s.ipc.call('history:list', { sessionId: s.session.id }),
    );
    expect(entries.map((entry) => entry.label)).toContainEqual(expect.stringMatching(/, Final, version 2$/));
  });

  it('refuses a status that is neither Draft nor Final, in the user’s words', async () => {
    const s = await start();
    const result = await s.ipc.call('report:export', { sessionId: s.session.id, status: 'approved' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Choose Draft or Final.' },
    });
    expect((await s.settings()).nextVersion).toBe(1);
  });
});

describe('the check before an export', () => {
  it('lists each character the PDF would print as □, how often and where, and nothing else', async () => {
    const s = await start();
    const check = () => ok<ReportCheck>(s.ipc.call('report:check', { sessionId: s.session.id }));
    expect(await check()).toEqual({ unprintable: [], boxes: 0 });

    await ok(
      applyLatest(s.ipc, s.session.id, {
        type: 'setNotes',
        field: 'notes',
        text: 'Ship it 🚀🚀, café, Ελλάδα',
      }),
    );
    await ok(
      applyLatest(s.ipc, s.session.id, { type: 'addRisk', id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa' }),
    );
    await ok(
      applyLatest(s.ipc, s.session.id, {
        type: 'updateRisk',
        id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
        field: 'risk',
        value: 'Thumbs 👍🏽 only',
      }),
    );
    await ok(
      applyLatest(s.ipc, s.session.id, {
        type: 'updateRisk',
        id: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
        field: 'owner',
        value: '北京 office',
      }),
    );
    const found = await check();
    // Chinese prints in the CJK font and Greek in DejaVu Sans: only the emoji are boxed.
    expect(found.unprintable.map((item) => [item.text, item.codePoints, item.count])).toEqual(
      expect.arrayContaining([
        ['🚀', ['U+1F680'], 2],
        ['👍🏽', ['U+1F44D', 'U+1F3FD'], 1],
      ]),
    );
    expect(found.unprintable).toHaveLength(2);
    expect(found.boxes).toBe(3);
    // Each is placed in a part of the report a person can find.
    for (const item of found.unprintable) expect(item.places.length).toBeGreaterThan(0);
    // The PDF boxes exactly as many: three □ in its text.
    const text = pageTexts(savePdf(tempDir(), await s.exportPdf(), 'emoji.pdf')).join('\n');
    expect([...text].filter((char) => char === '□')).toHaveLength(3);
    expect(text).toContain('北京');
  });
});

describe('the check’s fonts', () => {
  it('cover exactly what the PDF’s fonts cover, for plain, CJK and emoji text', () => {
    const texts = ['Northwind café Ελλάδα', '北京 東京 서울 Northwind', 'Ship 🚀 now 北京', 'ℵ ⌘ ☃ ✓ □'];
    for (const text of texts) {
      const characters = new Set(Array.from(text, (char) => char.codePointAt(0) ?? 0));
      const pdf = drawable(fontsForReport(FONTS_DIR, characters));
      const check = checkCoverage(FONTS_DIR, characters);
      for (const codePoint of characters)
        expect(check(codePoint), `U+${codePoint.toString(16)} in “${text}”`).toBe(pdf(codePoint));
    }
  });
});
