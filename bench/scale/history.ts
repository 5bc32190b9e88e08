/**
 * The history of one large session, as the page reads it: the first page (50 entries listed from
 * their stored labels), and one entry opened (its lines compared, both states evaluated), each at
 * the 95th percentile. `node bench/run.mjs bench/scale/history.ts` measures only these, on the
 * cached 40 x 8 x 40 database (made first if it is missing).
 */
import { createCore } from '../../src-main/core';
import type { Core } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import { DEFAULT_SEED, FONTS_DIR, generateLargeSession } from '../generate';
import { ms, percentile, sample, scratchCopy } from './measure';

type Figures = Map<string, number | string>;
type Page = { entries: Array<{ id: string; comparable: boolean }>; total: number };

async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** `large.historyPage` (first page p95) and `large.historyEntry` (an opened entry p95). */
export async function historyFigures(core: Core, sessionId: string, figures: Figures): Promise<Page> {
  const firstPage = { sessionId, offset: 0, limit: 50 };
  const first = (await call(core, 'history:list', firstPage)) as Page;
  const pages = await sample(() => call(core, 'history:list', firstPage), {
    runs: 20,
    min: 5,
    budgetMs: 5000,
  });
  figures.set('large.historyPage', percentile(pages, 0.95));
  figures.set('large.historyPageMedian', percentile(pages, 0.5));
  // Each entry of the first page that has lines, opened in turn, as a reader would go down it.
  const opened = first.entries.filter((entry) => entry.comparable).map((entry) => entry.id);
  let next = 0;
  const entries = await sample(
    () => call(core, 'history:entry', { sessionId, entryId: opened[next++ % Math.max(1, opened.length)] }),
    { runs: 40, min: 5, budgetMs: 5000 },
  );
  figures.set('large.historyEntry', opened.length > 0 ? percentile(entries, 0.95) : Number.NaN);
  figures.set('large.historyEntryMedian', opened.length > 0 ? percentile(entries, 0.5) : Number.NaN);
  return first;
}

export async function main(): Promise<void> {
  const large = await generateLargeSession(DEFAULT_SEED);
  if (!large.cached) console.log(`Generated the 40 x 8 x 40 session in ${(large.ms / 1000).toFixed(1)} s.`);
  const copy = scratchCopy(large.path);
  const core = createCore({
    databasePath: copy.path,
    host: 'web',
    version: '0.0.0-bench',
    fontsDir: FONTS_DIR,
  });
  try {
    const [sessionId] = core.db
      .prepare('SELECT id FROM sessions ORDER BY created_at, id')
      .pluck()
      .all() as string[];
    if (!sessionId) throw new Error('The large-session database holds no session.');
    const figures: Figures = new Map();
    const first = await historyFigures(core, sessionId, figures);
    const shown = (key: string) => {
      const value = figures.get(key);
      return typeof value === 'number' ? ms(value) : String(value);
    };
    console.log(`40 x 8 x 40 session, ${first.total.toLocaleString('en')} history entries:`);
    console.log(`  first history page (50 entries), p95     ${shown('large.historyPage')}   goal ≤ 50 ms`);
    console.log(`  first history page, median               ${shown('large.historyPageMedian')}`);
    console.log(`  one entry opened (its lines), p95        ${shown('large.historyEntry')}`);
    console.log(`  one entry opened, median                 ${shown('large.historyEntryMedian')}`);
  } finally {
    core.close();
    copy.remove();
  }
}
