/**
 * `npm run report`: the recommendation report as a PDF, from the command line.
 *
 *   npm run report -- --demo --out demo.pdf
 *   npm run report -- --session ID --db PATH --out report.pdf
 *
 * The same model and renderer as the app's Export PDF, so both give the same file for the same
 * session (apart from the moment it was made).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { version } from '../../package.json';
import { buildReport } from '@shared/report/model';
import { openDatabase } from '../db/connection';
import { fontsDirFrom, readFlag } from '../paths';
import { renderSessionReport } from '../services/reports';
import { DEMO_BRAND, DEMO_SESSION, demoWorkshop } from './demo';
import { fontsForReport } from './cjk';
import { reportCharacters } from './fonts';
import { renderReportPdf } from './pdf';
import type { RenderedReport } from './pdf';

const USAGE = `Usage:
  npm run report -- --demo [--out FILE]
  npm run report -- --session ID --db PATH [--final] [--out FILE]`;

async function main(argv: readonly string[]): Promise<void> {
  const fontsDir = fontsDirFrom(import.meta.dirname);
  const generatedAt = new Date().toISOString();
  const sessionId = readFlag(argv, 'session');
  let report: { fileName: string; pdf: RenderedReport };
  if (argv.includes('--demo')) {
    const model = buildReport({
      session: DEMO_SESSION,
      state: demoWorkshop(),
      brand: DEMO_BRAND,
      generatedAt,
      appVersion: version,
    });
    report = {
      fileName: model.fileName,
      pdf: renderReportPdf(model, fontsForReport(fontsDir, reportCharacters(model))),
    };
  } else if (sessionId) {
    const dbPath = readFlag(argv, 'db');
    if (!dbPath) throw new UsageError('--session needs --db PATH, the Stackwise database to read.');
    if (!existsSync(dbPath)) throw new UsageError(`There is no database at ${dbPath}.`);
    const db = openDatabase(dbPath);
    try {
      const status = argv.includes('--final') ? 'final' : 'draft';
      const { model, pdf } = await renderSessionReport(
        db,
        sessionId,
        { generatedAt, version, fontsDir },
        status,
      );
      report = { fileName: model.fileName, pdf };
    } finally {
      db.close();
    }
  } else {
    throw new UsageError('Say which report: --demo, or --session ID with --db PATH.');
  }
  const out = resolve(readFlag(argv, 'out') ?? report.fileName);
  writeFileSync(out, report.pdf.bytes);
  console.log(`Wrote ${out} (${report.pdf.pages} pages, ${Math.round(report.pdf.bytes.length / 1024)} KB).`);
  if (report.pdf.replaced > 0) {
    // Chinese, Japanese and Korean print in the CJK font, so what is left is such as emoji.
    console.log(`${report.pdf.replaced} characters the report’s fonts cannot draw are shown as boxes.`);
  }
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Stackwise report: ${message}`);
  if (error instanceof UsageError) console.error(USAGE);
  process.exitCode = 1;
});
