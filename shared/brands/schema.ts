/**
 * Brand profiles: how a consultancy's reports look. A consultancy may keep several (its own, a
 * partner's, a white-label one); each session picks one for its PDF.
 */
import { z } from 'zod';
import { hasControlCharacters, TimestampSchema } from '../sessions/schema';
import { hasBidiControls } from '../util/text';
import { inspectImage } from './image';
import type { ImageFormat } from './image';

export const BRAND_LIMITS = {
  profileName: 80,
  companyName: 120,
  contactLine: 200,
  footerText: 200,
  disclaimer: 1500,
  /** Logos are small: 512 KiB keeps the database and every report light. */
  logoBytes: 512 * 1024,
  logoPixels: 4000,
  logoMinPixels: 16,
} as const;

export const BrandIdSchema = z.uuid({
  error: 'That brand profile is not one this app made (its reference is not valid).',
});

const ColorSchema = (label: string) =>
  z
    .string({ error: `${label} must be text.` })
    .regex(/^#[0-9a-fA-F]{6}$/, { error: `${label} must be a colour like #1F4E79.` })
    .transform((value) => value.toUpperCase());

function line(label: string, max: number, required = false) {
  const base = z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer.` })
    .refine((value) => !hasControlCharacters(value), {
      error: `${label} cannot contain line breaks or control characters.`,
    })
    .refine((value) => !hasBidiControls(value), {
      error: `${label} cannot contain invisible text-direction characters, which can disguise text.`,
    });
  return required ? base.refine((value) => value.length > 0, { error: `${label} is required.` }) : base;
}

/** A logo as stored and sent: the file's bytes in base64, with what those bytes say about it. */
export const LogoSchema = z.strictObject({
  format: z.enum(['PNG', 'JPEG']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  base64: z.string(),
});
export type Logo = z.infer<typeof LogoSchema>;

/** Base64 of at most `BRAND_LIMITS.logoBytes` bytes that decodes to a real PNG or JPEG. */
export const LogoUploadSchema = z
  .string({ error: 'Logo must be the file’s content in base64.' })
  .max(Math.ceil(BRAND_LIMITS.logoBytes / 3) * 4 + 4, {
    error: `The logo must be ${BRAND_LIMITS.logoBytes / 1024} KB or smaller.`,
  })
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'Logo must be the file’s content in base64.' })
  .transform((base64, ctx): Logo => {
    const bytes = decodeBase64(base64);
    const info = inspectImage(bytes);
    if ('error' in info) {
      ctx.addIssue({ code: 'custom', message: info.error });
      return z.NEVER;
    }
    const { width, height } = info;
    const tooBig = Math.max(width, height) > BRAND_LIMITS.logoPixels;
    const tooSmall = Math.min(width, height) < BRAND_LIMITS.logoMinPixels;
    if (tooBig || tooSmall) {
      ctx.addIssue({
        code: 'custom',
        message: `The logo is ${width} x ${height} pixels; use one between ${BRAND_LIMITS.logoMinPixels} and ${BRAND_LIMITS.logoPixels} pixels on each side.`,
      });
      return z.NEVER;
    }
    return { format: info.format satisfies ImageFormat, width, height, base64 };
  });

export const BrandFieldsSchema = z.strictObject({
  profileName: line('Profile name', BRAND_LIMITS.profileName, true),
  companyName: line('Company name', BRAND_LIMITS.companyName, true),
  primaryColor: ColorSchema('Primary colour'),
  accentColor: ColorSchema('Accent colour'),
  contactLine: line('Contact line', BRAND_LIMITS.contactLine),
  footerText: line('Footer text', BRAND_LIMITS.footerText),
  disclaimer: z
    .string({ error: 'Disclaimer must be text.' })
    .trim()
    .max(BRAND_LIMITS.disclaimer, {
      error: `Disclaimer must be ${BRAND_LIMITS.disclaimer} characters or fewer.`,
    }),
});
export type BrandFields = z.infer<typeof BrandFieldsSchema>;

/**
 * Saving a profile: a new one has no id. `logo` (the consultancy's) and `clientLogo` (the
 * client's, printed on the cover beside it) are each base64 to set a new image, null to remove
 * it, and left out to keep the one stored.
 */
export const BrandDraftSchema = BrandFieldsSchema.extend({
  id: BrandIdSchema.optional(),
  logo: LogoUploadSchema.nullable().optional(),
  clientLogo: LogoUploadSchema.nullable().optional(),
});
export type BrandDraft = z.input<typeof BrandDraftSchema>;

/**
 * A brand line as stored: only its length checked, so a profile saved before the character rules
 * covered direction controls still opens; what is typed now goes through `line`.
 */
function storedLine(label: string, max: number, required = false) {
  const base = z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, { error: `${label} must be ${max} characters or fewer.` });
  return required ? base.min(1, { error: `${label} is required.` }) : base;
}

export const BrandSchema = z.strictObject({
  id: BrandIdSchema,
  ...BrandFieldsSchema.shape,
  profileName: storedLine('Profile name', BRAND_LIMITS.profileName, true),
  companyName: storedLine('Company name', BRAND_LIMITS.companyName, true),
  contactLine: storedLine('Contact line', BRAND_LIMITS.contactLine),
  footerText: storedLine('Footer text', BRAND_LIMITS.footerText),
  logo: LogoSchema.nullable(),
  /** The client's logo; profiles saved before it existed have none. */
  clientLogo: LogoSchema.nullable().default(null),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Brand = z.infer<typeof BrandSchema>;

/** What an unbranded report uses: Stackwise's own quiet look. */
export const DEFAULT_BRAND: BrandFields & { logo: Logo | null; clientLogo: Logo | null } = {
  profileName: 'Stackwise default',
  companyName: 'Stackwise',
  primaryColor: '#1F3A5F',
  accentColor: '#D9822B',
  contactLine: '',
  footerText: 'Prepared with Stackwise',
  disclaimer: '',
  logo: null,
  clientLogo: null,
};

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, i) => [char, i]));

/** Base64 (already checked against the alphabet) to bytes, without Node's Buffer or the DOM's atob. */
export function decodeBase64(base64: string): Uint8Array {
  const clean = base64.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let at = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | (BASE64_VALUE.get(char) ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}
