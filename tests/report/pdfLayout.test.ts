/**
 * The report's layout survives any brand: the demo and an extreme brand (a 107-character company
 * name, a contact line and a footer of two lines each, a light #F2C14E primary) read back with
 * poppler. No two words overlap and no rule strikes through a word, no page but the cover is nearly
 * empty, brand texts end with "…" at their print limit and the footer keeps the e-mail, light
 * brand colours never colour text, and the file has its outline, language, XMP and exact title.
 */
import { describe, expect, it } from 'vitest';
import { contrastRatio, rgbToHex } from '@shared/brands/print';
import { buildReport } from '@shared/report/model';
import type { ReportBrand } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { loadReportFonts } from '../../src-main/report/fonts';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pngImage } from '../helpers/images';
import {
  imagePlacements,
  pageTexts,
  pdfInfo,
  readPdf,
  savePdf,
  strokedLines,
  textColours,
  wordBoxes,
} from '../helpers/pdf';
import type { WordBox } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';
import { EXTREME_BRAND, EXTREME_SESSION } from './fixtures/extremeBrand';

const tempDir = useTempDir();
const fonts = loadReportFonts(FONTS_DIR);
/** The text area: the running header above it, the footer below (see pdf/layout.ts). */
const BODY = { top: 60, bottom: 841.89 - 70 };
/** Fewer body words than this and a page is nearly empty. */
const HANDFUL = 20;

function render(session: Session, brand: ReportBrand) {
  const model = buildReport({
    session,
    state: demoWorkshop(),
    brand,
    generatedAt: '2026-03-13T10:00:00.000Z',
    appVersion: '1.2.3',
  });
  const pdf = renderReportPdf(model, fonts);
  const file = savePdf(tempDir(), pdf.bytes);
  // Read back at once: the temporary folder goes after the first test.
  return {
    model,
    words: wordBoxes(file),
    texts: pageTexts(file).map((t) => t.replace(/\s+/g, ' ')),
    info: pdfInfo(file),
    parsed: readPdf(pdf.bytes),
  };
}

const overlap = (a: WordBox, b: WordBox) =>
  Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin) > 0.5 &&
  Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin) > 0.5;

describe.each([
  ['the demo brand', DEMO_SESSION, DEMO_BRAND],
  ['an extreme brand', EXTREME_SESSION, EXTREME_BRAND],
])('the report with %s', (_name, session, brand) => {
  const { model, words, info, parsed } = render(session, brand);

  it('never draws a word over another', () => {
    words.forEach((page, p) => {
      const sorted = [...page].sort((a, b) => a.yMin - b.yMin);
      const clashes: string[] = [];
      sorted.forEach((a, i) => {
        for (let j = i + 1; j < sorted.length && (sorted[j]?.yMin ?? Infinity) < a.yMax; j++) {
          const b = sorted[j] as WordBox;
          if (overlap(a, b)) clashes.push(`“${a.text}” and “${b.text}”`);
        }
      });
      expect(clashes, `page ${p + 1}`).toEqual([]);
    });
  });

  it('never strikes a word through with a rule', () => {
    words.forEach((page, p) => {
      const rules = strokedLines(parsed.pages[p] ?? '').filter((r) => Math.abs(r.y1 - r.y2) < 0.01);
      for (const word of page) {
        for (const rule of rules) {
          const across =
            Math.min(word.xMax, Math.max(rule.x1, rule.x2)) -
              Math.max(word.xMin, Math.min(rule.x1, rule.x2)) >
            0.5;
          const through = rule.y1 > word.yMin + 1 && rule.y1 < word.yMax - 1;
          expect(across && through, `page ${p + 1}: a rule at ${rule.y1} runs through “${word.text}”`).toBe(
            false,
          );
        }
      }
    });
  });

  it('leaves no page but the cover nearly empty', () => {
    expect(words.length).toBeGreaterThan(5);
    words.slice(1).forEach((page, p) => {
      const body = page.filter((w) => w.yMin > BODY.top && w.yMax < BODY.bottom);
      expect(body.length, `page ${p + 2} has ${body.length} words`).toBeGreaterThanOrEqual(HANDFUL);
    });
  });

  it('keeps the header and footer clear of the body', () => {
    words.slice(1).forEach((page, p) => {
      const header = page.filter((w) => w.yMax < BODY.top);
      const footer = page.filter((w) => w.yMin > BODY.bottom);
      expect(header.length, `page ${p + 2}`).toBeGreaterThan(0);
      expect(
        footer.some((w) => w.text === 'Page'),
        `page ${p + 2}`,
      ).toBe(true);
      for (const w of page) {
        const straddles =
          (w.yMin < BODY.top && w.yMax > BODY.top) || (w.yMin < BODY.bottom && w.yMax > BODY.bottom);
        expect(straddles, `page ${p + 2}: “${w.text}” crosses the text area's edge`).toBe(false);
      }
    });
  });

  it('never colours text with a brand colour that does not read on white', () => {
    // White text appears only on a dark primary's fill; every other text colour reaches 4.5:1
    // against the page, so a light brand colour (or anything as light) never carries text.
    const whiteAllowed = contrastRatio(brand.primaryColor, '#FFFFFF') >= 4.5;
    let checked = 0;
    parsed.pages.forEach((content, p) => {
      for (const rgb of textColours(content)) {
        const hex = rgbToHex(rgb);
        checked++;
        if (whiteAllowed && hex === '#FFFFFF') continue;
        expect(contrastRatio(hex, '#FFFFFF'), `page ${p + 1}: text in ${hex}`).toBeGreaterThanOrEqual(4.5);
      }
    });
    expect(checked).toBeGreaterThan(100);
  });

  it('has an outline entry for every section, the document language and XMP metadata', () => {
    expect(parsed.catalog).toMatch(/\/Lang \(en-GB\)/);
    expect(parsed.catalog).toMatch(/\/Outlines \d+ 0 R/);
    expect(parsed.catalog).toMatch(/\/PageMode \/UseOutlines/);
    const entries = [...parsed.objects.values()].filter(
      (o) => /\/Parent \d+ 0 R/.test(o.dict) && /\/Dest/.test(o.dict),
    );
    expect(entries).toHaveLength(model.sections.length);
    const xmp = [...parsed.objects.values()].find((o) => /\/Type \/Metadata/.test(o.dict));
    const xml = Buffer.from(xmp?.stream ?? '', 'latin1').toString('utf8');
    expect(xml).toContain('<dc:language><rdf:Bag><rdf:li>en-GB</rdf:li></rdf:Bag></dc:language>');
    const escaped = model.meta.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
    expect(xml).toContain(`<rdf:li xml:lang="x-default">${escaped}</rdf:li>`);
    expect(xml).toContain('<xmp:CreatorTool>Stackwise 1.2.3</xmp:CreatorTool>');
    expect(info['Metadata Stream']).toBe('yes');
    expect(info['Title']).toBe(model.meta.title);
    expect(info['Subject']).toBe(model.meta.subject);
    expect(info['Creator']).toBe('Stackwise 1.2.3');
  });
});

