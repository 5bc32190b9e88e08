/**
 * Draws a report model as an A4 PDF with jsPDF, under plain Node: the app's export and
 * `npm run report` both call `renderReportPdf`. Layout rules: every section heading keeps at least
 * a few lines of what follows on its page; paragraphs, lists, tables and charts flow onto new pages
 * (tables repeat their header row); a header and a numbered footer go on every page but the cover.
 */
import { createHash } from 'node:crypto';
import { jsPDF } from 'jspdf';
import type { TextOptionsLight } from 'jspdf';
import type { BarChart, Block, Section, TableColumn } from '@shared/report/blocks';
import type { ReportModel } from '@shared/report/model';
import { printable } from '@shared/report/text';
import type { ReportFonts } from './fonts';

type Rgb = [number, number, number];

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { left: 56, right: 56, top: 78, bottom: 70 };
const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;
const FONT = 'DejaVuSans';
const INK: Rgb = [33, 37, 41];
const MUTED: Rgb = [96, 103, 112];
const RULE: Rgb = [215, 219, 224];
const ZEBRA: Rgb = [246, 247, 249];
const WHITE: Rgb = [255, 255, 255];

const RIGHT_TO_LEFT = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
/** jsPDF's bidi options for "logical text in, a left-to-right line out". */
const LEFT_TO_RIGHT_LINE = {
  isInputVisual: false,
  isOutputVisual: true,
  isInputRtl: false,
  isOutputRtl: false,
};

const SIZE = { body: 10, small: 8.5, subheading: 11.5, heading: 18, lead: 12 };
const LEADING = 1.42;

export type RenderedReport = {
  bytes: Uint8Array;
  pages: number;
  /** Characters the font cannot draw, shown as boxes. */
  replaced: number;
};

export function renderReportPdf(model: ReportModel, fonts: ReportFonts): RenderedReport {
  const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true, putOnlyUsedFonts: true });
  doc.addFileToVFS('DejaVuSans.ttf', fonts.regular);
  doc.addFont('DejaVuSans.ttf', FONT, 'normal');
  doc.addFileToVFS('DejaVuSans-Bold.ttf', fonts.bold);
  doc.addFont('DejaVuSans-Bold.ttf', FONT, 'bold');

  const painter = new Painter(doc, model, fonts);
  painter.cover();
  for (const section of model.sections) painter.section(section);
  painter.decorate();

  doc.setProperties({
    title: painter.clean(model.meta.title),
    subject: painter.clean(model.meta.subject),
    author: painter.clean(model.meta.author),
    keywords: painter.clean(model.meta.keywords),
    creator: 'Stackwise',
  });
  doc.setCreationDate(new Date(model.meta.createdAt));
  // The file id comes from the content, so the same session always gives the same file.
  const { createdAt: _createdAt, ...stable } = model.meta;
  const id = createHash('sha256')
    .update(JSON.stringify({ ...model, meta: stable }))
    .digest('hex')
    .slice(0, 32)
    .toUpperCase();
  doc.setFileId(id);
  const bytes = new Uint8Array(doc.output('arraybuffer'));
  return { bytes, pages: doc.getNumberOfPages(), replaced: painter.replaced };
}

/** An axis from 0 to at least `top`, in 3 to 6 round steps (1, 2, 2.5 or 5 times a power of ten). */
export function niceScale(top: number): { step: number; max: number } {
  const target = Math.max(top, 1e-6);
  const magnitude = 10 ** Math.floor(Math.log10(target / 5));
  for (const factor of [1, 2, 2.5, 5, 10, 20]) {
    const step = factor * magnitude;
    if (target / step <= 6) {
      return { step, max: Number((Math.ceil(target / step - 1e-9) * step).toPrecision(12)) };
    }
  }
  return { step: target, max: target };
}

function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** `color` mixed with white: 0 is the colour itself, 1 is white. */
function tint([r, g, b]: Rgb, amount: number): Rgb {
  return [r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount];
}

/** Relative luminance, to choose white or dark text on a brand colour. */
function isDark([r, g, b]: Rgb): boolean {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) < 0.4;
}

class Painter {
  private y = MARGIN.top;
  replaced = 0;
  private readonly primary: Rgb;
  private readonly accent: Rgb;
  /** Series colours for charts: the brand's two, then tints and a neutral. */
  private readonly seriesColors: Rgb[];

