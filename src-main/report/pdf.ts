/**
 * Draws a report model as an A4 PDF with jsPDF, under plain Node: the app's export and
 * `npm run report` both call `renderReportPdf`. Layout rules: every section heading keeps at least
 * a few lines of what follows on its page; paragraphs, lists, tables and charts flow onto new pages
 * (tables repeat their header row and start only where three rows fit); a chart, a sign-off block
 * and a `keepTogether` group stay on one page; a header and a numbered footer go on every page but
 * the cover; each section is an entry in the PDF's outline.
 * The parts live in `pdf/`: the shared canvas and layout, the cover, text blocks, tables, charts,
 * the sign-off block, the running header and footer, and the file's metadata and outline.
 */
import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import type { ReportModel } from '@shared/report/model';
import { copyableArabic } from './arabic';
import type { ReportFonts } from './fonts';
import { Canvas } from './pdf/canvas';
import { drawCover } from './pdf/cover';
import { decoratePages } from './pdf/decorate';
import { FONT } from './pdf/layout';
import { describeDocument } from './pdf/metadata';
import { drawSection, opensPage } from './pdf/sections';

export { niceScale } from './pdf/charts';

export type RenderedReport = {
  bytes: Uint8Array;
  pages: number;
  /** Characters the font cannot draw, shown as boxes. */
  replaced: number;
};

export function renderReportPdf(model: ReportModel, fonts: ReportFonts): RenderedReport {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
  // Arabic is drawn in the report font: no line cut short, ordinary letters when copied (arabic.ts).
  copyableArabic(doc, fonts.covers);
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');
  if (fonts.fallback) {
    const { name, regular, bold } = fonts.fallback;
    doc.addFileToVFS(`${name}.ttf`, regular);
    doc.addFont(`${name}.ttf`, name, 'normal');
    doc.addFileToVFS(`${name}-Bold.ttf`, bold);
    doc.addFont(`${name}-Bold.ttf`, name, 'bold');
  }

  const canvas = new Canvas(doc, model, fonts);
  drawCover(canvas);
  model.sections.forEach((section, i) => {
    const next = model.sections[i + 1];
    drawSection(canvas, section, !next || opensPage(next));
  });
  decoratePages(canvas);

  describeDocument(doc, model);
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
