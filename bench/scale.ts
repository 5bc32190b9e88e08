/**
 * `npm run bench` (scale figures): every figure of "years of workshops" at 100, 1,000 and 10,000
 * sessions, with the 10k / 1k ratio, each beside its goal and PASS or MISS. The bench reports; it
 * never fails. `--quick` measures 100 and 1,000 only; `--sizes 100,1000` picks sizes.
 *
 *   node bench/run.mjs bench/scale.ts [--quick] [--sizes 100,1000,10000] [--seed 13] [--no-browser]
 *
 * Databases come from bench/generate.ts (cached in .bench-data/); the ones missing are made first.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DEFAULT_SEED, generateLargeSession, generateSessions, ROOT } from './generate';
import { throughHost } from './scale/host';
import { LIST_QUERIES, listFigures, sessionFigures } from './scale/inProcess';
import type { Figures } from './scale/inProcess';
import { bytes, ms } from './scale/measure';

type Row = {
  label: string;
  key: string;
  format: (v: number) => string;
  goal?: string;
  pass?: (v: number) => boolean;
};

const percent = (v: number) => `${(v * 100).toFixed(0)}%`;
const count = (v: number) => v.toLocaleString('en');

const SIZED_ROWS: Row[] = [
  ...LIST_QUERIES.map(([label]) => ({
    label: `sessions:list first page p95, ${label}`,
    key: `list.${label}`,
    format: ms,
    goal: '≤ 10 ms at 10k',
    pass: (v: number) => v <= 10,
  })),
  { label: 'sessions:list, 500 rows as JSON', key: 'list.json', format: bytes },
  {
    label: 'list painted after navigation (Chromium)',
    key: 'ui.navigate',
    format: ms,
    goal: '≤ 300 ms',
    pass: (v) => v <= 300,
  },
  { label: 'app opened at the list, rows shown', key: 'ui.openApp', format: ms },
  { label: 'DOM nodes on the list page', key: 'ui.domNodes', format: count },
  {
    label: 'keystroke in search -> list settled (150 ms pause incl.)',
    key: 'ui.keystroke',
    format: ms,
    goal: '≤ 300 ms',
    pass: (v) => v <= 300,
  },
  {
    label: 'longest frame while typing a search',
    key: 'ui.longestFrame',
    format: ms,
    // At 60 Hz a frame is 16.7 ms; a gap of 33 ms is one frame the page did not draw.
    goal: 'no dropped frame (< 25 ms)',
    pass: (v) => v < 25,
  },
  { label: 'frames of 25 ms or more while typing', key: 'ui.droppedFrames', format: count },
  {
    label: 'autosave sent while the list is computed: waits (median)',
    key: 'autosave.behindList',
    format: ms,
    goal: '≤ 10 ms',
    pass: (v) => v <= 10,
  },
  { label: 'database file', key: 'file.bytes', format: bytes },
  { label: 'share of the file that is the change log', key: 'file.changeShare', format: percent },
  {
    label: 'stored history of the median session',
    key: 'file.typicalHistory',
    format: bytes,
    goal: '≤ 50 KB',
    pass: (v) => v <= 50_000,
  },
  {
    label: 'start-up until the first call answers (warm)',
    key: 'start.firstCall',
    format: ms,
    goal: '≤ 1 s',
    pass: (v) => v <= 1000,
  },
  {
    label: 'start-up until the first call answers (cold cache)',
    key: 'start.cold',
    format: ms,
    goal: '≤ 1 s',
    pass: (v) => v <= 1000,
  },
  { label: 'whole-file check after opening, done at', key: 'start.check', format: ms },
  { label: 'backup (data:backup)', key: 'backup.time', format: ms },
  {
    label: 'longest wait of a call during the backup',
    key: 'backup.longestPing',
    format: ms,
    goal: '≤ 100 ms',
    pass: (v) => v <= 100,
  },
];

const SESSION_ROWS: Row[] = [
  { label: 'history entries of the 40 x 8 x 40 session', key: 'large.entries', format: count },
  { label: 'stored history, 40 x 8 x 40 session', key: 'large.historyBytes', format: bytes },
  {
    label: 'stored history per 500 changes, 40 x 8 x 40',
    key: 'large.historyPer500',
    format: bytes,
    goal: '≤ 2 MB',
    pass: (v) => v <= 2e6,
  },
  {
    label: 'first history page (50 entries), p95',
    key: 'large.historyPage',
    format: ms,
    goal: '≤ 50 ms',
    pass: (v) => v <= 50,
  },
  { label: 'one history entry opened (its lines), p95', key: 'large.historyEntry', format: ms },
  {
    label: 'autosave p99, typical session',
    key: 'typical.autosaveP99',
    format: ms,
    goal: '≤ 5 ms',
    pass: (v) => v <= 5,
  },
  { label: 'autosave median, typical session', key: 'typical.autosaveMedian', format: ms },
  {
    label: 'autosave p99, 40 x 8 x 40 session',
    key: 'large.autosaveP99',
    format: ms,
    goal: '≤ 10 ms',
    pass: (v) => v <= 10,
  },
  { label: 'autosave median, 40 x 8 x 40 session', key: 'large.autosaveMedian', format: ms },
  { label: 'session file of the 40 x 8 x 40 session', key: 'large.fileBytes', format: bytes },
  { label: 'that file imports back', key: 'large.imports', format: String, goal: 'yes' },
  { label: 'jspdf loaded at start-up (main side)', key: 'bundle.jspdfAtStart', format: String, goal: 'no' },
  { label: 'renderer bundle (JS), raw', key: 'bundle.raw', format: bytes },
  { label: 'renderer bundle (JS), gzip', key: 'bundle.gzip', format: bytes },
];

/** Every file a module loads before it runs: its static imports, followed (dynamic `import()` is not). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(
      /^\s*(?:import|export)\b[^'"()]*?from\s*["']([^"']+)["']|^\s*import\s*["']([^"']+)["']/gm,
    )) {
      const spec = match[1] ?? match[2] ?? '';
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else seen.add(spec);
    }
  };
  visit(entry);
  return seen;
}

/**
 * The renderer as the page loads it (the scripts index.html names and their static imports),
 * raw and gzip; chunks loaded later are not counted. And whether the desktop main process or
 * the web host loads jspdf before the first report is made.
 */