  constructor(
    private readonly doc: jsPDF,
    private readonly model: ReportModel,
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
  private write(line: string, x: number, y: number, options: TextOptionsLight = {}): void {
    this.doc.text(line, x, y, RIGHT_TO_LEFT.test(line) ? { ...options, ...LEFT_TO_RIGHT_LINE } : options);
  }

  private font(style: 'normal' | 'bold', size: number, color: Rgb = INK): void {
    this.doc.setFont(FONT, style);
    this.doc.setFontSize(size);
    this.doc.setTextColor(...color);
  }

  private lines(text: string, width: number): string[] {
    return this.doc.splitTextToSize(this.clean(text), width) as string[];
  }

  private newPage(): void {
    this.doc.addPage();
    this.y = MARGIN.top;
  }

  /** Starts a new page unless `height` still fits on this one. */
  private ensure(height: number): void {
    if (this.y + height > BOTTOM) this.newPage();
  }

  cover(): void {
    const { doc, model } = this;
    const { cover, brand } = model;
    // A band of the primary colour down the left edge, and a thin accent rule beside it.
    doc.setFillColor(...this.primary);
    doc.rect(0, 0, 18, PAGE.height, 'F');
    doc.setFillColor(...this.accent);
    doc.rect(18, 0, 4, PAGE.height, 'F');

    let top = 80;
    if (brand.logo) {
      const scale = Math.min(190 / brand.logo.width, 70 / brand.logo.height);
      const w = brand.logo.width * scale;
      const h = brand.logo.height * scale;
      doc.addImage(brand.logo.base64, brand.logo.format, MARGIN.left + 8, top, w, h, undefined, 'FAST');
      top += h;
    } else {
      this.font('bold', 16, this.primary);
      this.write(this.clean(brand.companyName), MARGIN.left + 8, top + 20);
      top += 28;
    }

    const left = MARGIN.left + 8;
    const width = WIDTH - 8;
    let y = Math.max(top + 120, 280);
    // Text stays in the primary colour (chosen to read on white); the accent marks rules and bars.
    this.font('bold', 10, this.primary);
    doc.setCharSpace(1.5);
    this.write(this.clean(cover.kicker.toUpperCase()), left, y);
    doc.setCharSpace(0);
    y += 34;
    this.font('bold', 28, this.primary);
    for (const line of this.lines(cover.title, width).slice(0, 4)) {
      this.write(line, left, y);
      y += 34;
    }
    this.font('normal', 15, MUTED);
    for (const line of this.lines(cover.client, width).slice(0, 2)) {
      this.write(line, left, y);
      y += 20;
    }
    y += 18;
    doc.setDrawColor(...this.accent);
    doc.setLineWidth(2);
    doc.line(left, y, left + 64, y);
    y += 32;

    for (const [label, value] of cover.facts) {
      this.font('normal', 9, MUTED);
      this.write(label.toUpperCase(), left, y);
      this.font('normal', 12, INK);
      const lines = this.lines(value, width - 130).slice(0, 2);
      lines.forEach((line, i) => this.write(line, left + 130, y + i * 16));
      y += 16 * lines.length + 12;
    }

    // The answer, in one line, in a box of the primary colour.
    const boxY = Math.max(y + 24, 600);
    this.font('bold', 14, WHITE);
    const headline = this.lines(cover.headline, width - 40).slice(0, 3);
    const boxHeight = 34 + headline.length * 20;
    doc.setFillColor(...this.primary);
    doc.roundedRect(left, boxY, width, boxHeight, 4, 4, 'F');
    this.font('bold', 14, isDark(this.primary) ? WHITE : INK);
    headline.forEach((line, i) => this.write(line, left + 20, boxY + 27 + i * 20));

    this.font('normal', 8.5, MUTED);
    const foot = [brand.contactLine, brand.footerText].filter(Boolean).map((t) => this.clean(t));
    foot.forEach((line, i) => this.write(line, left, PAGE.height - 56 + i * 13, { maxWidth: width }));
    this.newPage();
  }

  section(section: Section): void {
    // Charts and the appendix open a page of their own; other sections flow.
    if (section.id === 'method' || section.id === 'summary') {
      if (this.y > MARGIN.top) this.newPage();
    } else {
      this.y += 18;
    }
    // Keep the heading with the start of what follows.
    this.ensure(SIZE.heading * 1.6 + 70);
    this.font('bold', SIZE.heading, this.primary);
    this.write(this.clean(section.title), MARGIN.left, this.y + SIZE.heading);
    this.y += SIZE.heading + 8;
    this.doc.setDrawColor(...this.accent);
    this.doc.setLineWidth(1.5);
    this.doc.line(MARGIN.left, this.y, MARGIN.left + 40, this.y);
    this.y += 16;
    for (const block of section.blocks) this.block(block);
  }

  private block(block: Block): void {
    switch (block.kind) {
      case 'paragraph':
        return this.paragraph(block.text, block.tone ?? 'normal');
      case 'subheading':
        return this.subheading(block.text);
      case 'bullets':
        return this.bullets(block.items, block.ordered ?? false);
      case 'facts':
        return this.facts(block.rows);
      case 'callout':
        return this.callout(block.title, block.text);
      case 'table':
        return this.table(block.columns, block.rows, block.emphasis ?? [], block.caption);
      case 'barChart':
        return this.chart(block);
    }
  }

  /** Lines of text from the cursor, breaking onto new pages as needed. */
  private flow(lines: readonly string[], x: number, size: number): void {
    const height = size * LEADING;
    for (const line of lines) {
      this.ensure(height);
      this.write(line, x, this.y + size);
      this.y += height;
    }
  }

  private paragraph(text: string, tone: 'normal' | 'lead' | 'muted'): void {
    const size = tone === 'lead' ? SIZE.lead : tone === 'muted' ? SIZE.small + 0.5 : SIZE.body;
    this.font('normal', size, tone === 'muted' ? MUTED : INK);
    const lines = this.lines(text, WIDTH);
    // No single line left alone at the foot of a page.
    this.ensure(Math.min(lines.length, 2) * size * LEADING);
    this.flow(lines, MARGIN.left, size);
    this.y += 8;
  }

  private subheading(text: string): void {
    this.y += 6;
    // A subheading never ends a page: it needs room for itself and three lines after it.
    this.ensure(SIZE.subheading * LEADING + 3 * SIZE.body * LEADING + 8);
    this.font('bold', SIZE.subheading, this.primary);
    this.flow(this.lines(text, WIDTH), MARGIN.left, SIZE.subheading);
    this.y += 4;
  }

  private bullets(items: readonly string[], ordered: boolean): void {
    const indent = ordered ? 20 : 14;
    for (const [i, item] of items.entries()) {
      this.font('normal', SIZE.body, INK);
      const lines = this.lines(item, WIDTH - indent);
      this.ensure(Math.min(lines.length, 2) * SIZE.body * LEADING);
      this.font('bold', SIZE.body, this.accent);
      this.write(ordered ? `${i + 1}.` : '•', MARGIN.left + 2, this.y + SIZE.body);
      this.font('normal', SIZE.body, INK);
      this.flow(lines, MARGIN.left + indent, SIZE.body);
      this.y += 4;
    }
    this.y += 6;
  }

  private facts(rows: ReadonlyArray<readonly [string, string]>): void {
    const labelWidth = 130;
    for (const [label, value] of rows) {
      this.font('normal', SIZE.body, INK);
      const lines = this.lines(value, WIDTH - labelWidth);
      this.ensure(Math.min(lines.length, 3) * SIZE.body * LEADING);
      this.font('bold', SIZE.small, MUTED);
      this.write(this.clean(label), MARGIN.left, this.y + SIZE.body);
      this.font('normal', SIZE.body, INK);
      this.flow(lines, MARGIN.left + labelWidth, SIZE.body);
      this.y += 4;
    }
    this.y += 8;
  }

  private callout(title: string, text: string): void {
    this.font('bold', SIZE.lead, INK);
    const lines = this.lines(text, WIDTH - 36);
    const height = 24 + SIZE.body * LEADING + lines.length * SIZE.lead * LEADING + 6;
    this.ensure(Math.min(height, BOTTOM - MARGIN.top));
    this.doc.setFillColor(...tint(this.primary, 0.92));
    this.doc.rect(MARGIN.left, this.y, WIDTH, height, 'F');
    this.doc.setFillColor(...this.accent);
    this.doc.rect(MARGIN.left, this.y, 4, height, 'F');
    const top = this.y;
    this.y += 14;
    this.font('bold', SIZE.small, this.primary);
    this.write(this.clean(title.toUpperCase()), MARGIN.left + 18, this.y + SIZE.small);
    this.y += SIZE.body * LEADING;
    this.font('bold', SIZE.lead, INK);
    this.flow(lines, MARGIN.left + 18, SIZE.lead);
    this.y = Math.max(this.y, top + height) + 14;
  }

  private table(
    columns: readonly TableColumn[],
    rows: readonly (readonly string[])[],
    emphasis: readonly number[],
    caption: string | undefined,
  ): void {
    const pad = 5;
    const size = columns.length > 8 ? SIZE.small - 1 : SIZE.small + 0.5;
    const lineHeight = size * 1.3;
    const widths = columns.map((c) => c.width * WIDTH);
    const cellLines = (cells: readonly string[], bold: boolean) => {
      this.font(bold ? 'bold' : 'normal', size);
      return cells.map((cell, i) => this.lines(cell, (widths[i] ?? 40) - 2 * pad));
    };
    const header = cellLines(
      columns.map((c) => c.title),
      true,
    );
    const headerHeight = Math.max(...header.map((l) => l.length)) * lineHeight + 2 * pad;

    const drawRow = (lines: string[][], height: number, fill: Rgb | null, color: Rgb, bold: boolean) => {
      if (fill) {
        this.doc.setFillColor(...fill);
        this.doc.rect(MARGIN.left, this.y, WIDTH, height, 'F');
      }
      this.font(bold ? 'bold' : 'normal', size, color);
      let x = MARGIN.left;
      lines.forEach((cellLines, i) => {
        const width = widths[i] ?? 0;
        const align = columns[i]?.align ?? 'left';
        const tx = align === 'right' ? x + width - pad : align === 'center' ? x + width / 2 : x + pad;
        cellLines.forEach((line, j) => {
          this.write(line, tx, this.y + pad + size + j * lineHeight - 1.5, { align });
        });
        x += width;
      });
      this.y += height;
    };
    const drawHeader = () =>
      drawRow(header, headerHeight, this.primary, isDark(this.primary) ? WHITE : INK, true);

    const firstHeight = rows[0] ? Math.max(...cellLines(rows[0], false).map((l) => l.length)) : 1;
    this.ensure(headerHeight + firstHeight * lineHeight + 2 * pad);
    drawHeader();
    rows.forEach((row, r) => {
      const bold = emphasis.includes(r);
      const lines = cellLines(row, bold);
      const height = Math.max(...lines.map((l) => l.length)) * lineHeight + 2 * pad;
      if (this.y + height > BOTTOM) {
        this.newPage();
        drawHeader();
      }
      const fill = bold ? tint(this.accent, 0.82) : r % 2 === 1 ? ZEBRA : null;
      drawRow(lines, height, fill, INK, bold);
      this.doc.setDrawColor(...RULE);
      this.doc.setLineWidth(0.5);
      this.doc.line(MARGIN.left, this.y, MARGIN.left + WIDTH, this.y);
    });
    this.y += 6;
    if (caption) {
      this.font('normal', SIZE.small, MUTED);
      this.flow(this.lines(caption, WIDTH), MARGIN.left, SIZE.small);
    }
    this.y += 10;
  }

  private chart(chart: BarChart): void {
    const labelWidth = 150;
    const valueWidth = 34;
    const barArea = WIDTH - labelWidth - valueWidth;
    const bar = chart.series.length > 4 ? 7 : 10;
    const gap = 3;
    const groupHeight = (seriesCount: number) => 16 + seriesCount * (bar + gap) + 8;
    const { step, max } = niceScale(chart.max);
    const scale = (value: number) => (Math.min(max, Math.max(0, value)) / max) * barArea;

    this.subheading(chart.title);
    // The legend: a swatch and the name of each series, in order.
    this.ensure(20 + groupHeight(chart.series.length));
    let x = MARGIN.left;
    this.font('normal', SIZE.small, INK);
    chart.series.forEach((name, s) => {
      const label = this.clean(name);
      const width = this.doc.getTextWidth(label) + 26;
      if (x + width > MARGIN.left + WIDTH) {
        x = MARGIN.left;
        this.y += 14;
      }
      this.doc.setFillColor(...(this.seriesColors[s % this.seriesColors.length] ?? INK));
      this.doc.rect(x, this.y + 1, 10, 8, 'F');
      this.write(label, x + 14, this.y + 8.5);
      x += width;
    });
    this.y += 20;

    for (const [g, group] of chart.groups.entries()) {
      // The last group keeps the axis under it on the same page.
      const axis = g === chart.groups.length - 1 ? 40 : 0;
      if (this.y + groupHeight(group.values.length) + axis > BOTTOM) this.newPage();
      this.font('bold', SIZE.small, INK);
      const [label = ''] = this.lines(group.label, WIDTH);
      this.write(label, MARGIN.left, this.y + SIZE.small);
      this.y += 14;
      group.values.forEach((value, s) => {
        // Each bar is named as well as coloured, so the chart reads without colour.
        this.font('normal', SIZE.small - 1, MUTED);
        const [name = ''] = this.lines(chart.series[s] ?? '', labelWidth - 16);
        this.write(name, MARGIN.left + labelWidth - 8, this.y + bar - 1, { align: 'right' });
        this.doc.setFillColor(...ZEBRA);
        this.doc.rect(MARGIN.left + labelWidth, this.y, barArea, bar, 'F');
        this.doc.setFillColor(...(this.seriesColors[s % this.seriesColors.length] ?? INK));
        const width = scale(value);
        if (width > 0) this.doc.rect(MARGIN.left + labelWidth, this.y, width, bar, 'F');
        this.font('normal', SIZE.small - 0.5, INK);
        this.write(group.labels?.[s] ?? value.toFixed(chart.digits), MARGIN.left + WIDTH, this.y + bar - 1, {
          align: 'right',
        });
        this.y += bar + gap;
      });
      this.y += 8;
    }
    // The scale under the last group.
    this.ensure(22);
    this.doc.setDrawColor(...RULE);
    this.doc.setLineWidth(0.5);
    this.doc.line(MARGIN.left + labelWidth, this.y, MARGIN.left + labelWidth + barArea, this.y);
    this.font('normal', SIZE.small - 1, MUTED);
    const digits = step < 0.1 ? 2 : step < 1 ? 1 : 0;
    for (let tick = 0; tick <= max + step / 2; tick += step) {
      const tx = MARGIN.left + labelWidth + (tick / max) * barArea;
      this.doc.line(tx, this.y, tx, this.y + 3);
      this.write(tick.toFixed(digits), tx, this.y + 12, { align: 'center' });
    }
    this.write(this.clean(chart.unit), MARGIN.left + labelWidth + barArea / 2, this.y + 24, {
      align: 'center',
    });
    this.y += 34;
  }

  /** The running header and the numbered footer, on every page after the cover. */
  decorate(): void {
    const { doc, model } = this;
    const total = doc.getNumberOfPages();
    const left = this.clean(model.header.left);
    const right = this.clean(model.header.right);
    const footer = this.clean(model.brand.footerText);
    const contact = this.clean(model.brand.contactLine);
    for (let page = 2; page <= total; page++) {
      doc.setPage(page);
      doc.setFillColor(...this.primary);
      doc.rect(0, 0, PAGE.width, 6, 'F');
      this.font('bold', SIZE.small, this.primary);
      this.write(left, MARGIN.left, 40, { maxWidth: WIDTH / 2 - 10 });
      this.font('normal', SIZE.small, MUTED);
      const [shortRight = ''] = doc.splitTextToSize(right, WIDTH / 2 - 10) as string[];
      this.write(shortRight, PAGE.width - MARGIN.right, 40, { align: 'right' });
      doc.setDrawColor(...RULE);
      doc.setLineWidth(0.5);
      doc.line(MARGIN.left, 50, PAGE.width - MARGIN.right, 50);

      const footY = PAGE.height - 40;
      doc.line(MARGIN.left, footY - 14, PAGE.width - MARGIN.right, footY - 14);
      this.font('normal', SIZE.small - 0.5, MUTED);
      const [footLine = ''] = doc.splitTextToSize(footer, WIDTH - 90) as string[];
      this.write(footLine, MARGIN.left, footY);
      if (contact) {
        const [contactLine = ''] = doc.splitTextToSize(contact, WIDTH - 90) as string[];
        this.write(contactLine, MARGIN.left, footY + 11);
      }
      this.font('bold', SIZE.small, INK);
      this.write(`Page ${page} of ${total}`, PAGE.width - MARGIN.right, footY, { align: 'right' });
    }
  }
}
