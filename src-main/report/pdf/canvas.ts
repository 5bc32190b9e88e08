/**
 * The drawing surface the report's parts share: the jsPDF document, the cursor (how far down the
 * page the next block starts), the brand's colours as they may be used (a light brand colour fills
 * areas, never carries text), and text made printable, wrapped, cut with "…" and drawn one line at
 * a time in the font that has its characters.
 */
import type { jsPDF, TextOptionsLight } from 'jspdf';
import { contrastRatio, rgbToHex, textShade } from '@shared/brands/print';
import type { ReportModel } from '@shared/report/model';
import { printable } from '@shared/report/text';
import { fontRuns } from '../cjk';
import type { FontRun } from '../cjk';
import { drawHeavier, wrapText } from '../cjkText';
import type { ReportFonts } from '../fonts';
import { BOTTOM, FONT, hexToRgb, INK, LEADING, MARGIN, tint, WHITE } from './layout';
import type { Rgb } from './layout';

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** jsPDF's bidi options for "logical text in, a left-to-right line out". */
const LEFT_TO_RIGHT_LINE = {
  isInputVisual: false,
  isOutputVisual: true,
  isInputRtl: false,
  isOutputRtl: false,
};
export const ELLIPSIS = '…';

type Style = 'normal' | 'bold';

/** What was drawn up to a point, so a block that broke across pages can be taken back. */
export type Mark = { page: number; length: number; y: number; replaced: number; pages: number };

export class Canvas {
  y = MARGIN.top;
  replaced = 0;
  /** The brand colours as areas, bars and rules. */
  readonly primary: Rgb;
  readonly accent: Rgb;
  /** The brand colours as text on white: a darker shade where the colour itself reads poorly. */
  readonly primaryText: Rgb;
  readonly accentText: Rgb;
  /** Text on a filled primary area: white or ink, whichever contrasts more. */
  readonly onPrimary: Rgb;
  /** Series colours for charts: the brand's two, then tints and a neutral. */
  readonly seriesColors: Rgb[];
  private style: Style = 'normal';
  private readonly covers: (codePoint: number) => boolean;

  constructor(
    readonly doc: jsPDF,
    readonly model: ReportModel,
    private readonly fonts: ReportFonts,
  ) {
    const { primaryColor, accentColor } = model.brand;
    this.primary = hexToRgb(primaryColor);
    this.accent = hexToRgb(accentColor);
    this.primaryText = hexToRgb(textShade(primaryColor));
    this.accentText = hexToRgb(textShade(accentColor));
    this.onPrimary = onFill(primaryColor);
    this.seriesColors = [
      this.primary,
      this.accent,
      tint(this.primary, 0.45),
      tint(this.accent, 0.45),
      [90, 96, 104],
      tint(this.primary, 0.7),
      tint(this.accent, 0.7),
      [160, 166, 173],
    ];
    const { fallback } = fonts;
    this.covers = fallback ? (cp) => fonts.covers(cp) || fallback.covers(cp) : fonts.covers;
  }

  /** A brand colour as text on `background` (a tint behind it), at the contrast text needs. */
  textOn(colour: Rgb, background: Rgb): Rgb {
    return hexToRgb(textShade(rgbToHex(colour), rgbToHex(background)));
  }

  /** User text made printable; counts what had to be replaced. */
  clean(text: string): string {
    const result = printable(text, this.covers);
    this.replaced += result.replaced;
    return result.text;
  }

  /**
   * Draws one line. Text is stored in logical order; jsPDF's bidi step turns it into visual order
   * for a left-to-right line (its default would take a line that starts with a Hebrew or Arabic
   * letter as right-to-left and reverse the Latin words in it too).
   */
  write(line: string, x: number, y: number, options: TextOptionsLight = {}): void {
    const runs = fontRuns(line, this.fonts);
    if (runs.length <= 1) {
      this.fontFor(line);
      this.piece(line, x, y, options, runs[0]?.fallback === true);
      return;
    }
    // A line in two fonts: each run in its own, placed one after another as the line is aligned.
    const widths = runs.map((run) => this.runWidth(run));
    const total = widths.reduce((sum, w) => sum + w, 0);
    const { align, ...rest } = options;
    let at = align === 'right' ? x - total : align === 'center' ? x - total / 2 : x;
    runs.forEach((run, i) => {
      this.doc.setFont(run.fallback ? (this.fonts.fallback?.name ?? FONT) : FONT, this.style);
      this.piece(run.text, at, y, rest, run.fallback);
      at += widths[i] ?? 0;
    });
  }

