/**
 * The PDF's metadata says which copy it is, as its cover does: Draft or Final, the version and the
 * reference, in the Keywords (document information and XMP) and the reference as the XMP
 * identifier. A copy exported before reports had an issue has none of them, so its redraw for
 * “PDF as it was” stays the file it was.
 */
import { describe, expect, it } from 'vitest';
import { buildReport } from '@shared/report/model';
import type { ReportInput } from '@shared/report/model';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../../src-main/report/demo';
import { loadReportFonts } from '../../src-main/report/fonts';
import { renderReportPdf } from '../../src-main/report/pdf';
import { FONTS_DIR } from '../helpers/fixtures';
import { pdfInfo, readPdf, savePdf } from '../helpers/pdf';
import { useTempDir } from '../helpers/tempDir';

const tempDir = useTempDir();
const fonts = loadReportFonts(FONTS_DIR);

function metadata(issue: ReportInput['issue']) {
  const model = buildReport({
    session: DEMO_SESSION,
    state: demoWorkshop(),
    brand: DEMO_BRAND,
    generatedAt: '2026-03-13T10:00:00.000Z',
    appVersion: '1.2.3',
    ...(issue === undefined ? {} : { issue }),
  });
  const pdf = renderReportPdf(model, fonts);
  const xmp = [...readPdf(pdf.bytes).objects.values()].find((o) => /\/Type \/Metadata/.test(o.dict));
  return {
    info: pdfInfo(savePdf(tempDir(), pdf.bytes)),
    xml: Buffer.from(xmp?.stream ?? '', 'latin1').toString('utf8'),
  };
}

describe('the metadata of a copy with an issue', () => {
  it('names its status, version and reference, as the cover does', () => {
    const reference = 'NORTHWIND-LOGISTICS-CPR-2026-03-12-v3';
    const { info, xml } = metadata({ status: 'final', version: 3, reference });
    const keywords = `technology selection, Django, Node.js, Final, Version 3, ${reference}`;
    expect(info['Keywords']).toBe(keywords);
    expect(xml).toContain(`<pdf:Keywords>${keywords}</pdf:Keywords>`);
    expect(xml).toContain(`<dc:identifier>${reference}</dc:identifier>`);
  });

  it('says Draft, version 1, for a report made without one (the command line)', () => {
    const { info } = metadata(undefined);
    expect(info['Keywords']).toMatch(/^technology selection, Django, Node\.js, Draft, Version 1, \S+-v1$/);
  });
});

describe('the metadata of a copy exported before reports had an issue', () => {
  it('names no status, version or reference, as its cover printed none', () => {
    const { info, xml } = metadata(null);
    expect(info['Keywords']).toBe('technology selection, Django, Node.js');
    expect(xml).toContain('<pdf:Keywords>technology selection, Django, Node.js</pdf:Keywords>');
    expect(xml).not.toContain('dc:identifier');
  });
});
