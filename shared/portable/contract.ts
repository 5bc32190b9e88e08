import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import { SessionIdSchema, SessionSchema } from '../sessions/schema';
import { SESSION_FILE } from './schema';

const BySession = z.strictObject({ sessionId: SessionIdSchema });
/**
 * What an import did: the session it made; `copy` when that session was already here, so the
 * new one got its own ids and a name that says it is a copy; and the report's brand profile,
 * `reconnected` when a profile with the same content was found on this computer.
 */
export const ImportOutcomeSchema = z.strictObject({
  session: SessionSchema,
  copy: z.boolean(),
  brand: z.strictObject({ profileName: z.string(), reconnected: z.boolean() }).nullable(),
});
export type ImportOutcome = z.infer<typeof ImportOutcomeSchema>;

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
    output: ImportOutcomeSchema,
  },
  'portable:csv': { input: BySession, output: TextFile },
  'portable:adr': { input: BySession, output: TextFile },
} satisfies Record<string, ChannelSpec>;
