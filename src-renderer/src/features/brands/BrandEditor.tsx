/**
 * The brand profile form: each text with its limit in characters and the lines it prints on, each
 * colour with its contrast on white, both logos, and beside them the print preview, which follows
 * every keystroke.
 */
import { brandContrast } from '@shared/brands/contrast';
import type { ColourKey } from '@shared/brands/contrast';
import type { BrandTextPlace } from '@shared/brands/fit';
import { BRAND_PRINT_LINES } from '@shared/brands/print';
import { BRAND_LIMITS } from '@shared/brands/schema';
import { Field } from '../../components/Field';
import { ContrastNote } from './ContrastNote';
import type { Draft, DraftErrors } from './draft';
import { LogoField } from './LogoField';
import type { FittedTexts, FontState } from './printFonts';
import { PrintPreview } from './PrintPreview';

type EditorProps = {
  draft: Draft;
  errors: DraftErrors;
  fitted: FittedTexts;
  font: FontState;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  setError: (key: keyof DraftErrors, message: string) => void;
};

type PrintedText = 'companyName' | 'contactLine' | 'footerText';

const PLACE_NAMES: Record<BrandTextPlace, string> = {
  coverCompany: 'the cover’s top',
  coverPreparedBy: 'the cover’s “Prepared by”',
  coverContact: 'the cover',
  coverFooter: 'the cover',
  headerCompany: 'the running header',
  pageFooter: 'the footer',
  pageContact: 'the footer',
};

const lines = (n: number) => (n === 1 ? '1 line' : `${n} lines`);

/** Where each text prints and on how many lines, said once for the hint. */
const PRINTS_ON: Record<PrintedText, string> = {
  companyName: `Up to ${BRAND_LIMITS.companyName} characters. Prints on up to ${lines(BRAND_PRINT_LINES.companyName)} on the cover and on ${lines(1)} in the running header; beyond that it ends with “…”.`,
  contactLine: `e.g. name · email · phone. Up to ${BRAND_LIMITS.contactLine} characters, on up to ${lines(BRAND_PRINT_LINES.contactLine)} on the cover and in the footer; beyond that it ends with “…”.`,
  footerText: `e.g. “Confidential: prepared for the client”. Up to ${BRAND_LIMITS.footerText} characters, on up to ${lines(BRAND_PRINT_LINES.footerText)} on every page; beyond that it ends with “…”.`,
};

/** The places where a text is cut as it stands: "the cover and the footer". */
function cutPlaces(text: PrintedText, draft: Draft, fitted: FittedTexts): string | undefined {
  const places = (Object.keys(fitted) as BrandTextPlace[]).filter((place) => {
    if (!fitted[place].cut) return false;
    if (place === 'coverCompany' && draft.logo) return false;
    return (
      (text === 'companyName' && place.endsWith('Company')) ||
      (text === 'companyName' && place === 'coverPreparedBy') ||
      (text === 'contactLine' && place.endsWith('Contact')) ||
      (text === 'footerText' && place.endsWith('Footer'))
    );
  });
  const names = [...new Set(places.map((place) => PLACE_NAMES[place]))];
  if (names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}

export function BrandEditor({ draft, errors, fitted, font, set, setError }: EditorProps) {
  const contrast = brandContrast(draft);

  const text = (key: 'profileName' | PrintedText, label: string, hint?: string) => {
    const cut = key === 'profileName' ? undefined : cutPlaces(key, draft, fitted);
    return (
      <Field
        label={label}
        error={errors[key]}
        required={key === 'profileName' || key === 'companyName'}
        count={{ length: draft[key].length, max: BRAND_LIMITS[key] }}
        hint={
          <>
            {hint ?? (key === 'profileName' ? undefined : PRINTS_ON[key])}
            {cut ? (
              <span className="field__cut">
                {' '}
                As typed, it is too long for {cut}, where the report ends it with “…”.
              </span>
            ) : null}
          </>
        }
      >
        {(control) => (
          <input
            {...control}
            className="input"
            value={draft[key]}
            onChange={(event) => set(key, event.target.value)}
          />
        )}
      </Field>
    );
  };

  const colour = (key: ColourKey, label: string, hint: string) => {
    const check = contrast.find((c) => c.key === key);
    return (
      <Field label={label} error={errors[key]} hint={hint}>
        {(control) => (
          <span className="colour-field">
            <span className="colour-field__inputs">
              <input
                type="color"
                className="colour-field__swatch"
                aria-label={`${label} picker`}
                value={/^#[0-9a-f]{6}$/i.test(draft[key]) ? draft[key] : '#000000'}
                onChange={(event) => set(key, event.target.value.toUpperCase())}
              />
              <input
                {...control}
                className="input colour-field__text"
                value={draft[key]}
                onChange={(event) => set(key, event.target.value)}
              />
            </span>
            {check ? <ContrastNote check={check} /> : null}
          </span>
        )}
      </Field>
    );
  };

  return (
    <>
      <div className="brands__fields">
        {text('profileName', 'Profile name', 'Only you see this, e.g. “Our own” or “Partner white-label”.')}
        {text('companyName', 'Company name')}
        {colour('primaryColor', 'Primary colour', 'Headings, the cover, table headers.')}
        {colour('accentColor', 'Accent colour', 'Rules, bullets and the second stack in charts.')}
        {text('contactLine', 'Contact line')}
        {text('footerText', 'Footer text')}
        <Field
          label="Disclaimer"
          error={errors.disclaimer}
          hint="Optional; printed at the end of the report."
          count={{ length: draft.disclaimer.length, max: BRAND_LIMITS.disclaimer }}
        >
          {(control) => (
            <textarea
              {...control}
              className="input textarea"
              rows={3}
              value={draft.disclaimer}
              onChange={(event) => set('disclaimer', event.target.value)}
            />
          )}
        </Field>
        <LogoField
          label="Logo"
          purpose="Your logo, at the top of the cover."
          removeLabel="Remove logo"
          logo={draft.logo}
          error={errors.logo}
          onChange={(logo) => {
            set('logo', logo);
            set('logoChanged', true);
          }}
          onError={(message) => setError('logo', message)}
        />
        <LogoField
          label="Client logo"
          purpose="Optional: the client’s logo, on the cover beside yours."
          removeLabel="Remove client logo"
          logo={draft.clientLogo}
          error={errors.clientLogo}
          onChange={(logo) => {
            set('clientLogo', logo);
            set('clientLogoChanged', true);
          }}
          onError={(message) => setError('clientLogo', message)}
        />
      </div>
      <PrintPreview brand={draft} fitted={fitted} font={font} />
    </>
  );
}
