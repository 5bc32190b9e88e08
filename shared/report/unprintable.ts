/**
 * Which characters of a report would print as □: every printed string of the model, cut into
 * whole characters (grapheme clusters) and judged by `printable`, the very function the PDF
 * renderer draws user text through, with the coverage of the fonts the PDF would embed. So the
 * warning before an export names exactly what the PDF will box, no more and no less.
 */
import type { ReportCheck, Unprintable } from './contract';
import type { ReportModel } from './model';
import { printable } from './text';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
/** Places listed per character; the count still covers them all. */
const PLACES_MAX = 3;

const codePointName = (char: string) =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

export function findUnprintable(model: ReportModel, covers: (codePoint: number) => boolean): ReportCheck {
  const found = new Map<string, { count: number; places: string[] }>();
  let boxes = 0;
  const visit = (value: unknown, place: string, key = ''): void => {
    if (typeof value === 'string') {
      // An image's bytes are not printed as text.
      if (key === 'base64') return;
      for (const { segment } of segmenter.segment(value.normalize('NFC'))) {
        if (printable(segment, covers).replaced === 0) continue;
        boxes++;
        const entry = found.get(segment) ?? { count: 0, places: [] };
        entry.count++;
        if (!entry.places.includes(place) && entry.places.length < PLACES_MAX) entry.places.push(place);
        found.set(segment, entry);
      }
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, place, key);
    } else if (typeof value === 'object' && value !== null) {
      for (const [name, item] of Object.entries(value)) visit(item, place, name);
    }
  };
  // The profile's own name and its colours are not printed; its other texts are.
  const { companyName, contactLine, footerText, disclaimer } = model.brand;
  visit([companyName, contactLine, footerText, disclaimer], 'Brand profile');
  visit(model.cover, 'Cover');
  visit(model.header, 'Running header');
  for (const section of model.sections) visit(section, section.title);
  const unprintable: Unprintable[] = [...found].map(([text, { count, places }]) => ({
    text,
    codePoints: Array.from(text, codePointName),
    count,
    places,
  }));
  return { unprintable, boxes };
}
