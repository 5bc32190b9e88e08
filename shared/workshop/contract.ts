import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import { SessionIdSchema } from '../sessions/schema';
import { ActionSchema } from './actions';
import { WorkshopStateSchema } from './schema';

export const WorkshopSnapshotSchema = z.strictObject({
  sessionId: SessionIdSchema,
  state: WorkshopStateSchema,
  /** Goes up by one with every change, undo or redo. */
  revision: z.number().int().nonnegative(),
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

const BySession = z.strictObject({ sessionId: SessionIdSchema });

export const workshopContract = {
  'workshop:get': { input: BySession, output: WorkshopSnapshotSchema },
  'workshop:apply': {
    input: z.strictObject({ sessionId: SessionIdSchema, action: ActionSchema }),
    output: WorkshopReceiptSchema,
  },
  'workshop:undo': { input: BySession, output: WorkshopSnapshotSchema },
  'workshop:redo': { input: BySession, output: WorkshopSnapshotSchema },
  /** Opens the presenter view on the shared screen (Electron); the web host answers `opened: false`. */
  'workshop:present': { input: BySession, output: z.strictObject({ opened: z.boolean() }) },
} satisfies Record<string, ChannelSpec>;

export const workshopEvents = {
  'workshop:changed': z.strictObject({
    sessionId: SessionIdSchema,
    revision: z.number().int().nonnegative(),
  }),
};
