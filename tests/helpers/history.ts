/**
 * The history as a person reads it with every entry opened: each entry of a page (`history:list`)
 * with the lines `history:entry` gives for it, in the shape one page used to answer whole, so
 * the tests that read what an entry says read it through both channels.
 */
import type { ComparisonRow } from '@shared/history/compare';
import type { HistoryDetails, HistoryEntry } from '@shared/history/contract';
import { ok } from './ipc';
import type { FakeIpcMain } from './ipc';

export type OpenedEntry = Omit<HistoryEntry, 'comparable'> & { changes: ComparisonRow[] };

/** An entry's lines, or the call's refusal as a test failure. */
export async function entryChanges(
  ipc: FakeIpcMain,
  sessionId: string,
  entryId: string,
): Promise<ComparisonRow[]> {
  return (await ok<HistoryDetails>(ipc.call('history:entry', { sessionId, entryId }))).changes;
}

/** One page of the history (newest first), every entry opened. */
export async function openedHistory(
  ipc: FakeIpcMain,
  sessionId: string,
  page: { offset?: number; limit?: number } = {},
): Promise<{ entries: OpenedEntry[]; total: number }> {
  const { entries, total } = await ok<{ entries: HistoryEntry[]; total: number }>(
    ipc.call('history:list', { sessionId, ...page }),
  );
  const opened: OpenedEntry[] = [];
  for (const { comparable, ...entry } of entries) {
    const changes = await entryChanges(ipc, sessionId, entry.id);
    // The timeline offers to open only comparable entries; the others must have nothing to show.
    if (!comparable && changes.length > 0) throw new Error(`${entry.id} is not comparable yet has lines`);
    opened.push({ ...entry, changes });
  }
  return { entries: opened, total };
}
