/**
 * The contrast check made when a brand profile is saved: each brand colour that the report uses
 * for text, against white, by WCAG 2 (4.5:1 for normal text). A colour below it still saves; the
 * report then prints its text in `textShade` of it and keeps the colour itself for bands and bars.
 */
import { contrastRatio, TEXT_CONTRAST, textShade } from './print';

export type ColourKey = 'primaryColor' | 'accentColor';

export type ColourContrast = {
  key: ColourKey;
  label: string;
  colour: string;
  /** Against white, 1 to 21. */
  ratio: number;
  /** The colour the report's text uses instead: the colour itself when it reads. */
  shade: string;
  readable: boolean;
};

const LABELS: ReadonlyArray<[ColourKey, string]> = [
  ['primaryColor', 'Primary colour'],
  ['accentColor', 'Accent colour'],
];

const HEX = /^#[0-9a-f]{6}$/iu;

/** "1.68:1", to two decimals; a ratio just short of 4.5:1 never reads as reaching it. */
export function formatRatio(ratio: number): string {
  const rounded = Math.round(ratio * 100) / 100;
  const shown = ratio < TEXT_CONTRAST && rounded >= TEXT_CONTRAST ? Math.floor(ratio * 100) / 100 : rounded;
  return `${shown.toFixed(2)}:1`;
}

/** Each valid brand colour with its contrast on white and the shade its text prints in. */
export function brandContrast(colours: Record<ColourKey, string>): ColourContrast[] {
  return LABELS.flatMap(([key, label]) => {
    const colour = colours[key];
    if (!HEX.test(colour)) return [];
    const upper = colour.toUpperCase();
    const ratio = contrastRatio(upper, '#FFFFFF');
    return [{ key, label, colour: upper, ratio, shade: textShade(upper), readable: ratio >= TEXT_CONTRAST }];
  });
}

/** The sentence that warns about one colour too light for text. */
export function contrastWarning(check: ColourContrast): string {
  return (
    `${check.label} ${check.colour} has a contrast of ${formatRatio(check.ratio)} on white, ` +
    `below the ${TEXT_CONTRAST}:1 that text needs. The report prints its text in the darker ` +
    `${check.shade} (${formatRatio(contrastRatio(check.shade, '#FFFFFF'))}) and keeps ${check.colour} ` +
    `for bands, bars and rules.`
  );
}
