import { contrastRatio, textShade } from '@shared/brands/print';
import type { BrandFields, Logo } from '@shared/brands/schema';
import { logoSource } from './PrintPreview';
import './brands.css';

type PreviewProps = {
  brand: BrandFields & { logo: Logo | null; clientLogo?: Logo | null };
  client?: string;
  headline?: string;
};

/**
 * A small picture of the report's cover in this brand: logos, colours, footer. Text in a brand
 * colour uses the shade of it that reads on white, as the report does.
 */
export function BrandPreview({
  brand,
  client = 'Client name',
  headline = 'The recommendation, in one line.',
}: PreviewProps) {
  const ink = textShade(brand.primaryColor);
  const onBox =
    contrastRatio(brand.primaryColor, '#FFFFFF') >= contrastRatio(brand.primaryColor, '#212529')
      ? '#FFFFFF'
      : '#212529';
  return (
    <figure className="brand-preview" aria-label={`Report cover in the ${brand.profileName || 'new'} style`}>
      <div
        className="brand-preview__page"
        style={{ borderLeftColor: brand.primaryColor, boxShadow: `inset 3px 0 0 ${brand.accentColor}` }}
      >
        <div className="brand-preview__logos">
          {brand.logo ? (
            <img
              className="brand-preview__logo"
              src={logoSource(brand.logo)}
              alt={`${brand.companyName} logo`}
            />
          ) : (
            <p className="brand-preview__company" style={{ color: ink }}>
              {brand.companyName || 'Company name'}
            </p>
          )}
          {brand.clientLogo ? (
            <img
              className="brand-preview__logo brand-preview__logo--client"
              src={logoSource(brand.clientLogo)}
              alt={`${client || 'Client'} logo`}
            />
          ) : null}
        </div>
        <p className="brand-preview__kicker" style={{ color: ink }}>
          Technology recommendation
        </p>
        <p className="brand-preview__title" style={{ color: ink }}>
          {client}
        </p>
        <p className="brand-preview__headline" style={{ background: brand.primaryColor, color: onBox }}>
          {headline}
        </p>
        <p className="brand-preview__footer">
          {[brand.contactLine, brand.footerText].filter(Boolean).join(' · ')}
        </p>
      </div>
    </figure>
  );
}
