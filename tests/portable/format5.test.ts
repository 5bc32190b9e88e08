/**
 * A real format-5 session file, written by the app at commit 26dfba7 (before the report's rows,
 * issue and client logo): a workshop with free-text risks and next steps but no rows, two report
 * exports whose snapshots have no issue, and a brand profile with one logo. It must still open,
 * its old exports must be redrawn as they were printed (no status, version or reference on the
 * cover), and the session must export again, as a PDF and as a file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Brand, BrandFields, Logo } from '@shared/brands/schema';
import type { ExportOutcome, ReportSettings } from '@shared/report/contract';
import { defaultReference } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import type { SnapshotSummary } from '@shared/snapshots/schema';
import type { WorkshopState } from '@shared/workshop';
import { useIpcCore } from '../helpers/core';
import { ok } from '../helpers/ipc';
import type { FakeIpcMain } from '../helpers/ipc';
import { pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const start = useIpcCore(tempDir);

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures', 'format5-26dfba7.stackwise.json'), 'utf8');

/** The brand profile the file carries, as 26dfba7 wrote it. */
const BRAND = (JSON.parse(FIXTURE) as { content: { brand: BrandFields & { logo: Logo } } }).content.brand;

type Imported = {
  session: Session;
  copy: boolean;
  brand: { profileName: string; reconnected: boolean } | null;
};

async function imported(ipc: FakeIpcMain) {
  const result = await ok<Imported>(ipc.call('portable:import', { text: FIXTURE }));
  const sessionId = result.session.id;
  const workshop = async () =>
    (await ok<{ state: WorkshopState }>(ipc.call('workshop:get', { sessionId }))).state;
  const snapshots = () => ok<SnapshotSummary[]>(ipc.call('snapshots:list', { sessionId }));
  return { ...result, sessionId, workshop, snapshots };
}

function pdfOf(outcome: ExportOutcome, name: string): string[] {
  if (outcome.outcome !== 'download') throw new Error('expected a download');
  return pageTexts(savePdf(tempDir(), Buffer.from(outcome.base64, 'base64'), name));
}

describe('a format-5 session file made before rows, issues and client logos', () => {
  it('is the file it claims to be', () => {
    const file = JSON.parse(FIXTURE) as {
      version: number;
      content: {
        workshop: { state: { notes: object } };
        snapshots: Array<{ content: { report: object | null; brand: object } }>;
        brand: object;
      };
    };
    expect(file.version).toBe(5);
    expect(file.content.workshop.state.notes).not.toHaveProperty('riskRows');
    expect(file.content.snapshots).toHaveLength(2);
    for (const snapshot of file.content.snapshots) {
      expect(snapshot.content.report).not.toHaveProperty('issue');
      expect(snapshot.content.brand).not.toHaveProperty('clientLogo');
    }
    expect(file.content.brand).not.toHaveProperty('clientLogo');
  });

  it('opens: the workshop with its notes and no rows, the snapshots, the brand with one logo', async () => {
    const { ipc } = start();
    // The same profile saved here today (no client logo) is the file's brand: it is found again.
    const same = await ok<Brand>(ipc.call('brands:save', { ...BRAND, logo: BRAND.logo.base64 }));
    const session = await imported(ipc);
    expect(session.session.projectName).toBe('Customer portal rebuild');
    expect(session.brand).toEqual({ profileName: 'Harbour & Vale', reconnected: true });
    const settings = await ok<ReportSettings>(ipc.call('report:settings', { sessionId: session.sessionId }));
    expect(settings.brandId).toBe(same.id);

    const state = await session.workshop();
    expect(state.notes.riskRows).toEqual([]);
    expect(state.notes.actionRows).toEqual([]);
    expect(state.notes.risks).toBe('The team has not run Django in production.');
    expect(state.notes.nextSteps).toBe('Marek drafts the rollout plan by Friday.');

    const reports = (await session.snapshots()).filter((snapshot) => snapshot.kind === 'report');
    expect(reports).toHaveLength(2);
    // Each old snapshot can be compared with now and restored.
    const [older] = [...reports].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (!older) throw new Error('no snapshot');
    const compared = await ok<{ from: object }>(
      ipc.call('snapshots:compare', { sessionId: session.sessionId, from: older.id, to: 'now' }),
    );
    expect(compared.from).toBeDefined();
    await ok(ipc.call('snapshots:restore', { sessionId: session.sessionId, snapshotId: older.id }));
    expect((await session.workshop()).notes.notes).toBe('');
  });

  it('redraws each old export as it was printed: no status, version, date or reference on the cover', async () => {
    const { ipc } = start();
    const session = await imported(ipc);
    const reports = (await session.snapshots()).filter((snapshot) => snapshot.kind === 'report');
    for (const [i, snapshot] of reports.entries()) {
      const outcome = await ok<ExportOutcome>(
        ipc.call('snapshots:report', { sessionId: session.sessionId, snapshotId: snapshot.id }),
      );
      expect(outcome).toMatchObject({ issue: null });
      const [cover = '', ...rest] = pdfOf(outcome, `old-${i}.pdf`);
      // What the export of 26dfba7 printed on its cover.
      for (const fact of ['PREPARED FOR', 'WORKSHOP', 'FACILITATOR', 'PREPARED BY', 'Northwind Logistics']) {
        expect(cover).toContain(fact);
      }
      expect(cover).not.toMatch(/STATUS|REFERENCE|Draft|Final|version \d|-v\d/i);
      // The snapshot's brand, one logo and no client's, still draws the header.
      expect(rest.join('\n')).toContain('Harbour & Vale Consulting');
      expect(rest.join('\n')).toContain('Django');
    }
  });

  it('exports again: a new PDF numbered after the two exports it brought, and a session file', async () => {
    const { ipc } = start();
    const session = await imported(ipc);
    const outcome = await ok<ExportOutcome>(
      ipc.call('report:export', { sessionId: session.sessionId, status: 'final' }),
    );
    const reference = defaultReference({ session: session.session }, 3);
    expect(outcome).toMatchObject({ issue: { status: 'final', version: 3, reference } });
    const [cover = ''] = pdfOf(outcome, 'again.pdf');
    expect(cover).toMatch(/Final, version 3/);
    expect(cover).toContain(reference);

    const file = await ok<{ text: string }>(ipc.call('portable:export', { sessionId: session.sessionId }));
    const other = start();
    const again = await ok<Imported>(other.ipc.call('portable:import', { text: file.text }));
    const list = await ok<SnapshotSummary[]>(
      other.ipc.call('snapshots:list', { sessionId: again.session.id }),
    );
    expect(list.filter((snapshot) => snapshot.kind === 'report')).toHaveLength(3);
  });
});
