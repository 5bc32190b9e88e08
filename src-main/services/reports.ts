/**
 * The PDF report of a session: built from what is saved (session, workshop, chosen brand), drawn
 * by the same code the command line uses, then saved where the user chooses (desktop) or handed to
 * the browser as a download (web host).
 */
import type { ParsedInput } from '@shared/ipc/contract';
import { AppError } from '@shared/ipc/result';
import { REPORT_STATUS_LABELS } from '@shared/report/contract';
import type { ExportOutcome, ReportCheck, ReportSettings, ReportStatus } from '@shared/report/contract';
import { reportChanges } from '@shared/report/freshness';
import type { ReportFreshness } from '@shared/report/freshness';
import { buildReport, defaultReference } from '@shared/report/model';
import type { ReportIssue, ReportModel } from '@shared/report/model';
import { findUnprintable } from '@shared/report/unprintable';
import type { Db } from '../db/connection';
import { insertEvent, insertSnapshot } from '../db/history/mutations';
import { getSnapshot } from '../db/history/queries';
import { getBrand, getReportSettings, recordExport, setReportBrand } from '../db/reports/brands';
import type { StoredReportSettings } from '../db/reports/brands';
import { refreshListStanding } from '../db/sessions/listColumns';
import { countExports, exportSnapshot } from '../db/reports/exported';
import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CJK_FONT_FILE, fontsForReport } from '../report/cjk';
import { loadReportFonts, readCmap, reportCharacters } from '../report/fonts';
import type { ReportFonts } from '../report/fonts';
import type { RenderedReport } from '../report/pdf';
import { captureSession } from './capture';
import type { SessionMaterial } from './capture';
import type { EventBus } from './eventBus';
import { refuseWhileHidden, requireSession } from './lookups';

export type ReportServiceDeps = {
  db: Db;
  events: EventBus;
  now: () => Date;
  version: string;
  fontsDir: string;
  newId: () => string;
  /** Asks where to save and writes the file; null when the user cancels. Hosts without a dialog leave it out. */
  saveFile?: ((fileName: string, bytes: Uint8Array) => Promise<string | null>) | undefined;
  /** Opens a saved report in the system's viewer. */
  openFile?: ((path: string) => Promise<boolean>) | undefined;
};

export type ReportService = ReturnType<typeof createReportService>;

/**
 * Draws the report of a session's material at a given moment. The PDF renderer (and jsPDF, about
 * 1 MB of code) is imported here, when the first report is drawn, never while the app starts.
 */
export async function drawReport(
  material: SessionMaterial,
  options: DrawOptions,
): Promise<{ model: ReportModel; pdf: RenderedReport }> {
  return (await reportDrawer())(material, options);
}

type Drawn = { model: ReportModel; pdf: RenderedReport };
type Drawer = (material: SessionMaterial, options: DrawOptions) => Drawn;

/** Loads the renderer, then draws synchronously: an export numbers, draws and records with no wait. */
async function reportDrawer(): Promise<Drawer> {
  const { renderReportPdf } = await import('../report/pdf');
  return (material, options) => {
    const model = reportModel(material, options);
    return { model, pdf: renderReportPdf(model, reportFonts(model, options.fontsDir)) };
  };
}

type DrawOptions = {
  generatedAt: string;
  version: string;
  fontsDir: string;
  /**
   * The cover's status, version and reference; left out, the report is a first draft; null, a
   * copy made before reports had an issue, drawn again without one.
   */
  issue?: ReportIssue | null | undefined;
};

function reportModel(material: SessionMaterial, options: DrawOptions): ReportModel {
  return buildReport({
    session: material.session,
    state: material.workshop,
    brand: material.brand,
    generatedAt: options.generatedAt,
    appVersion: options.version,
    ...(options.issue !== undefined ? { issue: options.issue } : {}),
  });
}

/** The fonts the PDF of `model` embeds: one choice, for the drawing and for the check before it. */
function reportFonts(model: ReportModel, fontsDir: string): ReportFonts {
  return fontsForReport(fontsDir, reportCharacters(model));
}

const cjkCoverage = new Map<string, ReadonlySet<number>>();

/**
 * Which characters the PDF of a report with `characters` can draw: exactly what its fonts cover
 * (`fontsForReport`: DejaVu Sans, and the CJK font for what DejaVu lacks), without cutting the CJK
 * subset the drawing needs, which takes a fifth of a second; the CJK font's own map is read once.
 */
