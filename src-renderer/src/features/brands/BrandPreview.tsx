import type { BrandFields, Logo } from '@shared/brands/schema';

type PreviewProps = { brand: BrandFields & { logo: Logo | null }; client?: string; headline?: string };

/** A small picture of the report's cover in this brand: logo, colours, footer. */
export function BrandPreview({
  brand,
  client = 'Client name',
  headline = 'The recommendation, in one line.',
}: PreviewProps) {
  const logo = brand.logo
    ? `data:image/${brand.logo.format.toLowerCase()};base64,${brand.logo.base64}`
    : null;
  return (
    <figure className="brand-preview" aria-label={`Report cover in the ${brand.profileName || 'new'} style`}>
      <div
        className="brand-preview__page"
        style={{ borderLeftColor: brand.primaryColor, boxShadow: `inset 3px 0 0 ${brand.accentColor}` }}
      >
        {logo ? (
          <img className="brand-preview__logo" src={logo} alt={`${brand.companyName} logo`} />
        ) : (
          <p className="brand-preview__company" style={{ color: brand.primaryColor }}>
            {brand.companyName || 'Company name'}
          </p>
        )}
        <p className="brand-preview__kicker" style={{ color: brand.primaryColor }}>
          Technology recommendation
        </p>
        <p className="brand-preview__title" style={{ color: brand.primaryColor }}>
          {client}
        </p>
        <p className="brand-preview__headline" style={{ background: brand.primaryColor }}>
          {headline}
        </p>
        <p className="brand-preview__footer">
          {[brand.contactLine, brand.footerText].filter(Boolean).join(' · ')}
        </p>
      </div>
    </figure>
  );
}
