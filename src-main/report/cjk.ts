/**
 * The report's second font, for Chinese, Japanese and Korean: WenQuanYi Micro Hei (Apache-2.0,
 * TrueType outlines; Han, kana and all 11,172 Hangul syllables), shipped in resources/fonts. At
 * 4.6 MB it is read only for a report that prints a character DejaVu Sans lacks, and cut down to
 * that report's characters first: jsPDF would take about half a second to parse the whole font,
 * and a subset of a few names is a few kilobytes.
 *
 * The font has one weight, so bold text in it is drawn in the same regular glyphs.
 */
import { join } from 'node:path';
import { subsetFontFile } from './cjkSubset';
import { loadReportFonts, readCmap } from './fonts';
import type { ReportFonts } from './fonts';

export const CJK_FONT_FILE = 'WenQuanYiMicroHei.ttf';
export const CJK_FONT_NAME = 'WenQuanYiMicroHei';

export type FallbackFont = NonNullable<ReportFonts['fallback']>;

/** Joiners, variation selectors and direction marks: never drawn, so never a reason for a font. */
const INVISIBLE = /\p{Cf}|[\uFE00-\uFE0F]/u;

/**
 * The fonts for a report that prints `characters` (code points; see `reportCharacters`): DejaVu
 * Sans, plus the CJK fallback when a character DejaVu lacks is one the CJK font has. A report
 * whose every character DejaVu draws gets the cached fonts back at once and never reads the CJK
 * font.
 */
export function fontsForReport(fontsDir: string, characters: ReadonlySet<number>): ReportFonts {
  const fonts = loadReportFonts(fontsDir);
  const needed = new Set<number>();
  for (const codePoint of characters) {
    // jsPDF writes 16-bit codes only; controls and invisible marks are never drawn.
    if (codePoint > 0xffff || codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) continue;
    if (!fonts.covers(codePoint) && !INVISIBLE.test(String.fromCodePoint(codePoint))) needed.add(codePoint);
  }
  if (needed.size === 0) return fonts;
  const fallback = cjkFallback(fontsDir, characters, needed);
  return fallback ? { ...fonts, fallback } : fonts;
}

/**
 * The CJK font cut down to `codePoints` (the characters the report prints: its Latin letters,
 * digits and punctuation too, so a line drawn in this font is whole), or undefined when the font
 * has none of `needed` (the characters the regular font lacks, such as emoji).
 */
export function cjkFallback(
  fontsDir: string,
  codePoints: ReadonlySet<number>,
  needed: ReadonlySet<number>,
): FallbackFont | undefined {
  const subset = subsetFontFile(join(fontsDir, CJK_FONT_FILE), codePoints);
  if (!subset) return undefined;
  const covered = readCmap(subset);
  if (![...needed].some((codePoint) => covered.has(codePoint))) return undefined;
  const base64 = Buffer.from(subset.buffer, subset.byteOffset, subset.byteLength).toString('base64');
  return {
    name: CJK_FONT_NAME,
    regular: base64,
    bold: base64,
    covers: (codePoint) => covered.has(codePoint),
  };
}

/** A piece of a line and the font it is drawn in. */
export type FontRun = { text: string; fallback: boolean };

/**
 * A line of printable text cut into runs by font, for a renderer that draws each run in its own
 * font: what the report font draws stays in it (its bold, and its Latin letters and punctuation,
 * not the CJK font's full-width quotes), what only the fallback draws goes to the fallback. Spaces
 * stay with the run they are in. Without a fallback the line is one run.
 */
export function fontRuns(text: string, fonts: ReportFonts): FontRun[] {
  const { fallback } = fonts;
  if (!fallback) return [{ text, fallback: false }];
  const runs: FontRun[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0;
    const last = runs[runs.length - 1];
    const inFallback =
      char === ' ' && last ? last.fallback : !fonts.covers(codePoint) && fallback.covers(codePoint);
    if (last && last.fallback === inFallback) last.text += char;
    else runs.push({ text: char, fallback: inFallback });
  }
  return runs;
}
