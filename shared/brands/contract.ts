import { z } from 'zod';
import type { ChannelSpec } from '../ipc/spec';
import { BrandDraftSchema, BrandIdSchema, BrandSchema } from './schema';

export const brandsContract = {
  'brands:list': { input: z.strictObject({}), output: z.array(BrandSchema) },
  'brands:save': { input: BrandDraftSchema, output: BrandSchema },
  'brands:delete': {
    input: z.strictObject({ id: BrandIdSchema }),
    output: z.strictObject({ id: BrandIdSchema }),
  },
} satisfies Record<string, ChannelSpec>;

export const brandsEvents = {
  'brands:changed': z.strictObject({}),
};
