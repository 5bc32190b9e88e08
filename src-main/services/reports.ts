/**
 * The PDF report of a session: built from what is saved (session, workshop, chosen brand), drawn
 * by the same code the command line uses, then saved where the user chooses (desktop) or handed to
 * the browser as a download (web host).
 */
import { DEFAULT_BRAND } from '@shared/brands/schema';
import type { ParsedInput } from '@shared/ipc/contract';
import { AppError } from '@shared/ipc/result';
import type { ExportOutcome, ReportSettings } from '@shared/report/contract';
import { buildReport } from '@shared/report/model';
import type { ReportBrand, ReportModel } from '@shared/report/model';
import { initialWorkshopState } from '@shared/workshop';
import type { Db } from '../db/connection';
import { getBrand, getReportSettings, recordExport, setReportBrand } from '../db/reports/brands';
import { getWorkshop } from '../db/workshops/queries';
import { loadReportFonts } from '../report/fonts';
import { renderReportPdf } from '../report/pdf';
import type { RenderedReport } from '../report/pdf';
import type { EventBus } from './eventBus';
import { requireSession, sessionOrThrow } from './lookups';

export type ReportServiceDeps = {
  db: Db;
  events: EventBus;
  now: () => Date;
  version: string;
  fontsDir: string;
  /** Asks where to save and writes the file; null when the user cancels. Hosts without a dialog leave it out. */
  saveFile?: ((fileName: string, bytes: Uint8Array) => Promise<string | null>) | undefined;
  /** Opens a saved report in the system's viewer. */
  openFile?: ((path: string) => Promise<boolean>) | undefined;
};

export type ReportService = ReturnType<typeof createReportService>;

/** Builds and draws a session's report from the database: the one path the app and the CLI share. */
export function renderSessionReport(
  db: Db,
  sessionId: string,
  options: { generatedAt: string; version: string; fontsDir: string },
): { model: ReportModel; pdf: RenderedReport } {
  const session = sessionOrThrow(db, sessionId);
  const state = getWorkshop(db, sessionId)?.state ?? initialWorkshopState();
  const { brandId } = getReportSettings(db, sessionId);
  const stored = brandId ? getBrand(db, brandId) : undefined;
  const brand: ReportBrand = stored ?? DEFAULT_BRAND;
  const model = buildReport({
    session,
    state,
    brand,
    generatedAt: options.generatedAt,
    appVersion: options.version,
  });
  return { model, pdf: renderReportPdf(model, loadReportFonts(options.fontsDir)) };
}

export function createReportService({
  db,
  events,
  now,
  version,
  fontsDir,
  saveFile,
  openFile,
}: ReportServiceDeps) {
  /** Only files this app wrote in this run may be opened on request. */
  const saved = new Set<string>();

  return {
    settings(sessionId: string): ReportSettings {
      requireSession(db, sessionId);
      return getReportSettings(db, sessionId);
    },

    configure({ sessionId, brandId }: ParsedInput<'report:configure'>): ReportSettings {
      requireSession(db, sessionId);
      if (brandId !== null && !getBrand(db, brandId)) {
        throw new AppError('not_found', 'That brand profile no longer exists.', 'brandId');
      }
      setReportBrand(db, sessionId, brandId);
      events.emit('sessions:changed', { id: sessionId });
      return getReportSettings(db, sessionId);
    },

    async export(sessionId: string): Promise<ExportOutcome> {
      const generatedAt = now().toISOString();
      const { model, pdf } = renderSessionReport(db, sessionId, { generatedAt, version, fontsDir });
      const record = () => {
        recordExport(db, sessionId, generatedAt, model.fileName);
        events.emit('sessions:changed', { id: sessionId });
      };
      if (saveFile) {
        const path = await saveFile(model.fileName, pdf.bytes);
        if (path === null) return { outcome: 'cancelled' };
        saved.add(path);
        record();
        return { outcome: 'saved', fileName: model.fileName, path, pages: pdf.pages };
      }
      record();
      return {
        outcome: 'download',
        fileName: model.fileName,
        base64: Buffer.from(pdf.bytes).toString('base64'),
        pages: pdf.pages,
      };
    },

    async open(path: string): Promise<{ opened: boolean }> {
      if (!openFile || !saved.has(path)) return { opened: false };
      return { opened: await openFile(path) };
    },
  };
}
