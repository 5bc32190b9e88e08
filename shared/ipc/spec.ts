import type { z } from 'zod';

/** One channel: the schema its input must pass, and the schema its answer is checked against. */
export type ChannelSpec = { input: z.ZodType; output: z.ZodType };