export function checkCoverage(
  fontsDir: string,
  characters: ReadonlySet<number>,
): (codePoint: number) => boolean {
  const { covers } = loadReportFonts(fontsDir);
  if ([...characters].every(covers)) return covers;
  let cjk = cjkCoverage.get(fontsDir);
  if (!cjk) {
    const font = readFileSync(join(fontsDir, CJK_FONT_FILE));
    cjk = readCmap(new Uint8Array(font.buffer, font.byteOffset, font.byteLength));
    cjkCoverage.set(fontsDir, cjk);
  }
  const also = cjk;
  return (codePoint) => covers(codePoint) || also.has(codePoint);
}

/** The issue the next export of the session prints: its earlier exports plus one. */
function nextIssue(db: Db, material: SessionMaterial, status: ReportStatus): ReportIssue {
  const version = countExports(db, material.session.id) + 1;
  return { status, version, reference: defaultReference({ session: material.session }, version) };
}

/**
 * Builds and draws a session's report from the database, numbered as its next export would be (a
 * draft unless `status` says otherwise) but not recorded: the one path the app and the CLI share.
 */
export function renderSessionReport(
  db: Db,
  sessionId: string,
  options: Omit<DrawOptions, 'issue'>,
  status: ReportStatus = 'draft',
): Promise<{ model: ReportModel; pdf: RenderedReport }> {
  const material = captureSession(db, sessionId);
  return drawReport(material, { ...options, issue: nextIssue(db, material, status) });
}

