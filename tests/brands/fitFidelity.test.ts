/**
 * The brand form's preview wraps text with `wrapLines`; the PDF wraps with jsPDF. Measured with
 * jsPDF's own widths in DejaVu Sans, both break the same texts at the same words, so the preview's
 * lines (and so its "…") differ from the PDF's only by how a canvas measures the same font.
 */
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { BRAND_TEXT_PLACES, ELLIPSIS, fitLines, wrapLines } from '@shared/brands/fit';
import { loadReportFonts } from '../../src-main/report/fonts';
import { FONTS_DIR } from '../helpers/fixtures';

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
});
