/**
 * Draws a report model as an A4 PDF with jsPDF, under plain Node: the app's export and
 * `npm run report` both call `renderReportPdf`. Layout rules: every section heading keeps at least
 * a few lines of what follows on its page; paragraphs, lists, tables and charts flow onto new pages
 * (tables repeat their header row); a header and a numbered footer go on every page but the cover.
 * The parts live in `pdf/`: the shared canvas and layout, the cover, text blocks, tables, charts,
 * and the running header and footer.
 */
import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import type { ReportModel } from '@shared/report/model';
import type { ReportFonts } from './fonts';
import { Canvas } from './pdf/canvas';
import { drawCover } from './pdf/cover';
import { decoratePages } from './pdf/decorate';
import { FONT } from './pdf/layout';
import { drawSection } from './pdf/sections';

export { niceScale } from './pdf/charts';

export type RenderedReport = {
  bytes: Uint8Array;
  pages: number;
  /** Characters the font cannot draw, shown as boxes. */
  replaced: number;
};

export function renderReportPdf(model: ReportModel, fonts: ReportFonts): RenderedReport {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');

  const canvas = new Canvas(doc, model, fonts);
  drawCover(canvas);
  for (const section of model.sections) drawSection(canvas, section);
  decoratePages(canvas);

  doc.setProperties({
    title: canvas.clean(model.meta.title),
    subject: canvas.clean(model.meta.subject),
    author: canvas.clean(model.meta.author),
    keywords: canvas.clean(model.meta.keywords),
    creator: 'Stackwise',
  });
  doc.setCreationDate(new Date(model.meta.createdAt));
  // The file id comes from the content, so the same session always gives the same file.
  const { createdAt: _createdAt, ...stable } = model.meta;
  const id = createHash('sha256')
    .update(JSON.stringify({ ...model, meta: stable }))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
  doc.setFileId(id);
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  return { bytes, pages: doc.getNumberOfPages(), replaced: canvas.replaced };
}