  /** A piece in the CJK fallback, which has one weight, is drawn heavier in bold text. */
  private piece(text: string, x: number, y: number, options: TextOptionsLight, fallback: boolean): void {
    if (!fallback || this.style !== 'bold') this.text(text, x, y, options);
    else drawHeavier(this.doc, (heavy) => this.text(text, x, y, { ...options, ...heavy }));
  }

  private text(line: string, x: number, y: number, options: TextOptionsLight): void {
    this.doc.text(line, x, y, RIGHT_TO_LEFT.test(line) ? { ...options, ...LEFT_TO_RIGHT_LINE } : options);
  }

  private runWidth(run: FontRun): number {
    this.doc.setFont(run.fallback ? (this.fonts.fallback?.name ?? FONT) : FONT, this.style);
    return this.doc.getTextWidth(run.text);
  }

  font(style: Style, size: number, color: Rgb = INK): void {
    this.style = style;
    this.doc.setFont(FONT, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...color);
  }

  /**
   * The font to measure and draw a string in: the fallback (Chinese, Japanese, Korean) for one
   * with a character the report font lacks and the fallback has, the report font otherwise. A line
   * with both is drawn run by run (`write`, `fontRuns`).
   */
  private fontFor(text: string): void {
    const { fallback } = this.fonts;
    if (!fallback) return;
    let useFallback = false;
    for (const char of text) {
      const cp = char.codePointAt(0) ?? 0;
      if (!this.fonts.covers(cp) && fallback.covers(cp)) {
        useFallback = true;
        break;
      }
    }
    this.doc.setFont(useFallback ? fallback.name : FONT, this.style);
  }

  /** The width of already printable text in the current size and style. */
  width(text: string): number {
    const runs = fontRuns(text, this.fonts);
    if (runs.length > 1) return runs.reduce((sum, run) => sum + this.runWidth(run), 0);
    this.fontFor(text);
    return this.doc.getTextWidth(text);
  }

  lines(text: string, width: number): string[] {
    const clean = this.clean(text);
    // A text in two fonts is measured run by run; one font's text as jsPDF measures it.
    if (this.fonts.fallback && fontRuns(clean, this.fonts).length > 1) {
      return wrapText(clean, width, (piece) => this.width(piece));
    }
    this.fontFor(clean);
    return this.doc.splitTextToSize(clean, width) as string[];
  }

  /**
   * At most `max` lines; when the text needs more, the last one ends with "…" (a word cut only
   * when one word is wider than the line).
   */
  clamp(text: string, width: number, max: number): string[] {
    const all = this.lines(text, width);
    if (all.length <= max) return all;
    const kept = all.slice(0, max);
    let last = `${kept[max - 1] ?? ''} ${all[max] ?? ''}`;
    while (last.length > 0 && this.width(`${last}${ELLIPSIS}`) > width) {
      const space = last.trimEnd().lastIndexOf(' ');
      last = space > 0 ? last.slice(0, space) : last.slice(0, -1);
    }
    kept[max - 1] = `${last.replace(/[\s,;:·–—-]+$/u, '')}${ELLIPSIS}`;
    return kept;
  }

  /** Lines of text from the cursor, breaking onto new pages as needed. */
  flow(lines: readonly string[], x: number, size: number): void {
    const height = size * LEADING;
    for (const line of lines) {
      this.ensure(height);
      this.write(line, x, this.y + size);
      this.y += height;
    }
  }

  newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  get page(): number {
    return this.doc.getCurrentPageInfo().pageNumber;
  }

  /**
   * Draws `draw` on one page: when it would break across pages and the page it started on had
   * something on it already, what it drew is taken back and it is drawn again from the top of a
   * new page. Taller than a page, it flows.
   */
  keep(draw: () => void): void {
    const start = this.mark();
    draw();
    if (this.page === start.page || start.y <= MARGIN.top) return;
    this.rollback(start);
    this.newPage();
    draw();
  }

  mark(): Mark {
    const page = this.page;
    const { y, replaced } = this;
    return { page, length: this.content(page).length, y, replaced, pages: this.doc.getNumberOfPages() };
  }

  rollback(mark: Mark): void {
    while (this.doc.getNumberOfPages() > mark.pages) this.doc.deletePage(this.doc.getNumberOfPages());
    this.doc.setPage(mark.page);
    this.content(mark.page).length = mark.length;
    this.y = mark.y;
    this.replaced = mark.replaced;
  }

  /** A page's content stream as jsPDF keeps it (its internal list of operators, one a line). */
  private content(page: number): string[] {
    const pages = this.doc.internal.pages as unknown as string[][];
    return pages[page] ?? [];
  }
}

/** White or ink on a filled colour, whichever contrasts more. */
function onFill(hex: string): Rgb {
  return contrastRatio(hex, '#FFFFFF') >= contrastRatio(hex, rgbToHex(INK)) ? WHITE : INK;
}
