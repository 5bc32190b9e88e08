/**
 * The report's issue at export, through the production IPC registration: Draft or Final as
 * chosen, version = the session's earlier exports plus one, the reference from
 * `defaultReference`, kept in the export's snapshot so "PDF as it was" is the same file byte for
 * byte; and the check before an export, which names what the PDF would print as □.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_VERSION, ReportIssueSchema } from '@shared/report/contract';
import type { ExportOutcome, ReportCheck, ReportSettings } from '@shared/report/contract';
import { defaultReference } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import type { Snapshot, SnapshotSummary } from '@shared/snapshots/schema';
import { fontsForReport } from '../../src-main/report/cjk';
import { drawable } from '../../src-main/report/fonts';
import { checkCoverage } from '../../src-main/services/reports';
import { useIpcCore } from '../helpers/core';
import { draft, FONTS_DIR, storedSession } from '../helpers/fixtures';
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
    expect(reference).toBe('LODZ-LOGISTICS-CPR-2026-03-12-v2');
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

  it('tells the renderer the issue the export took, with the reference', async () => {
    const s = await start();
    await s.exportPdf();
    const outcome = await ok<ExportOutcome>(
      s.ipc.call('report:export', { sessionId: s.session.id, status: 'final' }),
    );
    expect(outcome).toMatchObject({
      issue: { status: 'final', version: 2, reference: defaultReference({ session: s.session }, 2) },
    });
  });

  it('never prints one version twice when two exports wait in the save dialog at once', async () => {
    const dialogs: Array<{ path: string; answer: (path: string | null) => void }> = [];
    const { ipc } = startCore({
      saveReport: (fileName, bytes) => {
        const path = join(tempDir(), `${dialogs.length}-${fileName}`);
        writeFileSync(path, bytes);
        return new Promise((answer) => dialogs.push({ path, answer }));
      },
    });
    const session = await ok<Session>(ipc.call('sessions:create', draft()));
    const exportAs = (status: 'draft' | 'final') =>
      ok<ExportOutcome>(ipc.call('report:export', { sessionId: session.id, status }));
    // The first dialog stays open while a second export is saved and recorded.
    const first = exportAs('draft');
    await expect.poll(() => dialogs.length).toBe(1);
    const second = exportAs('final');
    await expect.poll(() => dialogs.length).toBe(2);
    dialogs[1]?.answer(dialogs[1].path);
    const secondOutcome = await second;
    dialogs[0]?.answer(dialogs[0].path);
    const firstOutcome = await first;

    expect(secondOutcome).toMatchObject({ outcome: 'saved', issue: { status: 'final', version: 1 } });
    expect(firstOutcome).toMatchObject({ outcome: 'saved', issue: { status: 'draft', version: 2 } });
    const cover = (outcome: ExportOutcome, name: string) => {
      if (outcome.outcome !== 'saved') throw new Error('expected a saved file');
      return pageTexts(savePdf(tempDir(), readFileSync(outcome.path), name))[0] ?? '';
    };
    // The file the first dialog chose was drawn again with the number it took.
    expect(cover(secondOutcome, 'second.pdf')).toContain(defaultReference({ session }, 1));
    const firstCover = cover(firstOutcome, 'first.pdf');
    expect(firstCover).toMatch(/Draft, version 2/);
    expect(firstCover).toContain(defaultReference({ session }, 2));
    const { entries } = await ok<{ entries: Array<{ label: string }> }>(
      ipc.call('history:list', { sessionId: session.id }),
    );
    const labels = entries.map((entry) => entry.label);
    expect(labels).toContainEqual(expect.stringMatching(/, Final, version 1$/));
    expect(labels).toContainEqual(expect.stringMatching(/, Draft, version 2$/));
  });

  it('prints no issue on the PDF of a snapshot saved by hand, which was never issued', async () => {
    const s = await start();
    await s.exportPdf();
    const snapshot = await ok<SnapshotSummary>(
      s.ipc.call('snapshots:create', { sessionId: s.session.id, name: 'After the workshop' }),
    );
    const outcome = await ok<ExportOutcome>(
      s.ipc.call('snapshots:report', { sessionId: s.session.id, snapshotId: snapshot.id }),
    );
    expect(outcome).toMatchObject({ outcome: 'download', issue: null });
    if (outcome.outcome !== 'download') throw new Error('expected a download');
    const cover = s.coverText(Buffer.from(outcome.base64, 'base64'), 'by-hand.pdf');
    expect(cover).toContain('PREPARED FOR');
    expect(cover).not.toMatch(/STATUS|REFERENCE|Draft|version \d/i);
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

describe('the reference', () => {
  const session = (clientName: string, projectName: string) =>
    storedSession({ clientName, projectName, workshopDate: '2026-03-12' });

  it('tells apart two projects of one client on one day', () => {
    const portal = defaultReference({ session: session('Northwind', 'Customer portal rebuild') });
    const warehouse = defaultReference({ session: session('Northwind', 'Warehouse scanning') });
    expect(portal).toBe('NORTHWIND-CPR-2026-03-12-v1');
    expect(warehouse).toBe('NORTHWIND-WS-2026-03-12-v1');
    expect(defaultReference({ session: session('Łódź Café', 'Żabka') }, 12)).toBe(
      'LODZ-CAFE-ZABK-2026-03-12-v12',
    );
    expect(defaultReference({ session: session('北京', '東京') })).toBe('CLIENT-2026-03-12-v1');
  });

  it('is always one the stored issue accepts', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.integer({ min: 1, max: MAX_REPORT_VERSION }),
        (client, project, version) => {
          const reference = defaultReference({ session: session(client, project) }, version);
          expect(ReportIssueSchema.safeParse({ status: 'draft', version, reference }).success).toBe(true);
        },
      ),
    );
  });

  it('keeps a crafted file’s issue off the cover: no line break, direction mark, huge number or other version', () => {
    const issue = (reference: string, version = 3) =>
      ReportIssueSchema.safeParse({ status: 'final', version, reference }).success;
    expect(issue('NORTHWIND-CPR-2026-03-12-v3')).toBe(true);
    expect(issue('NORTHWIND\nPAID IN FULL-v3')).toBe(false);
    expect(issue('NORTHWIND-\u202Egnp-v3')).toBe(false);
    expect(issue('northwind-v3')).toBe(false);
    expect(issue('NORTHWIND-v3 ')).toBe(false);
    expect(issue('NORTHWIND-v4')).toBe(false);
    expect(issue(`${'A'.repeat(90)}-v3`)).toBe(false);
    expect(issue('NORTHWIND-v100000', 100_000)).toBe(false);
    expect(issue('NORTHWIND-v1e308', 1e308)).toBe(false);
    expect(issue('NORTHWIND-v1.5', 1.5)).toBe(false);
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
