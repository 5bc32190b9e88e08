import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import {
  SessionDraftSchema,
  SessionIdSchema,
  SessionListQuerySchema,
  SessionPatchSchema,
  SessionSchema,
  SessionSummarySchema,
} from './schema';

const ById = z.strictObject({ id: SessionIdSchema });

export const sessionsContract = {
  'sessions:list': { input: SessionListQuerySchema, output: z.array(SessionSummarySchema) },
  'sessions:get': { input: ById, output: SessionSchema },
  /** Every client's name once, for the list's client filter. */
  'sessions:clients': { input: z.strictObject({}), output: z.array(z.string()) },
  'sessions:create': { input: SessionDraftSchema, output: SessionSchema },
  'sessions:update': {
    input: z.strictObject({ id: SessionIdSchema, patch: SessionPatchSchema }),
    output: SessionSchema,
  },
  'sessions:duplicate': { input: ById, output: SessionSchema },
  'sessions:delete': { input: ById, output: ById },
} satisfies Record<string, ChannelSpec>;

export const sessionsEvents = {
  /** A session was created, changed or deleted; `id` is null when many changed at once. */
  'sessions:changed': z.strictObject({ id: SessionIdSchema.nullable() }),
};
