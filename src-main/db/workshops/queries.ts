/** Reads of workshop documents and their change log. */
import { applyPatch } from '@shared/history/patch';
import { z } from 'zod';
import type { Db } from '../connection';
import { statement } from '../statements';
import { HEAD_COLUMNS, toChangeHead, toLogRow, toWorkshop } from './rows';
import type { ChangeHead, LogRow, StoredWorkshop } from './rows';

export function getWorkshop(db: Db, sessionId: string): StoredWorkshop | undefined {
  const row = statement(db, 'SELECT state, revision FROM workshops WHERE session_id = ?').get(sessionId);
  return row === undefined ? undefined : toWorkshop(row);
}

const RevealSchema = z.object({
  hideUntilReveal: z.boolean(),
  rounds: z.array(z.object({ revealed: z.boolean() })),
});

/**
 * What says whether a workshop's inputs are hidden until the reveal, without checking the whole
 * document against its schema (the history asks on every page of a large workshop).
 */
export function workshopReveal(db: Db, sessionId: string): z.infer<typeof RevealSchema> | undefined {
  const state: unknown = db
    .prepare('SELECT state FROM workshops WHERE session_id = ?')
    .pluck()
    .get(sessionId);
  return state === undefined ? undefined : RevealSchema.parse(JSON.parse(z.string().parse(state)));
}

/** The newest change that is in effect (not undone): what undo would revert. */
export function lastAppliedChange(db: Db, sessionId: string): ChangeHead | undefined {
  // Read from the partial index of changes in effect (migration 80), whatever the history's length.
  const row = statement(
    db,
    `SELECT ${HEAD_COLUMNS} FROM workshop_changes WHERE session_id = ? AND undone = 0 AND sealed = 0 ORDER BY id DESC LIMIT 1`,
  ).get(sessionId);
  return row === undefined ? undefined : toChangeHead(row);
}

/** The oldest undone change: what redo would re-apply. */
export function firstUndoneChange(db: Db, sessionId: string): ChangeHead | undefined {
  // Read from the partial index of changes redo can reach (migration 80): none is one look-up.
  const row = statement(
    db,
    `SELECT ${HEAD_COLUMNS} FROM workshop_changes WHERE session_id = ? AND undone = 1 AND discarded = 0 ORDER BY id ASC LIMIT 1`,
  ).get(sessionId);
  return row === undefined ? undefined : toChangeHead(row);
}

/** Every change to a session's workshop, oldest first, without their states. */
export function allChangeHeads(db: Db, sessionId: string): ChangeHead[] {
  return db
    .prepare(`SELECT ${HEAD_COLUMNS} FROM workshop_changes WHERE session_id = ? ORDER BY id`)
    .all(sessionId)
    .map(toChangeHead);
}

export function changeHeadsByIds(db: Db, sessionId: string, ids: readonly number[]): ChangeHead[] {
  if (ids.length === 0) return [];
  return db
    .prepare(
      `SELECT ${HEAD_COLUMNS} FROM workshop_changes WHERE session_id = ? AND id IN (SELECT value FROM json_each(?)) ORDER BY id`,
    )
    .all(sessionId, JSON.stringify(ids))
    .map(toChangeHead);
}

const IdRow = z.object({ id: z.number().int().nullable() });

/** The newest change with a whole state at or before `id`: where rebuilding `id` starts. */
function checkpointAtOrBefore(db: Db, sessionId: string, id: number): number | null {
  const row = statement(
    db,
    'SELECT MAX(id) AS id FROM workshop_changes WHERE session_id = ? AND id <= ? AND base IS NOT NULL',
  ).get(sessionId, id);
  return IdRow.parse(row).id;
}

/** The states before and after a change, as stored (checked by whoever uses them). */
export type ChangeStates = { before: unknown; after: unknown };

/**
 * The states of the given changes, rebuilt from their nearest checkpoints. Changes are visited in
 * order, so a page of neighbouring changes replays each patch once.
 */
export function changeStates(db: Db, sessionId: string, ids: readonly number[]): Map<number, ChangeStates> {
  const wanted = [...new Set(ids)].sort((a, b) => a - b);
  const found = new Map<number, ChangeStates>();
  const rows = db.prepare(
    'SELECT id, base, link, patch FROM workshop_changes WHERE session_id = ? AND id >= ? AND id <= ? ORDER BY id',
  );
  let cursor: { id: number; after: unknown } | null = null;
  for (const target of wanted) {
    if (found.has(target)) continue;
    const checkpoint = checkpointAtOrBefore(db, sessionId, target);
    if (checkpoint === null) continue;
    const from: number = cursor !== null && cursor.id >= checkpoint ? cursor.id + 1 : checkpoint;
    let previous: unknown = cursor !== null && cursor.id >= checkpoint ? cursor.after : null;
    for (const raw of rows.iterate(sessionId, from, target)) {
      const row = toLogRow(raw);
      const before = row.base ?? applyPatch(previous, row.link ?? []);
      const after = applyPatch(before, row.patch);
      if (wanted.includes(row.id)) found.set(row.id, { before, after });
      previous = after;
      cursor = { id: row.id, after };
    }
  }
  return found;
}

const TailRow = z.object({ id: z.number().int(), since: z.number().int() });
// Made once: a zod object schema made on every call is compiled again on its first parse.
const TailQueryRow = z.object({ id: z.number().int().nullable(), since: z.number().int() });
const CheckpointRow = z.object({ yes: z.number() }).optional();

/**
 * The newest change of a session and how many changes there are from its nearest checkpoint to
 * it: where the next change links to, and whether it needs a whole state of its own.
 */
export function logTail(db: Db, sessionId: string): { id: number; since: number } | undefined {
  const row = statement(
    db,
    `SELECT MAX(id) AS id, COUNT(*) AS since FROM workshop_changes
        WHERE session_id = ? AND id >= (SELECT MAX(id) FROM workshop_changes WHERE session_id = ? AND base IS NOT NULL)`,
  ).get(sessionId, sessionId);
  const parsed = TailQueryRow.parse(row);
  return parsed.id === null ? undefined : TailRow.parse(parsed);
}

/** The change logged right after `id` in the same session, if any. */
export function nextChangeId(db: Db, sessionId: string, id: number): number | undefined {
  const row = statement(db, 'SELECT MIN(id) AS id FROM workshop_changes WHERE session_id = ? AND id > ?').get(
    sessionId,
    id,
  );
  return IdRow.parse(row).id ?? undefined;
}

/** Whether a change carries a whole state of its own. */
export function isCheckpoint(db: Db, id: number): boolean {
  const row = statement(db, 'SELECT base IS NOT NULL AS yes FROM workshop_changes WHERE id = ?').get(id);
  return CheckpointRow.parse(row)?.yes === 1;
}

/** Every change of a session as stored, oldest first: what a session file carries. */
export function allLogRows(db: Db, sessionId: string): LogRow[] {
  return db
    .prepare('SELECT id, base, link, patch FROM workshop_changes WHERE session_id = ? ORDER BY id')
    .all(sessionId)
    .map(toLogRow);
}

const VersionRow = z.object({ revision: z.number().int().nonnegative(), updated_at: z.string() });

/** Which version of a session's workshop is stored, without reading the document. */
export function workshopVersion(
  db: Db,
  sessionId: string,
): { revision: number; updatedAt: string } | undefined {
  const row = statement(db, 'SELECT revision, updated_at FROM workshops WHERE session_id = ?').get(sessionId);
  if (row === undefined) return undefined;
  const parsed = VersionRow.parse(row);
  return { revision: parsed.revision, updatedAt: parsed.updated_at };
}
