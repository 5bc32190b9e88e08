/**
 * Fitting a brand text to the lines it may print on: wrapped at spaces (a word wider than the line
 * is broken between characters, as jsPDF's splitTextToSize does), then cut to `BRAND_PRINT_LINES`
 * with "…" on the last line. Pure: the caller measures, so the PDF renderer can measure with jsPDF
 * and the brand form's preview with a canvas in the same font, and both cut in the same place.
 */
import { BRAND_PRINT_LINES } from './print';

export const ELLIPSIS = '…';

/** The width of a string, in the unit of the width it must fit (PDF points in the report). */
export type Measure = (text: string) => number;

/** Wraps one line of text to `width`; an empty text is no lines. */
export function wrapLines(text: string, width: number, measure: Measure): string[] {
  const words = text.trim().split(/ +/u).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (measure(joined) <= width) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the line: as many characters as fit, line after line.
    let rest = word;
    while (measure(rest) > width) {
      const chars = [...rest];
      let take = 1;
      while (take < chars.length && measure(chars.slice(0, take + 1).join('')) <= width) take++;
      lines.push(chars.slice(0, take).join(''));
      rest = chars.slice(take).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  return lines;
}

export type Fitted = {
  lines: string[];
  /** The text needed more lines than it may take, so the last one ends with "…". */
  cut: boolean;
};

/**
 * At most `max` lines of `width`; beyond them, the last line keeps what fits with "…" after it (a
 * word cut only when one word is wider than the line), without a dangling space or separator.
 */
export function fitLines(text: string, width: number, max: number, measure: Measure): Fitted {
  const all = wrapLines(text, width, measure);
  if (all.length <= max) return { lines: all, cut: false };
  const kept = all.slice(0, max);
  let last = `${kept[max - 1] ?? ''} ${all[max] ?? ''}`;
  while (last.length > 0 && measure(`${last}${ELLIPSIS}`) > width) {
    const space = last.trimEnd().lastIndexOf(' ');
    last = space > 0 ? last.slice(0, space) : [...last].slice(0, -1).join('');
  }
  kept[max - 1] = `${last.replace(/[\s,;:·–—-]+$/u, '')}${ELLIPSIS}`;
  return { lines: kept, cut: true };
}

export type BrandText = keyof typeof BRAND_PRINT_LINES;

/** A4's text width in the report, between its 56-point margins. */
const TEXT_WIDTH = 595.28 - 56 - 56;

/** Room kept for the client's logo beside the company name on the cover. */
export const CLIENT_LOGO_ROOM = 170;

/** Room kept for "Page 2 of 12" beside the footer's first line. */
export const PAGE_NUMBER_ROOM = 76;

/**
 * Where the report prints each brand text, in PDF points on A4 (595.28 x 841.89): the type size,
 * whether bold, the width of its line and how many lines it may take. Mirrors the PDF renderer's
 * cover (src-main/report/pdf/cover.ts) and running header and footer (decorate.ts).
 */
export const BRAND_TEXT_PLACES = {
  /** The company name at the top of the cover, when the profile has no logo of its own. */
  coverCompany: {
    text: 'companyName',
    size: 16,
    bold: true,
    width: TEXT_WIDTH - 8,
    lines: BRAND_PRINT_LINES.companyName,
  },
  /** The company name among the cover's facts ("Prepared by"). */
  coverPreparedBy: {
    text: 'companyName',
    size: 11,
    bold: false,
    width: TEXT_WIDTH - 8 - 130,
    lines: 2,
  },
  /** The contact line at the foot of the cover. */
  coverContact: {
    text: 'contactLine',
    size: 8,
    bold: false,
    width: TEXT_WIDTH - 8,
    lines: BRAND_PRINT_LINES.contactLine,
  },
  /** The footer text at the foot of the cover, under the contact line. */
  coverFooter: {
    text: 'footerText',
    size: 8,
    bold: false,
    width: TEXT_WIDTH - 8,
    lines: BRAND_PRINT_LINES.footerText,
  },
  /** The company name in the running header: one line, half the width. */
  headerCompany: { text: 'companyName', size: 8.5, bold: true, width: TEXT_WIDTH / 2 - 10, lines: 1 },
  /** The footer text on every page after the cover (its first line beside the page number). */
  pageFooter: {
    text: 'footerText',
    size: 8,
    bold: false,
    width: TEXT_WIDTH,
    lines: BRAND_PRINT_LINES.footerText,
  },
  /** The contact line under it. */
  pageContact: {
    text: 'contactLine',
    size: 8,
    bold: false,
    width: TEXT_WIDTH,
    lines: BRAND_PRINT_LINES.contactLine,
  },
} as const satisfies Record<
  string,
  { text: BrandText; size: number; bold: boolean; width: number; lines: number }
>;

export type BrandTextPlace = keyof typeof BRAND_TEXT_PLACES;

/**
 * The footer of every page after the cover, as the report prints it: the footer text, then the
 * contact line, each within its print limit and the full width, except that the footer's very
 * first line leaves room for the page number.
 */
export function pageFooterLines(
  footerText: string,
  contactLine: string,
  measure: Measure,
): { footerText: Fitted; contactLine: Fitted } {
  const { width } = BRAND_TEXT_PLACES.pageFooter;
  let first = true;
  const fit = (text: string, max: number): Fitted => {
    const clean = text.replace(/\s+/gu, ' ').trim();
    if (!clean) return { lines: [], cut: false };
    if (!first) return fitLines(clean, width, max, measure);
    first = false;
    const narrow = width - PAGE_NUMBER_ROOM;
    const [head = ''] = wrapLines(clean, narrow, measure);
    const rest = clean.startsWith(head) ? clean.slice(head.length).trim() : '';
    if (!rest) return { lines: [head], cut: false };
    if (max === 1) return fitLines(clean, narrow, 1, measure);
    const after = fitLines(rest, width, max - 1, measure);
    return { lines: [head, ...after.lines], cut: after.cut };
  };
  const footer = fit(footerText, BRAND_TEXT_PLACES.pageFooter.lines);
  return { footerText: footer, contactLine: fit(contactLine, BRAND_TEXT_PLACES.pageContact.lines) };
}
