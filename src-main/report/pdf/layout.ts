/** The page geometry, type sizes and neutral colours every part of the report's layout shares. */
export type Rgb = [number, number, number];

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { left: 56, right: 56, top: 78, bottom: 70 };
export const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BOTTOM = PAGE.height - MARGIN.bottom;
export const FONT = 'DejaVuSans';
export const INK: Rgb = [33, 37, 41];
export const MUTED: Rgb = [96, 103, 112];
export const RULE: Rgb = [215, 219, 224];
export const ZEBRA: Rgb = [246, 247, 249];
export const WHITE: Rgb = [255, 255, 255];

export const SIZE = { body: 10, small: 8.5, subheading: 11.5, heading: 18, lead: 12 };
export const LEADING = 1.42;

export function hexToRgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** `color` mixed with white: 0 is the colour itself, 1 is white. */
export function tint([r, g, b]: Rgb, amount: number): Rgb {
  return [r + (255 - r) * amount, g + (255 - g) * amount, b + (255 - b) * amount];
}

/** Relative luminance, to choose white or dark text on a brand colour. */
export function isDark([r, g, b]: Rgb): boolean {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) < 0.4;
}
