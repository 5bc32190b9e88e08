/** A logo picker: the file is read here and checked from its bytes before it is kept. */
import { BRAND_LIMITS, LogoUploadSchema } from '@shared/brands/schema';
import type { Logo } from '@shared/brands/schema';
import { Field } from '../../components/Field';

type LogoFieldProps = {
  label: string;
  /** What the logo is for, shown until one is chosen. */
  purpose: string;
  removeLabel: string;
  logo: Logo | null;
  error: string | undefined;
  onChange: (logo: Logo | null) => void;
  onError: (message: string) => void;
};

export function LogoField({ label, purpose, removeLabel, logo, error, onChange, onError }: LogoFieldProps) {
  const pick = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > BRAND_LIMITS.logoBytes) {
      onError(`The logo must be ${BRAND_LIMITS.logoBytes / 1024} KB or smaller.`);
      return;
    }
    const parsed = LogoUploadSchema.safeParse(await readBase64(file));
    if (parsed.success) onChange(parsed.data);
    else onError(parsed.error.issues[0]?.message ?? 'That file is not a usable logo.');
  };
  return (
    <Field
      label={label}
      error={error}
      hint={
        logo
          ? `${logo.format}, ${logo.width} × ${logo.height} pixels.`
          : `${purpose} PNG or JPEG, up to ${BRAND_LIMITS.logoBytes / 1024} KB.`
      }
    >
      {(control) => (
        <span className="logo-field">
          <input
            {...control}
            type="file"
            accept="image/png,image/jpeg"
            onChange={(event) => void pick(event.target.files?.[0])}
          />
          {logo ? (
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => onChange(null)}
            >
              {removeLabel}
            </button>
          ) : null}
        </span>
      )}
    </Field>
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