describe('an extreme brand', () => {
  const { model, words, texts, info } = render(EXTREME_SESSION, EXTREME_BRAND);

  it('keeps Title and Subject exactly as typed, with ł, ü and typographic quotes', () => {
    expect(info['Title']).toBe('Technology recommendation: Kundenportal für Łódź – the “new” portal');
    expect(info['Subject']?.startsWith('Müller Spedition “Nord” (Łódź): ')).toBe(true);
    expect(model.meta.title).toBe(info['Title']);
  });

  it('keeps in the Title a character no font draws (it is not drawn there), where the page shows □', () => {
    const { info, texts: rocket } = render(
      { ...EXTREME_SESSION, projectName: 'Launch 🚀 “Ω”' },
      EXTREME_BRAND,
    );
    expect(info['Title']).toBe('Technology recommendation: Launch 🚀 “Ω”');
    expect(rocket[0]).toContain('Launch □ “Ω”');
  });

  it('prints this copy’s status, version, date and reference on the cover', () => {
    const issue = model.cover.issue ?? expect.unreachable('the model has an issue');
    for (const part of [issue.status, issue.date, issue.reference]) {
      expect(texts[0]).toContain(part);
    }
    expect(texts[0]).toContain(issue.version.toLowerCase());
  });

  it('cuts the company name with “…” in the header and on the cover, and keeps the footer’s e-mail', () => {
    for (const text of texts.slice(1)) {
      expect(text).toMatch(/Przedsiębiorstwo Doradcze [^·]*…/);
      expect(text).toContain('advisory.desk@mueller-lukasiewicz.example');
      expect(text).toContain('consent of the authors and of the client’s CTO.');
    }
    expect(texts[0]).toContain('advisory.desk@mueller-lukasiewicz.example');
    expect(texts[0]).toContain('Strategic Technology Advisory Group…');
  });

  it('draws the cover’s contact line and footer apart from the answer box and each other', () => {
    const cover = words[0] ?? [];
    const email = cover.find((w) => w.text.includes('advisory.desk@'));
    const answer = cover.find((w) => w.text === 'Recommended:');
    expect(email && answer && email.yMin > answer.yMax + 20).toBe(true);
  });
});

describe('the cover with logos', () => {
  const logo = (width: number, height: number) => ({
    format: 'PNG' as const,
    width,
    height,
    base64: pngImage(width, height).toString('base64'),
  });

  it.each([
    ['both logos', { logo: logo(400, 100), clientLogo: logo(120, 160) }],
    ['the client’s logo beside a long company name', { logo: null, clientLogo: logo(300, 120) }],
  ])('keeps every word clear of %s', (_name, logos) => {
    const { words, parsed } = render(EXTREME_SESSION, { ...EXTREME_BRAND, ...logos });
    const images = imagePlacements(parsed.pages[0] ?? '');
    expect(images).toHaveLength(logos.logo ? 2 : 1);
    for (const word of words[0] ?? []) {
      for (const image of images) {
        expect(overlap(word, { ...image, text: 'logo' }), `“${word.text}” touches a logo`).toBe(false);
      }
    }
    const [a, b] = images;
    if (a && b) expect(overlap({ ...a, text: '' }, { ...b, text: '' })).toBe(false);
  });
});
