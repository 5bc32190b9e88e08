/** The profile being edited, as the form holds it: fields as typed, and which logos were changed. */
import { DEFAULT_BRAND } from '@shared/brands/schema';
import type { Brand, BrandDraft, BrandFields, Logo } from '@shared/brands/schema';

export type Draft = BrandFields & {
  id?: string;
  logo: Logo | null;
  clientLogo: Logo | null;
  logoChanged: boolean;
  clientLogoChanged: boolean;
};

export type DraftErrors = Partial<Record<keyof BrandFields | 'logo' | 'clientLogo', string>>;

export const EMPTY_DRAFT: Draft = {
  ...DEFAULT_BRAND,
  profileName: '',
  companyName: '',
  footerText: '',
  logoChanged: false,
  clientLogoChanged: false,
};

/** Only what the form edits: a stored profile's own times stay out of what is sent back. */
export const toDraft = (brand: Brand): Draft => ({
  id: brand.id,
  profileName: brand.profileName,
  companyName: brand.companyName,
  primaryColor: brand.primaryColor,
  accentColor: brand.accentColor,
  contactLine: brand.contactLine,
  footerText: brand.footerText,
  disclaimer: brand.disclaimer,
  logo: brand.logo,
  clientLogo: brand.clientLogo,
  logoChanged: false,
  clientLogoChanged: false,
});

/** What is sent to save: each logo only when it was changed (null removes it). */
export function saveInput(draft: Draft): BrandDraft {
  const { logo, clientLogo, logoChanged, clientLogoChanged, ...fields } = draft;
  return {
    ...fields,
    ...(logoChanged ? { logo: logo ? logo.base64 : null } : {}),
    ...(clientLogoChanged ? { clientLogo: clientLogo ? clientLogo.base64 : null } : {}),
  };
}
