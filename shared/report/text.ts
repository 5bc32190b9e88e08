/**
 * Text as the report can print it. Whole characters (grapheme clusters: a letter with its accents,
 * an emoji with its modifiers) are kept when the font draws every part of them and replaced by one
 * visible box when it does not, so nothing is ever dropped silently. Tabs become spaces; line
 * breaks stay; other control characters are shown as boxes too.
 */
import { REPLACEMENT_CHARACTER } from './model';

export type Printable = { text: string; replaced: number };

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Invisible formatting characters (joiners, variation selectors, direction marks). */
const FORMAT = /\p{Cf}|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/u;

export function printable(text: string, covers: (codePoint: number) => boolean): Printable {
  let replaced = 0;
  let out = '';
  const normal = text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  for (const { segment } of segmenter.segment(normal)) {
    if (segment === '\n' || segment === ' ') {
      out += segment;
      continue;
    }
    const visible = [...segment].filter((char) => !FORMAT.test(char));
    if (visible.length === 0) continue;
    const drawable = visible.every((char) => {
      const code = char.codePointAt(0) ?? 0;
      // jsPDF writes 16-bit glyph codes, so characters beyond the Basic Multilingual Plane
      // (most emoji) cannot be drawn even where the font has them.
      const control = code < 0x20 || code === 0x7f || (code >= 0x80 && code < 0xa0);
      return !control && code <= 0xffff && covers(code);
    });
    if (drawable) out += visible.join('');
    else {
      out += REPLACEMENT_CHARACTER;
      replaced++;
    }
  }
  return { text: out, replaced };
}
