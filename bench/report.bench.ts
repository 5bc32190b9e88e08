/**
 * `npm run bench`: the time to build the demo report, from session data to PDF bytes (the model,
 * the choice of fonts, the layout and jsPDF's output). The aim is well under half a
 * second. The same report with Chinese, Japanese and Korean names reports its own time: it reads
 * the CJK font, cuts it down to the report's characters and embeds that subset.
 */
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { buildReport } from '@shared/report/model';
import type { Session } from '@shared/sessions/schema';
import { fontsForReport } from '../src-main/report/cjk';
import { reportCharacters } from '../src-main/report/fonts';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../src-main/report/demo';
import { renderReportPdf } from '../src-main/report/pdf';

const FONTS_DIR = join(import.meta.dirname, '..', 'resources', 'fonts');
const state = demoWorkshop();
const CJK_NAMES = ['王小明', '山田さくら', '김민준'];
const CJK_SESSION: Session = {
  ...DEMO_SESSION,
  clientName: '株式会社 東京ロジスティクス',
  facilitator: '陳淑芬',
  participants: DEMO_SESSION.participants.map((person, i) => ({
    ...person,
    name: CJK_NAMES[i] ?? person.name,
  })),
};

function draw(session: Session): void {
  const model = buildReport({
    session,
    state,
    brand: DEMO_BRAND,
    generatedAt: '2026-03-13T10:00:00.000Z',
    appVersion: 'bench',
  });
  renderReportPdf(model, fontsForReport(FONTS_DIR, reportCharacters(model)));
}

describe('the demo report (aim: well under 500 ms)', () => {
  bench('build the model and render the PDF', () => draw(DEMO_SESSION), { time: 5000, warmupTime: 1000 });
});

describe('choosing the fonts: what the demo report pays for the CJK check', () => {
  const model = buildReport({
    session: DEMO_SESSION,
    state,
    brand: DEMO_BRAND,
    generatedAt: '2026-03-13T10:00:00.000Z',
    appVersion: 'bench',
  });
  bench('collect its characters and find DejaVu draws them all', () => {
    fontsForReport(FONTS_DIR, reportCharacters(model));
  });
});

describe('a report with Chinese, Japanese and Korean names', () => {
  bench('build the model, subset the CJK font and render the PDF', () => draw(CJK_SESSION), {
    time: 5000,
    warmupTime: 1000,
  });
});
