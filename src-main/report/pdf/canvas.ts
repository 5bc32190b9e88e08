/**
 * The drawing surface the report's parts share: the jsPDF document, the cursor (how far down the
 * page the next block starts), the brand's colours, and text made printable and drawn one line at
 * a time.
 */
import type { jsPDF, TextOptionsLight } from 'jspdf';
import type { ReportModel } from '@shared/report/model';
import { printable } from '@shared/report/text';
import type { ReportFonts } from '../fonts';
import { BOTTOM, FONT, hexToRgb, INK, LEADING, MARGIN, tint } from './layout';
import type { Rgb } from './layout';

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** jsPDF's bidi options for "logical text in, a left-to-right line out". */
const LEFT_TO_RIGHT_LINE = {
  isInputVisual: false,
  isOutputVisual: true,
  isInputRtl: false,
  isOutputRtl: false,
};

export class Canvas {
  y = MARGIN.top;
  replaced = 0;
  readonly primary: Rgb;
  readonly accent: Rgb;
  /** Series colours for charts: the brand's two, then tints and a neutral. */
  readonly seriesColors: Rgb[];

  constructor(
    readonly doc: jsPDF,
    readonly model: ReportModel,
    private readonly fonts: ReportFonts,
  ) {
    this.primary = hexToRgb(model.brand.primaryColor);
    this.accent = hexToRgb(model.brand.accentColor);
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
  }

  /** User text made printable; counts what had to be replaced. */
  clean(text: string): string {
    const result = printable(text, this.fonts.covers);
    this.replaced += result.replaced;
    return result.text;
  }

  /**
   * Draws one line. Text is stored in logical order; jsPDF's bidi step turns it into visual order
   * for a left-to-right line (its default would take a line that starts with a Hebrew or Arabic
   * letter as right-to-left and reverse the Latin words in it too).
   */
  write(line: string, x: number, y: number, options: TextOptionsLight = {}): void {
    this.doc.text(line, x, y, RIGHT_TO_LEFT.test(line) ? { ...options, ...LEFT_TO_RIGHT_LINE } : options);
  }

  font(style: 'normal' | 'bold', size: number, color: Rgb = INK): void {
    this.doc.setFont(FONT, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...color);
  }

  lines(text: string, width: number): string[] {
    return this.doc.splitTextToSize(this.clean(text), width) as string[];
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
}
