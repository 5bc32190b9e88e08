/**
 * Workshop rows, parsed with zod. The change log keeps, per change, what changed (a patch from the
 * state before to the state after) and how its state before follows from the change logged just
 * before it (`link`), with the whole state before (`base`) every CHECKPOINT_EVERY changes; so
 * rebuilding any change's states replays at most that many patches from one whole document.
 */
import { z } from 'zod';
import { PatchSchema } from '@shared/history/patch';
import type { Patch } from '@shared/history/patch';
import { ActionSchema, WorkshopStateSchema } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

/** A whole state is stored with every this many changes of a session. */
export const CHECKPOINT_EVERY = 50;

const WorkshopRowSchema = z.object({ state: z.string(), revision: z.number().int().nonnegative() });

export type StoredWorkshop = { state: WorkshopState; revision: number };

export function toWorkshop(row: unknown): StoredWorkshop {
  const r = WorkshopRowSchema.parse(row);
  return { state: WorkshopStateSchema.parse(JSON.parse(r.state)), revision: r.revision };
}

const flag = z.union([z.literal(0), z.literal(1)]);

const ChangeHeadRowSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  undo_label: z.string(),
  action: z.string(),
  coalesce_key: z.string().nullable(),
  created_at: z.string(),
  updated_at: z.string(),
  undone: flag,
  discarded: flag,
  sealed: flag,
});

/** A logged change without its states: enough for the undo button, coalescing and paging. */
export type ChangeHead = {
  id: number;
  label: string;
  /** The phrase after "Undid: " or "Redid: ", named from the state the change was made on. */
  undoLabel: string;
  action: Action;
  coalesceKey: string | null;
  createdAt: string;
  updatedAt: string;
  undone: boolean;
  /** Undone, then replaced by a new edit: no longer redoable, kept for the history. */
  discarded: boolean;
  /** In effect, but beyond undo's reach (a snapshot was restored after it). */
  sealed: boolean;
};

export const HEAD_COLUMNS =
  'id, label, undo_label, action, coalesce_key, created_at, updated_at, undone, discarded, sealed';

export function toChangeHead(row: unknown): ChangeHead {
  const r = ChangeHeadRowSchema.parse(row);
  return {
    id: r.id,
    label: r.label,
    undoLabel: r.undo_label,
    action: ActionSchema.parse(JSON.parse(r.action)),
    coalesceKey: r.coalesce_key,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    undone: r.undone === 1,
    discarded: r.discarded === 1,
    sealed: r.sealed === 1,
  };
}

/** A change with both its states (a session file's record, or a change being logged). */
export type StoredChange = Omit<ChangeHead, 'id'> & { before: WorkshopState; after: WorkshopState };

const LogRowSchema = z.object({
  id: z.number().int(),
  base: z.string().nullable(),
  link: z.string().nullable(),
  patch: z.string(),
});

/** One change as stored: `base` (a whole state) or `link` (a patch), and its own patch. */
export type LogRow = { id: number; base: unknown; link: Patch | null; patch: Patch };

export function toLogRow(row: unknown): LogRow {
  const r = LogRowSchema.parse(row);
  return {
    id: r.id,
    // A whole state: checked against the workshop schema where a state is used, not here, so
    // that replaying patches over it costs no validation of states nobody reads.
    base: r.base === null ? null : (JSON.parse(r.base) as unknown),
    link: r.link === null ? null : PatchSchema.parse(JSON.parse(r.link)),
    patch: PatchSchema.parse(JSON.parse(r.patch)),
  };
}
