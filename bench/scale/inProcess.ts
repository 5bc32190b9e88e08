/**
 * The figures measured on the main side itself, through `dispatch` over the real handler map (what
 * an IPC call costs without the transport): the list's first page for each query, the file and its
 * change log, and, within one 40 x 8 x 40 session of about 1,500 changes, the history's first page
 * and an opened entry (./history.ts), autosaves and the session file's round trip.
 */
import { createCore } from '../../src-main/core';
import type { Core } from '../../src-main/core';
import { dispatch } from '../../src-main/ipc/dispatch';
import { FONTS_DIR } from '../generate';
import { historyFigures } from './history';
import { historyBytesBySession, percentile, sample, scratchCopy, tableBytes } from './measure';

export type Figures = Map<string, number | string>;

function openCore(path: string): Core {
  return createCore({ databasePath: path, host: 'web', version: '0.0.0-bench', fontsDir: FONTS_DIR });
}

async function call(core: Core, channel: string, input: unknown): Promise<unknown> {
  const result = await dispatch(core.handlers, channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value;
}

/** The list's sessions, whether the answer is a page (`{ sessions, total }`) or, as before paging, every row. */
export function listRows(value: unknown): Array<{ id: string; participantCount: number }> {
  const rows = Array.isArray(value) ? value : (value as { sessions: unknown[] }).sessions;
  return rows as Array<{ id: string; participantCount: number }>;
}

/** The first page the list asks for: 50 rows where the channel pages, everything where it does not. */
export const firstPage = (query: Record<string, string>): Record<string, unknown> => ({
  ...query,
  limit: 50,
});
const acceptsPaging = async (core: Core) => (await dispatch(core.handlers, 'sessions:list', { limit: 1 })).ok;

export const LIST_QUERIES: Array<[string, Record<string, string>]> = [
  ['sort: last edited', { sort: 'updated' }],
  ['sort: workshop date', { sort: 'date' }],
  ['sort: client', { sort: 'client' }],
  ['status: recommended', { status: 'recommended' }],
  ['client filter', { client: 'Müller Retail' }],
  ['search "muller"', { search: 'muller' }],
  ['search a person "søren"', { search: 'soren' }],
];

export async function listFigures(path: string, figures: Figures): Promise<void> {
  const copy = scratchCopy(path);
  const core = openCore(copy.path);
  try {
    const paging = await acceptsPaging(core);
    figures.set('list.paging', paging ? 'pages of 50' : 'every row');
    for (const [label, query] of LIST_QUERIES) {
      const input = paging ? firstPage(query) : query;
      await call(core, 'sessions:list', input);
      const samples = await sample(() => call(core, 'sessions:list', input), { runs: 60, budgetMs: 3000 });
      figures.set(`list.${label}`, percentile(samples, 0.95));
    }
    const everything = await call(core, 'sessions:list', paging ? { limit: 500 } : {});
    figures.set('list.json', JSON.stringify(everything).length);
    const sizes = tableBytes(core.db);
    figures.set('file.bytes', sizes.total);
    figures.set('file.changeShare', sizes.changeLog / sizes.total);
    // A typical session is the median one; the largest (40 x 8 x 40) ones are one in 200.
    figures.set('file.typicalHistory', percentile([...historyBytesBySession(core.db).values()], 0.5));
  } finally {
    core.close();
    copy.remove();
  }
}

/** The session ids of the single-session database: the large one first, the typical one second. */
function sessionsOf(core: Core): { large: string; typical: string } {
  const ids = core.db.prepare('SELECT id FROM sessions ORDER BY created_at, id').pluck().all() as string[];
  const [large, typical] = ids;
  if (!large || !typical) throw new Error('The large-session database holds fewer than two sessions.');
  return { large, typical };
}

/** p99 of `count` autosaves on one session: one slider each, a new undo step each time. */
async function autosaves(
  core: Core,
  sessionId: string,
  count: number,
): Promise<{ p99: number; median: number }> {
  const snapshot = (await call(core, 'workshop:get', { sessionId })) as {
    revision: number;
    state: { criteria: Array<{ id: string }>; rounds: Array<{ inputs: Record<string, unknown> }> };
  };
  const people = core.db
    .prepare('SELECT id FROM participants WHERE session_id = ? ORDER BY position')
    .pluck()
    .all(sessionId) as string[];
  let revision = snapshot.revision;
  const samples: number[] = [];
  for (let i = 0; i < count; i++) {
    const participantId = people[i % people.length] ?? '';
    const criterionId = snapshot.state.criteria[i % snapshot.state.criteria.length]?.id ?? 'security';
    const action = { type: 'setDirect', participantId, criterionId, value: (i * 7) % 11 };
    const start = performance.now();
    const receipt = (await call(core, 'workshop:apply', { sessionId, baseRevision: revision, action })) as {
      revision: number;
    };
    samples.push(performance.now() - start);
    revision = receipt.revision;
  }
  return { p99: percentile(samples, 0.99), median: percentile(samples, 0.5) };
}

export async function sessionFigures(path: string, figures: Figures): Promise<void> {
  const copy = scratchCopy(path);
  const core = openCore(copy.path);
  try {
    const { large, typical } = sessionsOf(core);
    const first = await historyFigures(core, large, figures);
    figures.set('large.entries', first.total);
    const history = historyBytesBySession(core.db);
    figures.set('large.historyBytes', history.get(large) ?? 0);
    figures.set('large.historyPer500', ((history.get(large) ?? 0) * 500) / Math.max(1, first.total));
    const exported = await dispatch(core.handlers, 'portable:export', { sessionId: large }, () => undefined);
    if (exported.ok) {
      const { text } = exported.value as { text: string };
      figures.set('large.fileBytes', Buffer.byteLength(text));
      const imported = await dispatch(core.handlers, 'portable:import', { text }, () => undefined);
      figures.set('large.imports', imported.ok ? 'yes' : `no: ${imported.error.message.slice(0, 50)}`);
    } else {
      figures.set('large.fileBytes', 'export fails');
      figures.set('large.imports', `no: ${exported.error.message.slice(0, 50)}`);
    }
    const big = await autosaves(core, large, 300);
    figures.set('large.autosaveP99', big.p99);
    figures.set('large.autosaveMedian', big.median);
    const small = await autosaves(core, typical, 300);
    figures.set('typical.autosaveP99', small.p99);
    figures.set('typical.autosaveMedian', small.median);
  } finally {
    core.close();
    copy.remove();
  }
}