export function createReportService({
  db,
  events,
  now,
  newId,
  version,
  fontsDir,
  saveFile,
  openFile,
}: ReportServiceDeps) {
  /** Only files this app wrote in this run may be opened on request. */
  const saved = new Set<string>();

  /** Where the PDF went: a path the save dialog wrote (desktop), or null for a download (web host). */
  const place = async ({ model, pdf }: Drawn): Promise<{ path: string | null } | 'cancelled'> => {
    if (!saveFile) return { path: null };
    const path = await saveFile(model.fileName, pdf.bytes);
    return path === null ? 'cancelled' : { path };
  };

  const outcomeOf = (
    { model, pdf }: Drawn,
    path: string | null,
    issue: ReportIssue | null,
  ): ExportOutcome => {
    if (path !== null) {
      saved.add(path);
      return { outcome: 'saved', fileName: model.fileName, path, pages: pdf.pages, issue };
    }
    return {
      outcome: 'download',
      fileName: model.fileName,
      base64: Buffer.from(pdf.bytes).toString('base64'),
      pages: pdf.pages,
      issue,
    };
  };

  /** The report as the client has it: recorded, and frozen in a snapshot to compare or redo. */
  const record = (
    material: SessionMaterial,
    { model, pdf }: Drawn,
    generatedAt: string,
    issue: ReportIssue,
  ): void => {
    const sessionId = material.session.id;
    db.transaction(() => {
      recordExport(db, sessionId, generatedAt, model.fileName);
      refreshListStanding(db, sessionId);
      insertSnapshot(db, {
        id: newId(),
        sessionId,
        name: `Report exported as “${model.fileName}”`,
        kind: 'report',
        createdAt: generatedAt,
        // The issue is kept so "PDF as it was" draws the same cover, byte for byte.
        content: {
          ...material,
          report: { generatedAt, fileName: model.fileName, appVersion: version, issue },
        },
      });
      insertEvent(db, sessionId, {
        kind: 'report',
        label: `Exported the PDF report “${model.fileName}” (${pdf.pages} pages), ${REPORT_STATUS_LABELS[issue.status]}, version ${issue.version}`,
        createdAt: generatedAt,
      });
    })();
  };

  /**
   * The last export against the session now: what it was made from is the snapshot the export
   * froze, so the answer is exact (an edit taken back leaves the report current) and can name
   * what changed. Read in one transaction, so both sides are of the same moment.
   */
  const freshness = (sessionId: string, stored: StoredReportSettings): ReportFreshness => {
    if (!stored.lastExport) return { state: 'none' };
    const exported = exportSnapshot(db, sessionId, stored.lastExport.at);
    if (!exported) return { state: 'unknown' };
    const changed = reportChanges(exported.content, captureSession(db, sessionId));
    return changed.length === 0 ? { state: 'current' } : { state: 'outdated', changed };
  };

  const withFreshness = (sessionId: string): ReportSettings =>
    db.transaction(() => {
      requireSession(db, sessionId);
      const stored = getReportSettings(db, sessionId);
      const nextVersion = countExports(db, sessionId) + 1;
      return { ...stored, freshness: freshness(sessionId, stored), nextVersion };
    })();

  return {
    settings(sessionId: string): ReportSettings {
      return withFreshness(sessionId);
    },

    configure({ sessionId, brandId }: ParsedInput<'report:configure'>): ReportSettings {
      requireSession(db, sessionId);
      if (brandId !== null && !getBrand(db, brandId)) {
        throw new AppError('not_found', 'That brand profile no longer exists.', 'brandId');
      }
      if (getReportSettings(db, sessionId).brandId !== brandId) {
        db.transaction(() => {
          setReportBrand(db, sessionId, brandId);
          const brand = brandId ? getBrand(db, brandId) : undefined;
          insertEvent(db, sessionId, {
            kind: 'report',
            label: brand
              ? `Chose the brand profile “${brand.profileName}” for the report`
              : 'Chose Stackwise’s default look for the report',
            createdAt: now().toISOString(),
          });
        })();
      }
      events.emit('sessions:changed', { id: sessionId });
      return withFreshness(sessionId);
    },

    /**
     * What the report would print as □ if exported now (emoji and other characters no font of the
     * report has): the model the export would build, judged with the fonts it would embed.
     */
    check(sessionId: string): ReportCheck {
      const material = captureSession(db, sessionId);
      const model = reportModel(material, {
        generatedAt: now().toISOString(),
        version,
        fontsDir,
        issue: nextIssue(db, material, 'draft'),
      });
      return findUnprintable(model, checkCoverage(fontsDir, reportCharacters(model)));
    },

    /**
     * Draws the next version, lets the user save it, then records it. The number is taken when the
     * export is recorded, in the same synchronous step: if another export was recorded while the
     * save dialog was open, the PDF is drawn again with the next free number and written over the
     * file first, so no two exports print the same version and the cover matches the history.
     */
    async export(sessionId: string, status: ReportStatus = 'draft'): Promise<ExportOutcome> {
      const generatedAt = now().toISOString();
      const material = captureSession(db, sessionId);
      refuseWhileHidden(material.workshop, 'the report');
      const draw = await reportDrawer();
      const options = { generatedAt, version, fontsDir };
      let issue = nextIssue(db, material, status);
      let drawn = draw(material, { ...options, issue });
      const placed = await place(drawn);
      // Cancelled in the dialog: nothing recorded, so the number stays free.
      if (placed === 'cancelled') return { outcome: 'cancelled' };
      for (;;) {
        const taken = nextIssue(db, material, status);
        if (taken.version === issue.version) break;
        issue = taken;
        drawn = draw(material, { ...options, issue });
        // A download is handed over after this step; a saved file is written again, then checked again.
        if (placed.path === null) break;
        await writeFile(placed.path, drawn.pdf.bytes);
      }
      record(material, drawn, generatedAt, issue);
      events.emit('sessions:changed', { id: sessionId });
      return outcomeOf(drawn, placed.path, issue);
    },

    /**
     * The report exactly as it was at a snapshot: its material, its moment, its app version, and
     * its cover's issue. A snapshot with none (an export made before reports had one, or a snapshot
     * saved by hand) is drawn without status, version or reference, as such a copy was printed.
     */
    async exportSnapshot(sessionId: string, snapshotId: string): Promise<ExportOutcome> {
      requireSession(db, sessionId);
      const snapshot = getSnapshot(db, sessionId, snapshotId);
      if (!snapshot) throw new AppError('not_found', 'That snapshot no longer exists.', 'snapshotId');
      const { report, ...material } = snapshot.content;
      const issue = report?.issue ?? null;
      const drawn = await drawReport(material, {
        generatedAt: report?.generatedAt ?? snapshot.createdAt,
        version: report?.appVersion ?? version,
        fontsDir,
        issue,
      });
      const placed = await place(drawn);
      return placed === 'cancelled' ? { outcome: 'cancelled' } : outcomeOf(drawn, placed.path, issue);
    },

    async open(path: string): Promise<{ opened: boolean }> {
      if (!openFile || !saved.has(path)) return { opened: false };
      return { opened: await openFile(path) };
    },
  };
}
