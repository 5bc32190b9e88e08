/**
 * The report's embedded font (DejaVu Sans, regular and bold, shipped in resources/fonts) and which
 * characters it can draw, read from the font's own cmap table. `fontsForReport` (cjk.ts) adds the
 * CJK fallback for a report that needs it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportModel } from '@shared/report/model';

export type ReportFonts = {
  regular: string;
  bold: string;
  /** True when the regular font has a glyph for this code point. */
  covers: (codePoint: number) => boolean;
  /**
   * A second font for text the regular one cannot draw (Chinese, Japanese, Korean), embedded only
   * when the report needs it and subset to the characters it prints. The renderer draws a string
   * in it when the string has a character `covers` lacks and `fallback.covers` has.
   */
  fallback?: { name: string; regular: string; bold: string; covers: (codePoint: number) => boolean };
};

const cache = new Map<string, ReportFonts>();

/** True when the report can draw this code point in one of its fonts. */
export function drawable(fonts: ReportFonts): (codePoint: number) => boolean {
  const { covers, fallback } = fonts;
  return fallback ? (codePoint) => covers(codePoint) || fallback.covers(codePoint) : covers;
}

/**
 * Every code point a report's model holds in its text (in the NFC form the renderer prints), the
 * logos' base64 left out. A superset of what is drawn, which is all a font needs.
 */
export function reportCharacters(model: ReportModel): Set<number> {
  const found = new Set<number>();
  const visit = (value: unknown, key: string): void => {
    if (typeof value === 'string') {
      if (key === 'base64') return;
      for (const char of value.normalize('NFC')) found.add(char.codePointAt(0) ?? 0);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, key);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) visit(item, name);
    }
  };
  visit(model, '');
  return found;
}

/** Loads (once per folder) the fonts as base64 for jsPDF, with their coverage. */
export function loadReportFonts(fontsDir: string): ReportFonts {
  const cached = cache.get(fontsDir);
  if (cached) return cached;
  const regular = readFileSync(join(fontsDir, 'DejaVuSans.ttf'));
  const bold = readFileSync(join(fontsDir, 'DejaVuSans-Bold.ttf'));
  const codePoints = readCmap(new Uint8Array(regular.buffer, regular.byteOffset, regular.byteLength));
  const fonts: ReportFonts = {
    regular: regular.toString('base64'),
    bold: bold.toString('base64'),
    covers: (codePoint) => codePoints.has(codePoint),
  };
  cache.set(fontsDir, fonts);
  return fonts;
}

/** Every code point a TrueType font maps to a glyph (cmap formats 4 and 12). */
export function readCmap(font: Uint8Array): Set<number> {
  const view = new DataView(font.buffer, font.byteOffset, font.byteLength);
  const tables = view.getUint16(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) {
    const record = 12 + i * 16;
    const tag = String.fromCharCode(...font.subarray(record, record + 4));
    if (tag === 'cmap') cmap = view.getUint32(record + 8);
  }
  if (cmap < 0) throw new Error('The report font has no cmap table.');
  const covered = new Set<number>();
  const subtables = view.getUint16(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const platform = view.getUint16(cmap + 4 + i * 8);
    const offset = cmap + view.getUint32(cmap + 4 + i * 8 + 4);
    if (platform !== 0 && platform !== 3) continue;
    const format = view.getUint16(offset);
    if (format === 4) readFormat4(view, offset, covered);
    if (format === 12) readFormat12(view, offset, covered);
  }
  return covered;
}

function readFormat4(view: DataView, at: number, covered: Set<number>): void {
  const segments = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = view.getUint16(ends + s * 2);
    const start = view.getUint16(starts + s * 2);
    const delta = view.getInt16(deltas + s * 2);
    const rangeAt = ranges + s * 2;
    const range = view.getUint16(rangeAt);
    for (let c = start; c <= end && c !== 0xffff; c++) {
      let glyph: number;
      if (range === 0) glyph = (c + delta) & 0xffff;
      else {
        const raw = view.getUint16(rangeAt + range + (c - start) * 2);
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0) covered.add(c);
    }
  }
}

function readFormat12(view: DataView, at: number, covered: Set<number>): void {
  const groups = view.getUint32(at + 12);
  for (let g = 0; g < groups; g++) {
    const group = at + 16 + g * 12;
    const start = view.getUint32(group);
    const end = view.getUint32(group + 4);
    if (view.getUint32(group + 8) === 0 && start === end) continue;
    for (let c = start; c <= end; c++) covered.add(c);
  }
}
