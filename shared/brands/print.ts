/**
 * How a brand prints: how many lines each brand text may take in the report before it ends with an
 * ellipsis, and the colour contrast its text needs. The PDF renderer and the brand form both read
 * these, so the form's limits and preview say what the report will do.
 */

/** Lines each brand text may wrap to in the PDF; beyond them it ends with "…". */
export const BRAND_PRINT_LINES = {
  /** On the cover and in the running header (one line there, cut with "…"). */
  companyName: 2,
  contactLine: 2,
  footerText: 2,
} as const;

/** WCAG 2 AA for normal text. */
export const TEXT_CONTRAST = 4.5;

type Rgb = readonly [number, number, number];

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

export function rgbToHex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = hexToRgb(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The colour that carries text for a brand colour: the colour itself when it reads on white at
 * `TEXT_CONTRAST`, otherwise the lightest darker shade of the same hue that does.
 */
export function textShade(hex: string, background = '#FFFFFF'): string {
  const colour = hex.toUpperCase();
  if (contrastRatio(colour, background) >= TEXT_CONTRAST) return colour;
  const rgb = hexToRgb(colour);
  for (let step = 1; step <= 100; step++) {
    const keep = 1 - step / 100;
    const shade = rgbToHex([rgb[0] * keep, rgb[1] * keep, rgb[2] * keep]);
    if (contrastRatio(shade, background) >= TEXT_CONTRAST) return shade;
  }
  return '#000000';
}
