/**
 * The brand form sends back only what it edits: a stored profile opened and saved again passes the
 * save channel's strict schema (its own times stay out), and each logo is sent only when changed.
 */
import { describe, expect, it } from 'vitest';
import { BrandDraftSchema } from '@shared/brands/schema';
import type { Brand } from '@shared/brands/schema';
import { saveInput, toDraft } from '../../src-renderer/src/features/brands/draft';
import { pngImage } from '../helpers/images';

const logo = { format: 'PNG' as const, width: 320, height: 90, base64: pngImage(320, 90).toString('base64') };
const stored: Brand = {
  id: '6a0c1f0e-2b3d-4c5e-8f70-0a1b2c3d4e5f',
  profileName: 'Harbour & Vale',
  companyName: 'Harbour & Vale Consulting',
  primaryColor: '#1F4E5F',
  accentColor: '#C9733A',
  contactLine: 'hello@harbourvale.example',
  footerText: 'Confidential',
  disclaimer: '',
  logo,
  clientLogo: null,
  createdAt: '2026-01-05T09:00:00.000Z',
  updatedAt: '2026-01-05T09:00:00.000Z',
};

describe('the brand form’s draft', () => {
  it('saves a stored profile again without its times, keeping both logos as they are', () => {
    const input = saveInput(toDraft(stored));
    expect(BrandDraftSchema.safeParse(input).success).toBe(true);
    expect(input).not.toHaveProperty('createdAt');
    expect(input).not.toHaveProperty('logo');
    expect(input).not.toHaveProperty('clientLogo');
  });

  it('sends a changed logo as its bytes and a removed one as null', () => {
    const draft = {
      ...toDraft(stored),
      clientLogo: logo,
      clientLogoChanged: true,
      logo: null,
      logoChanged: true,
    };
    expect(saveInput(draft)).toMatchObject({ clientLogo: logo.base64, logo: null });
  });
});
