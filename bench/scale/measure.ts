/** Small helpers the scale figures share: timing, percentiles, sizes, the file's share per table. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Db } from '../../src-main/db/connection';

export function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

/**
 * Runs `task` until it has `runs` samples or `budgetMs` has passed (at least `min` samples), so a
 * slow size still finishes in bounded time: with few samples the 95th percentile is their maximum.
 */
export async function sample(
  task: () => Promise<unknown>,
  { runs = 40, min = 3, budgetMs = 4000 }: { runs?: number; min?: number; budgetMs?: number } = {},
): Promise<number[]> {
  const samples: number[] = [];
  const began = performance.now();
  while (samples.length < runs && (samples.length < min || performance.now() - began < budgetMs)) {
    const start = performance.now();
    await task();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** A scratch copy of a cached database, so measurements that write never change the cache. */
export function scratchCopy(path: string): { path: string; dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'stackwise-scale-'));
  const copy = join(dir, 'stackwise.sqlite');
  copyFileSync(path, copy);
  return { path: copy, dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * Bytes on disk by table (its indexes counted with it), from SQLite's `dbstat`. The change log is
 * every table whose name says `change` (today `workshop_changes`; a compact log keeps the name).
 */
export function tableBytes(db: Db): { total: number; changeLog: number; byTable: Map<string, number> } {
  const owner = new Map<string, string>();
  for (const row of db.prepare('SELECT name, tbl_name FROM sqlite_schema').all() as Array<{
    name: string;
    tbl_name: string;
  }>)
    owner.set(row.name, row.tbl_name);
  const byTable = new Map<string, number>();
  let total = 0;
  for (const row of db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as Array<{
    name: string;
    bytes: number;
  }>) {
    const table = owner.get(row.name) ?? row.name;
    byTable.set(table, (byTable.get(table) ?? 0) + row.bytes);
    total += row.bytes;
  }
  let changeLog = 0;
  for (const [table, bytes] of byTable) if (/change/i.test(table)) changeLog += bytes;
  return { total, changeLog, byTable };
}

/**
 * What each session's history takes: the bytes of its rows in every change-log table and in
 * `session_events` (each column's stored length), whatever the columns are called.
 */
export function historyBytesBySession(db: Db): Map<string, number> {
  const tables = (
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]
  ).filter((name) => /change|session_events/i.test(name));
  const bySession = new Map<string, number>();
  for (const table of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as Array<{ name: string }>).map(
      (c) => c.name,
    );
    if (!columns.includes('session_id')) continue;
    const sum = columns.map((c) => `COALESCE(LENGTH(CAST("${c}" AS BLOB)), 0)`).join(' + ');
    const rows = db
      .prepare(`SELECT session_id AS id, SUM(${sum}) AS bytes FROM "${table}" GROUP BY session_id`)
      .all() as Array<{ id: string; bytes: number }>;
    for (const row of rows) bySession.set(row.id, (bySession.get(row.id) ?? 0) + row.bytes);
  }
  return bySession;
}

export const ms = (value: number) =>
  Number.isFinite(value) ? `${value < 10 ? value.toFixed(2) : value.toFixed(0)} ms` : '—';
export const bytes = (value: number) =>
  value >= 1e9
    ? `${(value / 1e9).toFixed(2)} GB`
    : value >= 1e6
      ? `${(value / 1e6).toFixed(1)} MB`
      : `${(value / 1e3).toFixed(1)} KB`;
