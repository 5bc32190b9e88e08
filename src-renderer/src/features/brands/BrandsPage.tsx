/**
 * Brand profiles: how reports look. A list beside an editor; the preview follows every keystroke,
 * and a profile is saved with one button once it is valid (each problem is named at its field).
 */
import { useState } from 'react';
import { BRAND_LIMITS, BrandDraftSchema, DEFAULT_BRAND, LogoUploadSchema } from '@shared/brands/schema';
import type { Brand, BrandFields, Logo } from '@shared/brands/schema';
import { ApiError } from '../../api/client';
import { mutate, useQuery } from '../../api/queries';
import { Field } from '../../components/Field';
import { BrandPreview } from './BrandPreview';

type Draft = BrandFields & { id?: string; logo: Logo | null; logoChanged: boolean };
type Errors = Partial<Record<keyof BrandFields | 'logo', string>>;

const EMPTY: Draft = {
  ...DEFAULT_BRAND,
  profileName: '',
  companyName: '',
  footerText: '',
  logoChanged: false,
};

const toDraft = (brand: Brand): Draft => ({ ...brand, logoChanged: false });

export function BrandsPage() {
  const brands = useQuery('brands:list', {});
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<Errors>({});
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);

  const edit = (next: Draft | undefined) => {
    setDraft(next);
    setErrors({});
    setStatus(undefined);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => current && { ...current, [key]: value });
    setErrors((current) => ({ ...current, [key]: undefined }));
  };

  const pickLogo = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > BRAND_LIMITS.logoBytes) {
      setErrors((current) => ({
        ...current,
        logo: `The logo must be ${BRAND_LIMITS.logoBytes / 1024} KB or smaller.`,
      }));
      return;
    }
    const base64 = await readBase64(file);
    const parsed = LogoUploadSchema.safeParse(base64);
    if (!parsed.success) {
      setErrors((current) => ({ ...current, logo: parsed.error.issues[0]?.message ?? 'Not a usable logo.' }));
      return;
    }
    setDraft((current) => current && { ...current, logo: parsed.data, logoChanged: true });
    setErrors((current) => ({ ...current, logo: undefined }));
  };

  const save = async () => {
    if (!draft) return;
    const { logo, logoChanged, ...fields } = draft;
    const input = { ...fields, ...(logoChanged ? { logo: logo ? logo.base64 : null } : {}) };
    const checked = BrandDraftSchema.safeParse(input);
    if (!checked.success) {
      const found: Errors = {};
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? '') as keyof Errors;
        found[key] ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setBusy(true);
    try {
      const saved = await mutate('brands:save', input);
      edit(toDraft(saved));
      setStatus(`Saved “${saved.profileName}”.`);
    } catch (caught) {
      if (caught instanceof ApiError && caught.field) setErrors({ [caught.field]: caught.message });
      else setStatus(caught instanceof ApiError ? caught.message : 'The profile could not be saved.');
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!draft?.id) return;
    setBusy(true);
    try {
      await mutate('brands:delete', { id: draft.id });
      edit(undefined);
      setStatus('Profile deleted. Sessions that used it go back to the Stackwise look.');
    } catch (caught) {
      setStatus(caught instanceof ApiError ? caught.message : 'The profile could not be deleted.');
    } finally {
      setBusy(false);
    }
  };

  const text = (
    key: 'profileName' | 'companyName' | 'contactLine' | 'footerText',
    label: string,
    hint?: string,
  ) =>
    draft ? (
      <Field
        label={label}
        error={errors[key]}
        hint={hint}
        required={key === 'profileName' || key === 'companyName'}
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
    ) : null;

  const colour = (key: 'primaryColor' | 'accentColor', label: string, hint: string) =>
    draft ? (
      <Field label={label} error={errors[key]} hint={hint}>
        {(control) => (
          <span className="colour-field">
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
        )}
      </Field>
    ) : null;

  return (
    <section className="page page--wide" aria-labelledby="brands-title">
      <header className="page__header">
        <div className="page__heading">
          <h1 id="brands-title" className="page__title">
            Brand profiles
          </h1>
          <p className="page__subtitle">
            How your recommendation reports look: logo, colours, contact and footer.
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => edit({ ...EMPTY })}>
            New profile
          </button>
        </div>
      </header>
      {status ? (
        <p className="notice notice--info" role="status">
          {status}
        </p>
      ) : null}
      <div className="brands">
        <nav className="card brands__list" aria-label="Profiles">
          {brands.data && brands.data.length > 0 ? (
            <ul className="plain-list">
              {brands.data.map((brand) => (
                <li key={brand.id}>
                  <button
                    type="button"
                    className="brands__item"
                    aria-current={draft?.id === brand.id ? 'true' : undefined}
                    onClick={() => edit(toDraft(brand))}
                  >
                    <span className="brands__swatches" aria-hidden="true">
                      <span style={{ background: brand.primaryColor }} />
                      <span style={{ background: brand.accentColor }} />
                    </span>
                    <span>
                      <strong>{brand.profileName}</strong>
                      <span className="muted"> · {brand.companyName}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">No profiles yet. Reports use the Stackwise look until you make one.</p>
          )}
        </nav>
        {draft ? (
          <form
            className="card brands__editor"
            aria-label={draft.id ? `Edit ${draft.profileName}` : 'New profile'}
            onSubmit={(event) => {
              event.preventDefault();
              void save();
            }}
          >
            <div className="brands__fields">
              {text(
                'profileName',
                'Profile name',
                'Only you see this, e.g. “Our own” or “Partner white-label”.',
              )}
              {text('companyName', 'Company name')}
              {colour(
                'primaryColor',
                'Primary colour',
                'Headings, the cover, table headers; pick one that reads on white.',
              )}
              {colour('accentColor', 'Accent colour', 'Rules, bullets and the second stack in charts.')}
              {text(
                'contactLine',
                'Contact line',
                'e.g. name · email · phone, printed under the cover and in the footer.',
              )}
              {text('footerText', 'Footer text', 'e.g. “Confidential: prepared for the client”.')}
              <Field
                label="Disclaimer"
                error={errors.disclaimer}
                hint="Optional; printed at the end of the report."
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
              <Field
                label="Logo"
                error={errors.logo}
                hint={
                  draft.logo
                    ? `${draft.logo.format}, ${draft.logo.width} × ${draft.logo.height} pixels.`
                    : `PNG or JPEG, up to ${BRAND_LIMITS.logoBytes / 1024} KB.`
                }
              >
                {(control) => (
                  <span className="logo-field">
                    <input
                      {...control}
                      type="file"
                      accept="image/png,image/jpeg"
                      onChange={(event) => void pickLogo(event.target.files?.[0])}
                    />
                    {draft.logo ? (
                      <button
                        type="button"
                        className="button button--small button--quiet"
                        onClick={() => setDraft({ ...draft, logo: null, logoChanged: true })}
                      >
                        Remove logo
                      </button>
                    ) : null}
                  </span>
                )}
              </Field>
            </div>
            <div className="brands__side">
              <BrandPreview brand={draft} />
              <div className="brands__actions">
                <button type="submit" className="button button--primary" disabled={busy}>
                  Save profile
                </button>
                {draft.id ? (
                  <button
                    type="button"
                    className="button button--danger-outline"
                    disabled={busy}
                    onClick={() => void remove()}
                  >
                    Delete profile
                  </button>
                ) : null}
              </div>
            </div>
          </form>
        ) : (
          <div className="card brands__editor brands__editor--empty">
            <p className="muted">Choose a profile to edit it, or make a new one.</p>
          </div>
        )}
      </div>
    </section>
  );
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const { result } = reader;
      if (typeof result === 'string') resolve(result.replace(/^data:[^,]*,/, ''));
      else reject(new Error('The file could not be read.'));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
