/** A brand colour's contrast on white, and when it is too light, the darker shade its text uses. */
import { formatRatio } from '@shared/brands/contrast';
import type { ColourContrast } from '@shared/brands/contrast';
import { contrastRatio, TEXT_CONTRAST } from '@shared/brands/print';

function Swatch({ colour }: { colour: string }) {
  return <span className="contrast-note__swatch" style={{ background: colour }} aria-hidden="true" />;
}

export function ContrastNote({ check }: { check: ColourContrast }) {
  if (check.readable) {
    return (
      <p className="contrast-note">
        Contrast {formatRatio(check.ratio)} on white: text prints in this colour.
      </p>
    );
  }
  return (
    <p className="contrast-note contrast-note--low">
      <strong>
        Too light for text: {formatRatio(check.ratio)} on white, below {TEXT_CONTRAST}:1.
      </strong>{' '}
      Text in the report uses <Swatch colour={check.shade} />
      <span className="contrast-note__hex">{check.shade}</span> (
      {formatRatio(contrastRatio(check.shade, '#FFFFFF'))}) instead; <Swatch colour={check.colour} />
      <span className="contrast-note__hex">{check.colour}</span> still fills bands and bars.
    </p>
  );
}
