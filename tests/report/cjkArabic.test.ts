/**
 * Arabic in the report (src-main/report/arabic.ts, beside the CJK fallback): jsPDF shapes it into
 * presentation forms; copied out of the PDF it must give the ordinary letters, and a ligature the
 * font lacks (“الله”) must not cut the line short.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { drawableShapes, plainToUnicode } from '../../src-main/report/arabic';
import { fontsForReport } from '../../src-main/report/cjk';
import { loadReportFonts, reportCharacters } from '../../src-main/report/fonts';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const PRESENTATION_FORMS = /[\uFB50-\uFDFF\uFE70-\uFEFF]/;

function arabicReport(): string {
  const session: Session = {
    ...DEMO_SESSION,
    clientName: 'شركة الأمل',
    participants: DEMO_SESSION.participants.map((person, i) =>
      i === 0 ? { ...person, name: 'عبد الله سلام' } : person,
    ),
  };
  const model = buildReport({
    session,
    state: demoWorkshop(),
    brand: DEMO_BRAND,
    generatedAt: '2026-03-13T10:00:00.000Z',
    appVersion: '1.2.3',
  });
  const pdf = renderReportPdf(model, fontsForReport(FONTS_DIR, reportCharacters(model)));
  return pageTexts(savePdf(tempDir(), pdf.bytes, 'arabic.pdf'))
    .join(' ')
    .replace(/[\u200E\u200F\u202A-\u202E]/g, '')
    .replace(/\s+/g, ' ');
}

describe('Arabic copied out of the report', () => {
  const text = arabicReport();

  it('gives the ordinary letters, in reading order, not presentation forms', () => {
    expect(text).toContain('شركة الأمل');
    expect(text).not.toMatch(PRESENTATION_FORMS);
  });

  it('keeps a name with “الله”, a ligature the font lacks, and the words after it', () => {
    expect(text).toContain('عبد الله سلام');
  });
});

describe('the two fixes', () => {
  const covers = loadReportFonts(FONTS_DIR).covers;

  it('replace only forms the font cannot draw, with the letters they stand for', () => {
    // ﷲ (missing) becomes its four joined forms; ﻻ (present) stays.
    expect(drawableShapes('\uFDF2 \uFEFB', covers)).toBe('\uFE8D\uFEDF\uFEE0\uFEEA \uFEFB');
    // Shadda with fatha (missing) becomes the two marks.
    expect(drawableShapes('\uFC60', covers)).toBe('\u064E\u0651');
  });

  it('map presentation forms to letters in the ToUnicode map, a ligature’s letters in visual order', () => {
    const cmap = '2 beginbfchar\n<0012><feb3>\n<0013><fefb>\n<0014><0041>\nendbfchar';
    expect(plainToUnicode(cmap)).toBe(
      '2 beginbfchar\n<0012><0633>\n<0013><06270644>\n<0014><0041>\nendbfchar',
    );
  });
});
