/**
 * `npm run bench`: the time to build the demo report, from session data to PDF bytes (the model,
 * the layout and jsPDF's output). The aim is well under half a second.
 */
import { join } from 'node:path';
import { bench, describe } from 'vitest';
import { buildReport } from '@shared/report/model';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from '../src-main/report/demo';
import { loadReportFonts } from '../src-main/report/fonts';
import { renderReportPdf } from '../src-main/report/pdf';

const fonts = loadReportFonts(join(import.meta.dirname, '..', 'resources', 'fonts'));
const state = demoWorkshop();

describe('the demo report (aim: well under 500 ms)', () => {
  bench(
    'build the model and render the PDF',
    () => {
      const model = buildReport({
        session: DEMO_SESSION,
        state,
        brand: DEMO_BRAND,
        generatedAt: '2026-03-13T10:00:00.000Z',
        appVersion: 'bench',
      });
      renderReportPdf(model, fonts);
    },
    { time: 5000, warmupTime: 1000 },
  );
});
