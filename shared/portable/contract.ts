import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import { SessionIdSchema, SessionSchema } from '../sessions/schema';
import { SESSION_FILE } from './schema';

const BySession = z.strictObject({ sessionId: SessionIdSchema });
const TextFile = z.strictObject({ fileName: z.string(), mimeType: z.string(), text: z.string() });

export const portableContract = {
  /** The session, its workshop and its history as one versioned, checksummed JSON file. */
  'portable:export': { input: BySession, output: TextFile },
  /** Brings a session file in; all or nothing. */
  'portable:import': {
    input: z.strictObject({
      text: z.string({ error: 'The file must be text.' }).max(SESSION_FILE.maxBytes, {
        error: `The file is larger than ${SESSION_FILE.maxBytes / 1024 / 1024} MB.`,
      }),
    }),
    output: SessionSchema,
  },
  'portable:csv': { input: BySession, output: TextFile },
  'portable:adr': { input: BySession, output: TextFile },
} satisfies Record<string, ChannelSpec>;
