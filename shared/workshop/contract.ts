import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import { RevisionSchema, SessionIdSchema } from '../sessions/schema';
import { ActionSchema } from './actions';
import { StepSchema, WorkshopStateSchema } from './schema';

export const WorkshopSnapshotSchema = z.strictObject({
  sessionId: SessionIdSchema,
  state: WorkshopStateSchema,
  /** Goes up by one with every change, undo or redo. */
  revision: RevisionSchema,
  undo: z.strictObject({ label: z.string() }).nullable(),
  redo: z.strictObject({ label: z.string() }).nullable(),
});
export type WorkshopSnapshot = z.infer<typeof WorkshopSnapshotSchema>;

/**
 * The answer to an applied action: everything in a snapshot but the state. The console has already
 * applied the same action with the same reducer, so sending a 40 x 40 state back on every slider
 * step would only cost both sides time.
 */
export const WorkshopReceiptSchema = WorkshopSnapshotSchema.omit({ state: true });
export type WorkshopReceipt = z.infer<typeof WorkshopReceiptSchema>;

/**
 * The answer to undo or redo: the snapshot, and what it did in words ("Undid: a participant's
 * Security weight") with the step the change was made on, which the state now shows, so the
 * facilitator sees what was reverted.
 */
export const WorkshopStepBackSchema = WorkshopSnapshotSchema.extend({
  done: z.strictObject({ message: z.string(), step: StepSchema }),
});
export type WorkshopStepBack = z.infer<typeof WorkshopStepBackSchema>;

const BySession = z.strictObject({ sessionId: SessionIdSchema });
/** A write says which revision the window's copy had; an older one is refused with `conflict`. */
const BasedOn = z.strictObject({ sessionId: SessionIdSchema, baseRevision: RevisionSchema });

export const workshopContract = {
  'workshop:get': { input: BySession, output: WorkshopSnapshotSchema },
  'workshop:apply': {
    input: BasedOn.extend({ action: ActionSchema }),
    output: WorkshopReceiptSchema,
  },
  'workshop:undo': { input: BasedOn, output: WorkshopStepBackSchema },
  'workshop:redo': { input: BasedOn, output: WorkshopStepBackSchema },
  /** Opens the presenter view on the shared screen (Electron); the web host answers `opened: false`. */
  'workshop:present': { input: BySession, output: z.strictObject({ opened: z.boolean() }) },
} satisfies Record<string, ChannelSpec>;

export const workshopEvents = {
  'workshop:changed': z.strictObject({
    sessionId: SessionIdSchema,
    revision: RevisionSchema,
    /**
     * The action this revision applied, with the undo and redo it leaves. A console one revision
     * behind applies it with the same reducer instead of reading the workshop back, so a ballot
     * from a phone repaints the ranking in the next frame. Absent for undo, redo and restores.
     */
    applied: z
      .strictObject({
        action: ActionSchema,
        undo: z.strictObject({ label: z.string() }).nullable(),
        redo: z.strictObject({ label: z.string() }).nullable(),
      })
      .optional(),
  }),
};
