/**
 * Page breaks, tried at every height a page can have left: a table starts only where its header
 * and three rows fit (and repeats its header), a chart keeps its title and legend with its bars,
 * a `keepTogether` group stays whole, and a report's last page is never left with a line or two.
 */
import { describe, expect, it } from 'vitest';
import type { Block, Section } from '@shared/report/blocks';
import { buildReport } from '@shared/report/model';
import type { ReportModel } from '@shared/report/model';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { loadReportFonts } from '../../src-main/report/fonts';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pageTexts, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const fonts = loadReportFonts(FONTS_DIR);
const base = buildReport({
  session: DEMO_SESSION,
  state: demoWorkshop(),
  brand: DEMO_BRAND,
  generatedAt: '2026-03-13T10:00:00.000Z',
  appVersion: '1.2.3',
});

/** Numbered filler lines, so what follows them starts lower on the page each time. */
const filler = (lines: number): Block[] =>
  Array.from({ length: lines }, (_, i) => ({ kind: 'paragraph', text: `Filler line ${i + 1}.` }));

function pages(blocks: Block[], sections: Section[] = []): string[] {
  const model: ReportModel = {
    ...base,
    sections: [{ id: 'test', title: 'Layout under test', blocks }, ...sections],
  };
  return pageTexts(savePdf(tempDir(), renderReportPdf(model, fonts).bytes)).map((t) =>
    t.replace(/\s+/g, ' '),
  );
}

const table: Block = {
  kind: 'table',
  columns: [
    { title: 'Item', width: 0.6 },
    { title: 'Value', width: 0.4, align: 'right' },
  ],
  rows: Array.from({ length: 12 }, (_, i) => [`Row ${i + 1} item`, `${i + 1}`]),
  caption: 'Caption under the table.',
};

const chart: Block = {
  kind: 'barChart',
  title: 'Chart under test',
  series: ['Alpha series', 'Beta series'],
  groups: Array.from({ length: 7 }, (_, i) => ({ label: `Group ${i + 1}`, values: [i / 2, 3 - i / 3] })),
  max: 5,
  digits: 2,
  unit: 'test points',
};

describe('page breaks at every height left on a page', () => {
  // The page holds about 42 filler lines; these start the block near the bottom in every way.
  const heights = Array.from({ length: 14 }, (_, i) => 24 + i * 2);

  it('start a table only where its header and three rows fit, and repeat the header', () => {
    for (const lines of heights) {
      const texts = pages([...filler(lines), table]);
      const first = texts.findIndex((t) => t.includes('Row 1 item'));
      expect(first, `after ${lines} lines`).toBeGreaterThan(-1);
      for (const row of ['Row 2 item', 'Row 3 item']) {
        expect(texts[first], `after ${lines} lines`).toContain(row);
      }
      texts.forEach((text, p) => {
        if (/Row \d+ item/.test(text))
          expect(text, `page ${p + 1} after ${lines} lines`).toMatch(/Item Value/);
      });
    }
  });

  it('never carry a table’s last row over alone, nor leave its caption behind', () => {
    const after: Section = { id: 'after', title: 'After', blocks: filler(20) };
    // Lines of two heights, so the table's end falls at every point of a page.
    const muted = (n: number): Block[] =>
      Array.from({ length: n }, () => ({ kind: 'paragraph', text: 'Small print.', tone: 'muted' }));
    for (let lines = 36; lines <= 50; lines++) {
      for (let small = 0; small <= 2; small++) {
        // A section follows, so the table does not end the document (see the last-page rule).
        const texts = pages([...filler(lines), ...muted(small), table], [after]);
        const last = texts.find((t) => t.includes('Row 12 item')) ?? '';
        expect(last, `after ${lines} + ${small} lines`).toContain('Row 11 item');
        expect(last, `after ${lines} + ${small} lines`).toContain('Caption under the table.');
      }
    }
  });

  it('keep a chart’s title and legend on the page of its bars and scale', () => {
    for (const lines of heights) {
      const texts = pages([...filler(lines), chart]);
      const page = texts.findIndex((t) => t.includes('Chart under test'));
      for (const part of ['Alpha series', 'Beta series', 'Group 1', 'Group 7', 'test points']) {
        expect(texts[page], `after ${lines} lines: ${part}`).toContain(part);
      }
    }
  });

  it('keep a group together', () => {
    const group: Block = {
      kind: 'keepTogether',
      blocks: [
        { kind: 'subheading', text: 'Kept heading' },
        { kind: 'paragraph', text: 'Kept first paragraph.' },
        { kind: 'bullets', items: ['Kept point one', 'Kept point two', 'Kept point three'] },
      ],
    };
    for (const lines of heights) {
      const texts = pages([...filler(lines), group]);
      const page = texts.findIndex((t) => t.includes('Kept heading'));
      expect(texts[page], `after ${lines} lines`).toContain('Kept point three');
    }
  });

  it('never leave the last page with only a line or two', () => {
    for (const lines of heights.map((h) => h + 16)) {
      const texts = pages([
        ...filler(lines - 3),
        { kind: 'subheading', text: 'Closing note' },
        { kind: 'paragraph', text: 'The closing note of the report, one line.' },
      ]);
      const last = texts[texts.length - 1] ?? '';
      const moved = last.match(/Filler line/g)?.length ?? 0;
      expect(moved, `after ${lines} lines the last page holds: ${last}`).toBeGreaterThanOrEqual(3);
    }
  });
});