function bundleFigures(figures: Figures): void {
  const renderer = join(ROOT, 'out', 'renderer');
  const html = readFileSync(join(renderer, 'index.html'), 'utf8');
  const files = new Set<string>();
  for (const match of html.matchAll(/<(?:script|link)[^>]*(?:src|href)="\.?\/?([^"]+\.js)"/g))
    for (const file of staticClosure(join(renderer, match[1] ?? '')))
      if (file.endsWith('.js')) files.add(file);
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = readFileSync(file);
    raw += content.length;
    gzip += gzipSync(content).length;
  }
  figures.set('bundle.raw', raw);
  figures.set('bundle.gzip', gzip);
  const atStart = ['index.js', 'webhost.js'].some((entry) =>
    staticClosure(join(ROOT, 'out', 'main', entry)).has('jspdf'),
  );
  figures.set('bundle.jspdfAtStart', atStart ? 'yes' : 'no');
}

const cell = (row: Row, value: number | string | undefined) =>
  value === undefined ? '—' : typeof value === 'string' ? value : row.format(value);

function verdict(row: Row, value: number | string | undefined): string {
  if (row.goal === undefined || value === undefined) return '';
  if (typeof value === 'string') return value === row.goal ? 'PASS' : 'MISS';
  return row.pass?.(value) ? 'PASS' : 'MISS';
}

function printTable(sizes: number[], bySize: Map<number, Figures>, session: Figures): void {
  const header = ['figure', ...sizes.map((s) => `${count(s)} sessions`), '10k / 1k', 'goal', ''];
  const lines: string[][] = [header];
  for (const row of SIZED_ROWS) {
    const values = sizes.map((s) => bySize.get(s)?.get(row.key));
    const thousand = bySize.get(1000)?.get(row.key);
    const tenThousand = bySize.get(10000)?.get(row.key);
    const ratio =
      typeof thousand === 'number' && typeof tenThousand === 'number' && thousand > 0
        ? `x${(tenThousand / thousand).toFixed(1)}`
        : '';
    const largest = values[values.length - 1];
    lines.push([row.label, ...values.map((v) => cell(row, v)), ratio, row.goal ?? '', verdict(row, largest)]);
  }
  lines.push([]);
  for (const row of SESSION_ROWS) {
    const value = session.get(row.key);
    lines.push([
      row.label,
      cell(row, value),
      ...sizes.slice(1).map(() => ''),
      '',
      row.goal ?? '',
      verdict(row, value),
    ]);
  }
  const widths = header.map((_, i) => Math.max(...lines.map((l) => (l[i] ?? '').length)));
  for (const line of lines)
    console.log(
      line.length === 0
        ? ''
        : `  ${line.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')}`,
    );
}

function readSizes(argv: readonly string[]): number[] {
  if (argv.includes('--quick')) return [100, 1000];
  const index = argv.indexOf('--sizes');
  const raw = index >= 0 ? argv[index + 1] : undefined;
  return raw
    ? raw
        .split(',')
        .map(Number)
        .filter((n) => Number.isInteger(n) && n > 0)
    : [100, 1000, 10000];
}

export async function main(argv: readonly string[]): Promise<void> {
  const began = performance.now();
  const sizes = readSizes(argv);
  const seed = DEFAULT_SEED;
  const browser = !argv.includes('--no-browser');
  console.log(`\nYears of workshops: ${sizes.map(count).join(', ')} sessions (seed ${seed})`);
  const bySize = new Map<number, Figures>();
  for (const size of sizes) {
    const made = await generateSessions(size, seed);
    console.log(
      made.cached
        ? `  ${count(size)} sessions: cached database`
        : `  ${count(size)} sessions: generated in ${(made.ms / 1000).toFixed(1)} s`,
    );
    const figures: Figures = new Map();
    await listFigures(made.path, figures);
    await throughHost(made.path, figures.get('list.paging') === 'pages of 50', figures, browser);
    bySize.set(size, figures);
  }
  const large = await generateLargeSession(seed);
  if (!large.cached) console.log(`  the 40 x 8 x 40 session: generated in ${(large.ms / 1000).toFixed(1)} s`);
  const session: Figures = new Map();
  await sessionFigures(large.path, session);
  bundleFigures(session);
  console.log('');
  printTable(sizes, bySize, session);
  console.log(`\n  (scale figures took ${Math.round((performance.now() - began) / 1000)} s)`);
}
