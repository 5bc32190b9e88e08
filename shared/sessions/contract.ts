import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import {
  RevisionSchema,
  SessionDraftSchema,
  SessionIdSchema,
  SessionListQuerySchema,
  SessionPageSchema,
  SessionPatchSchema,
  SessionRecordSchema,
} from './schema';

const ById = z.strictObject({ id: SessionIdSchema });

export const sessionsContract = {
  /** One page of the list, read in order from an index, with the whole list's count. */
  'sessions:list': { input: SessionListQuerySchema, output: SessionPageSchema },
  'sessions:get': { input: ById, output: SessionRecordSchema },
  /** Every client's name once, for the list's client filter. */
  'sessions:clients': { input: z.strictObject({}), output: z.array(z.string()) },
  'sessions:create': { input: SessionDraftSchema, output: SessionRecordSchema },
  /**
   * `baseRevision` is the revision the window's copy had. Details edited on an older copy are
   * refused with `conflict`; participant changes apply item by item (see ParticipantChangesSchema).
   */
  'sessions:update': {
    input: z.strictObject({ id: SessionIdSchema, baseRevision: RevisionSchema, patch: SessionPatchSchema }),
    output: SessionRecordSchema,
  },
  'sessions:duplicate': { input: ById, output: SessionRecordSchema },
  'sessions:delete': { input: ById, output: ById },
} satisfies Record<string, ChannelSpec>;

export const sessionsEvents = {
  /** A session was created, changed or deleted; `id` is null when many changed at once. */
  'sessions:changed': z.strictObject({ id: SessionIdSchema.nullable() }),
};
