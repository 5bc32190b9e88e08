import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { buildReport } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { CJK_FONT_FILE, fontRuns, fontsForReport } from '../../src-main/report/cjk';
import { subsetFontFile } from '../../src-main/report/cjkSubset';
import { drawHeavier, wrapText } from '../../src-main/report/cjkText';
import { drawable, loadReportFonts, readCmap, reportCharacters } from '../../src-main/report/fonts';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pageTexts, savePdf, wordBoxes } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const AT = '2026-03-13T10:00:00.000Z';
/** Chinese (simplified and traditional), Japanese (kanji, hiragana, katakana) and Korean names. */
const NAMES = ['王小明', '山田さくら', '김민준', '陳淑芬', 'カタカナ・ミキ', '이서연'];

function cjkSession(): Session {
  return {
    ...DEMO_SESSION,
    clientName: '株式会社 東京ロジスティクス',
    projectName: '고객 포털 (Customer portal)',
    facilitator: '陳淑芬',
    description: 'The sponsors are カタカナ・ミキ and 이서연; the portal serves Tokyo, Seoul and Taipei.',
    participants: DEMO_SESSION.participants.map((person, i) => ({
      ...person,
      name: NAMES[i] ?? person.name,
    })),
  };
}

function report(session: Session) {
  const model = buildReport({
    session,
    state: demoWorkshop(),
    brand: DEMO_BRAND,
    generatedAt: AT,
    appVersion: '1.2.3',
  });
  const fonts = fontsForReport(FONTS_DIR, reportCharacters(model));
  return { model, fonts, pdf: renderReportPdf(model, fonts) };
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('a report with Chinese, Japanese and Korean names', () => {
  const { fonts, pdf } = report(cjkSession());
  const file = savePdf(tempDir(), pdf.bytes, 'cjk.pdf');
  const text = flat(pageTexts(file).join(' '));
  const boxes = wordBoxes(file);

  it('prints every name, the client and the project, with nothing shown as a box', () => {
    expect(fonts.fallback?.name).toBe('WenQuanYiMicroHei');
    for (const name of NAMES) expect(text).toContain(name);
    expect(text).toContain('株式会社 東京ロジスティクス');
    expect(text).toContain('고객 포털 (Customer portal)');
    expect(pdf.replaced).toBe(0);
    expect(text).not.toContain('□');
  });

  it('embeds a subset of a few kilobytes, not the 4.6 MB font', () => {
    const subset = Buffer.from(fonts.fallback?.regular ?? '', 'base64');
    expect(subset.length).toBeGreaterThan(0);
    expect(subset.length).toBeLessThan(64 * 1024);
    expect(pdf.bytes.length - report(DEMO_SESSION).pdf.bytes.length).toBeLessThan(64 * 1024);
  });

  it('the fallback covers the names’ characters and the Latin text beside them', () => {
    const covers = fonts.fallback?.covers ?? (() => false);
    for (const char of [...NAMES.join(''), 'C', 'p', '(', '’']) {
      expect(covers(char.codePointAt(0) ?? 0), char).toBe(true);
    }
    expect(drawable(fonts)('王'.codePointAt(0) ?? 0)).toBe(true);
  });

  it('keeps every word inside the page’s margins, CJK lines and the lines after them alike', () => {
    // A4 is 595.28 points wide; the text area ends 56 points from the right edge.
    for (const [page, words] of boxes.entries()) {
      for (const word of words) {
        expect(word.xMax, `“${word.text}” on page ${page + 1}`).toBeLessThanOrEqual(595.28 - 56 + 1);
      }
    }
  });

  it('draws the same file every time (a report snapshot redraws byte for byte)', () => {
    expect(Buffer.from(report(cjkSession()).pdf.bytes).equals(Buffer.from(pdf.bytes))).toBe(true);
  });
});

describe('a report without Chinese, Japanese or Korean', () => {
  it('gets the report font alone, without reading the CJK font', () => {
    const { model, fonts } = report(DEMO_SESSION);
    expect(fonts.fallback).toBeUndefined();
    expect(fonts).toBe(loadReportFonts(FONTS_DIR));
    // A folder without the CJK font serves it as well: the CJK font is never opened.
    const dir = tempDir();
    for (const name of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'])
      copyFileSync(join(FONTS_DIR, name), join(dir, name));
    expect(fontsForReport(dir, reportCharacters(model)).fallback).toBeUndefined();
    expect(reportCharacters(model).has('王'.codePointAt(0) ?? 0)).toBe(false);
  });

  it('gets no fallback for emoji, which neither font draws', () => {
    const fonts = fontsForReport(FONTS_DIR, new Set([0x1f600, 0x2705, 0x41]));
    expect(fonts.fallback).toBeUndefined();
  });
});

describe('the subsetter', () => {
  it('keeps exactly the characters asked for that the font has', () => {
    const subset = subsetFontFile(
      join(FONTS_DIR, CJK_FONT_FILE),
      [...'王김さA'].map((c) => c.codePointAt(0) ?? 0).concat(0x1f600),
    );
    expect(subset).not.toBeNull();
    const kept = readCmap(subset ?? new Uint8Array());
    expect([...kept].sort((a, b) => a - b)).toEqual(
      [...'A王김さ'].map((c) => c.codePointAt(0) ?? 0).sort((a, b) => a - b),
    );
  });
});

describe('runs of a line by font', () => {
  const fonts = fontsForReport(
    FONTS_DIR,
    new Set([...'王小明 김민준 “Client” ’s'].map((c) => c.codePointAt(0) ?? 0)),
  );

  it('keeps Latin text and its quotes in the report font and gives the fallback only CJK', () => {
    expect(fontRuns('“王小明” and 김민준’s team', fonts)).toEqual([
      { text: '“', fallback: false },
      { text: '王小明', fallback: true },
      { text: '” and ', fallback: false },
      { text: '김민준', fallback: true },
      { text: '’s team', fallback: false },
    ]);
    expect(fontRuns('王小明 김민준', fonts)).toEqual([{ text: '王小明 김민준', fallback: true }]);
  });

  it('is the whole line when there is no fallback', () => {
    expect(fontRuns('Plain “text”', loadReportFonts(FONTS_DIR))).toEqual([
      { text: 'Plain “text”', fallback: false },
    ]);
  });
});

describe('wrapping a mixed line', () => {
  // One unit per character: easy to follow.
  const measure = (text: string) => [...text].length;

  it('breaks at spaces, never past the width', () => {
    expect(wrapText('王小明 and 김민준 met in Tokyo', 12, measure)).toEqual([
      '王小明 and 김민준',
      'met in Tokyo',
    ]);
  });

  it('breaks a run of CJK wider than the line between characters, and keeps line breaks', () => {
    expect(wrapText('株式会社東京ロジスティクス\nOK', 5, measure)).toEqual([
      '株式会社東',
      '京ロジステ',
      'ィクス',
      'OK',
    ]);
  });
});

describe('bold CJK', () => {
  it('is drawn filled and outlined in the text colour, and the outline settings come back', () => {
    const doc = new jsPDF({ unit: 'pt', compress: false });
    doc.setFontSize(20);
    doc.setTextColor('#1f4e5f');
    doc.setDrawColor('#c0c0c0');
    doc.setLineWidth(0.5);
    const drawColor = doc.getDrawColor();
    drawHeavier(doc, (options) => doc.text('Bold', 10, 20, options));
    expect(doc.getLineWidth()).toBe(0.5);
    expect(doc.getDrawColor()).toBe(drawColor);
    const page = String(doc.output());
    expect(page).toContain('2 Tr');
    expect(page).toContain('0.7 w');
  });
});
