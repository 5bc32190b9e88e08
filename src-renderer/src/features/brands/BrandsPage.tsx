/**
 * Brand profiles: how reports look. A list beside an editor; the print preview follows every
 * keystroke, and a profile is saved with one button once it is valid (each problem is named at
 * its field). A colour too light for text is said on saving, with its ratio and the darker shade
 * the report's text uses instead; it still saves.
 */
import { useState } from 'react';
import { brandContrast, contrastWarning } from '@shared/brands/contrast';
import type { ColourContrast } from '@shared/brands/contrast';
import { BrandDraftSchema } from '@shared/brands/schema';
import { ApiError } from '../../api/client';
import { mutate, useQuery } from '../../api/queries';
import { BrandEditor } from './BrandEditor';
import { EMPTY_DRAFT, saveInput, toDraft } from './draft';
import type { Draft, DraftErrors } from './draft';
import { useFittedTexts, usePrintFont } from './printFonts';
import './brands.css';

export function BrandsPage() {
  const brands = useQuery('brands:list', {});
  const [draft, setDraft] = useState<Draft>();
  const [errors, setErrors] = useState<DraftErrors>({});
  const [status, setStatus] = useState<string>();
  const [warnings, setWarnings] = useState<ColourContrast[]>([]);
  const [busy, setBusy] = useState(false);
  const font = usePrintFont();
  const fitted = useFittedTexts(draft ?? EMPTY_DRAFT, font);

  const edit = (next: Draft | undefined) => {
    setDraft(next);
    setErrors({});
    setStatus(undefined);
    setWarnings([]);
  };
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => {
    setDraft((current) => current && { ...current, [key]: value });
    setErrors((current) => ({ ...current, [key]: undefined }));
  };
  const setError = (key: keyof DraftErrors, message: string) =>
    setErrors((current) => ({ ...current, [key]: message }));

  const save = async () => {
    if (!draft) return;
    const input = saveInput(draft);
    const checked = BrandDraftSchema.safeParse(input);
    if (!checked.success) {
      const found: DraftErrors = {};
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? '') as keyof DraftErrors;
        found[key] ??= issue.message;
      }
      setErrors(found);
      // A problem no field owns is still said, never swallowed.
      if (checked.error.issues.some((issue) => issue.path.length === 0)) {
        setStatus('The profile could not be saved. Reload the page and try again.');
      }
      return;
    }
    setBusy(true);
    try {
      const saved = await mutate('brands:save', input);
      edit(toDraft(saved));
      setStatus(`Saved “${saved.profileName}”.`);
      setWarnings(brandContrast(saved).filter((check) => !check.readable));
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

  return (
    <section className="page page--wide" aria-labelledby="brands-title">
      <header className="page__header">
        <div className="page__heading">
          <h1 id="brands-title" className="page__title">
            Brand profiles
          </h1>
          <p className="page__subtitle">
            How your recommendation reports look: logos, colours, contact and footer.
          </p>
        </div>
        <div className="page__actions">
          <button type="button" className="button button--primary" onClick={() => edit({ ...EMPTY_DRAFT })}>
            New profile
          </button>
        </div>
      </header>
      {status ? (
        <p className="notice notice--info" role="status">
          {status}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <div className="notice notice--warning brands__warning" role="alert">
          <p>
            <strong>
              Saved, but {warnings.length === 1 ? 'a colour is' : 'two colours are'} too light for text.
            </strong>
          </p>
          {warnings.map((check) => (
            <p key={check.key}>
              <span
                className="contrast-note__swatch"
                style={{ background: check.shade }}
                aria-hidden="true"
              />{' '}
              {contrastWarning(check)}
            </p>
          ))}
        </div>
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
            <BrandEditor
              draft={draft}
              errors={errors}
              fitted={fitted}
              font={font}
              set={set}
              setError={setError}
            />
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
