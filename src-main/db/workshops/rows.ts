/** Workshop rows, parsed with zod; the JSON documents are validated against the shared schemas. */
import { z } from 'zod';
import { ActionSchema, WorkshopStateSchema } from '@shared/workshop';
import type { Action, WorkshopState } from '@shared/workshop';

const WorkshopRowSchema = z.object({ state: z.string(), revision: z.number().int().nonnegative() });

export type StoredWorkshop = { state: WorkshopState; revision: number };

export function toWorkshop(row: unknown): StoredWorkshop {
  const r = WorkshopRowSchema.parse(row);
  return { state: WorkshopStateSchema.parse(JSON.parse(r.state)), revision: r.revision };
}

const ChangeRowSchema = z.object({
  id: z.number().int(),
  label: z.string(),
  action: z.string(),
  coalesce_key: z.string().nullable(),
  before: z.string(),
  after: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  undone: z.union([z.literal(0), z.literal(1)]),
  discarded: z.union([z.literal(0), z.literal(1)]),
  sealed: z.union([z.literal(0), z.literal(1)]),
});

export type StoredChange = {
  id: number;
  label: string;
  action: Action;
  coalesceKey: string | null;
  before: WorkshopState;
  after: WorkshopState;
  createdAt: string;
  updatedAt: string;
  undone: boolean;
  /** Undone, then replaced by a new edit: no longer redoable, kept for the history. */
  discarded: boolean;
  /** In effect, but beyond undo's reach (a snapshot was restored after it). */
  sealed: boolean;
};

export function toChange(row: unknown): StoredChange {
  const r = ChangeRowSchema.parse(row);
  return {
    id: r.id,
    label: r.label,
    action: ActionSchema.parse(JSON.parse(r.action)),
    coalesceKey: r.coalesce_key,
    before: WorkshopStateSchema.parse(JSON.parse(r.before)),
    after: WorkshopStateSchema.parse(JSON.parse(r.after)),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    undone: r.undone === 1,
    discarded: r.discarded === 1,
    sealed: r.sealed === 1,
  };
}
