/**
 * Arabic as jsPDF draws it, made whole and copyable. jsPDF shapes Arabic itself: it replaces each
 * letter by its contextual presentation form (U+FB50–U+FDFF, U+FE70–U+FEFF) and a few letter
 * groups by ligatures. Two things follow, and this file answers both for one document:
 *
 * - A form or ligature the font lacks (DejaVu Sans has no ﷲ U+FDF2 for “الله”, no shadda-with-vowel
 *   ligatures, no Urdu heh goal or yeh barree forms) makes jsPDF stop writing the rest of the line,
 *   silently. After jsPDF's shaping, each such character is replaced by the letters it stands for
 *   (its compatibility decomposition), which the font has; “الله” keeps its joined look.
 * - The font's ToUnicode map, which viewers use to copy and search text, would give the
 *   presentation forms. Each entry that names one is rewritten to the ordinary letters. The line
 *   is written in visual order (right to left reversed), and viewers reverse it back letter by
 *   letter, so a ligature's letters are written reversed too (ﻻ maps to “ال”, read back as “لا”).
 */
import type { jsPDF } from 'jspdf';

const PRESENTATION = /[\uFB50-\uFDFF\uFE70-\uFEFF]/g;
/** ﷲ as its four joined letters: alef (isolated), lam (initial), lam (medial), heh (final). */
const ALLAH = '\uFE8D\uFEDF\uFEE0\uFEEA';
/** A ToUnicode entry: glyph id, then the one UTF-16 unit jsPDF writes for it. */
const ENTRY = /<([0-9a-f]{4})><([0-9a-f]{4})>/g;

/** The ordinary letters a presentation form stands for (the space of an isolated mark dropped). */
function letters(form: string): string {
  return form.normalize('NFKC').replace(/ /g, '');
}

/** Shaped text with every character the font cannot draw replaced by the letters it stands for. */
export function drawableShapes(text: string, covers: (codePoint: number) => boolean): string {
  return text.replace(PRESENTATION, (form) => {
    if (covers(form.charCodeAt(0))) return form;
    return form === '\uFDF2' ? ALLAH : letters(form);
  });
}

/** A ToUnicode CMap with each presentation form mapped to its ordinary letters, in visual order. */
export function plainToUnicode(cmap: string): string {
  return cmap.replace(ENTRY, (entry, glyph: string, unit: string) => {
    const form = String.fromCharCode(Number.parseInt(unit, 16));
    if (!/^[\uFB50-\uFDFF\uFE70-\uFEFF]$/.test(form)) return entry;
    const hex = [...letters(form)]
      .reverse()
      .map((char) => char.charCodeAt(0).toString(16).padStart(4, '0'))
      .join('');
    return hex ? `<${glyph}><${hex}>` : entry;
  });
}

type Shaped = { text?: unknown };
type FontWrite = { putStream?: (options: { data?: unknown }) => void };

/**
 * Installs both fixes on a document: call once, right after `new jsPDF()`, with the coverage of
 * the fonts the document draws Arabic in.
 */
export function copyableArabic(doc: jsPDF, covers: (codePoint: number) => boolean): void {
  const events = doc.internal.events;
  // Subscribed after jsPDF's own handlers, so this sees the shaped text, before the bidi step.
  events.subscribe('preProcessText', (payload: Shaped) => {
    // A string, or rows of a string and its position.
    const fix = (value: unknown): unknown => {
      if (typeof value === 'string') return drawableShapes(value, covers);
      return Array.isArray(value) ? (value as unknown[]).map(fix) : value;
    };
    payload.text = fix(payload.text);
  });
  // jsPDF writes each font's ToUnicode map inside its own "putFont" handler; the stream writer it
  // is handed is wrapped here, before any handler runs.
  const publish = events.publish.bind(events);
  events.publish = (topic: string, ...args: unknown[]): void => {
    const write = args[0] as FontWrite | undefined;
    if (topic === 'putFont' && write?.putStream) {
      const putStream = write.putStream;
      write.putStream = (options) =>
        putStream(
          typeof options.data === 'string' && options.data.startsWith('/CIDInit')
            ? { ...options, data: plainToUnicode(options.data) }
            : options,
        );
    }
    publish(topic, ...args);
  };
}
