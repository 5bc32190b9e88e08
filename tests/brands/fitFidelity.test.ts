/**
 * The brand form's preview wraps text with `wrapLines`; the PDF wraps with jsPDF. Measured with
 * jsPDF's own widths in DejaVu Sans, both break the same texts at the same words, so the preview's
 * lines (and so its "…") differ from the PDF's only by how a canvas measures the same font.
 */
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { BRAND_TEXT_PLACES, ELLIPSIS, fitLines, pageFooterLines, wrapLines } from '@shared/brands/fit';
import { buildReport } from '@shared/report/model';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { loadReportFonts } from '../../src-main/report/fonts';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();

const measureAt = (size: number, bold: boolean) => {
  const doc = pdfWith(size, bold);
  return (text: string) => doc.getTextWidth(text);
};

function pdfWith(size: number, bold: boolean): jsPDF {
  const fonts = loadReportFonts(FONTS_DIR);
  const doc = new jsPDF({ unit: 'pt', format: 'a4' });
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', 'DejaVuSans', 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', 'DejaVuSans', 'bold');
  doc.setFont('DejaVuSans', bold ? 'bold' : 'normal');
  doc.setFontSize(size);
  return doc;
}

const TEXTS = [
  'Harbour, Vale & Lindqvist International Technology Advisory Partners LLP',
  'Confidential: prepared for the client’s board and its advisers only; not to be shared, quoted or relied on by anyone else without the written consent of Harbour, Vale & Lindqvist, Leeds and London.',
  'hello@harbourvale.example · +44 20 7946 0321 · harbourvale.example/contact · Leeds · London · Göteborg',
  'Øresund Ελληνικά Москва Consulting Group',
];

describe('the preview’s wrapping', () => {
  for (const [place, box] of Object.entries(BRAND_TEXT_PLACES)) {
    it(`breaks lines where jsPDF does: ${place}`, () => {
      const doc = pdfWith(box.size, box.bold);
      const measure = (text: string) => doc.getTextWidth(text);
      for (const text of TEXTS) {
        expect(wrapLines(text, box.width, measure)).toEqual(doc.splitTextToSize(text, box.width));
      }
    });
  }

  it('ends a cut text within its width, in jsPDF’s measure', () => {
    const box = BRAND_TEXT_PLACES.headerCompany;
    const doc = pdfWith(box.size, box.bold);
    const fitted = fitLines(TEXTS[1] ?? '', box.width, box.lines, (text) => doc.getTextWidth(text));
    expect(fitted.cut).toBe(true);
    expect(fitted.lines[0]?.endsWith(ELLIPSIS)).toBe(true);
    expect(doc.getTextWidth(fitted.lines[0] ?? '')).toBeLessThanOrEqual(box.width);
  });

  it('gives the lines the report prints in its running header and footer', () => {
    const brand = {
      ...DEMO_BRAND,
      logo: null,
      companyName: TEXTS[0] ?? '',
      footerText: TEXTS[1] ?? '',
      contactLine: TEXTS[2] ?? '',
    };
    const model = buildReport({
      session: DEMO_SESSION,
      state: demoWorkshop(),
      brand,
      generatedAt: '2026-03-13T10:00:00.000Z',
      appVersion: '1.2.3',
    });
    const file = savePdf(tempDir(), renderReportPdf(model, loadReportFonts(FONTS_DIR)).bytes);
    const page = (pageTexts(file)[1] ?? '').split('\n').map((line) => line.trim());
    const header = BRAND_TEXT_PLACES.headerCompany;
    const [headerLine = ''] = fitLines(
      brand.companyName,
      header.width,
      1,
      measureAt(header.size, true),
    ).lines;
    expect(headerLine.endsWith(ELLIPSIS)).toBe(true);
    expect(page.some((line) => line.startsWith(headerLine))).toBe(true);
    const foot = pageFooterLines(
      brand.footerText,
      brand.contactLine,
      measureAt(BRAND_TEXT_PLACES.pageFooter.size, false),
    );
    for (const line of [...foot.footerText.lines, ...foot.contactLine.lines]) {
      expect(page.some((printed) => printed.startsWith(line))).toBe(true);
    }
  });
});
