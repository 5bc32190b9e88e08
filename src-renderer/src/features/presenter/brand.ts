/** The brand the shared screen wears: the one the session's report uses, as the report picks it. */
import { DEFAULT_BRAND } from '@shared/brands/schema';
import type { BrandFields, Logo } from '@shared/brands/schema';

export type PresenterBrand = BrandFields & { logo: Logo | null };

/**
 * The session's chosen profile, else Stackwise's default look (as the report does when no profile
 * is chosen, or the chosen one was deleted).
 */
export function presenterBrand(
  brandId: string | null | undefined,
  brands: readonly (PresenterBrand & { id: string })[] | undefined,
): PresenterBrand {
  if (!brandId) return DEFAULT_BRAND;
  return brands?.find((brand) => brand.id === brandId) ?? DEFAULT_BRAND;
}

export const logoSource = (logo: Logo) => `data:image/${logo.format.toLowerCase()};base64,${logo.base64}`;
