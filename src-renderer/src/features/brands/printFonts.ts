/**
 * Measuring brand texts as the report will: DejaVu Sans, the report's own font (served with the
 * app from resources/fonts by brands.css), measured on a canvas without kerning, as jsPDF measures
 * it. Until the font has loaded (or where it cannot), a close system fallback is measured instead,
 * and the preview says so.
 */
import { useEffect, useMemo, useState } from 'react';
import { BRAND_TEXT_PLACES, CLIENT_LOGO_ROOM, fitLines, pageFooterLines } from '@shared/brands/fit';
import type { BrandTextPlace, Fitted } from '@shared/brands/fit';
import type { BrandFields } from '@shared/brands/schema';

/** The family brands.css declares with @font-face; the fallbacks are close in width. */
export const PRINT_FONT = '"Stackwise Report Sans", "DejaVu Sans", Verdana, sans-serif';

export type FontState = 'loading' | 'ready' | 'fallback';

/** Loads both weights of the report's font once, and says when they are there. */
export function usePrintFont(): FontState {
  const [state, setState] = useState<FontState>('loading');
  useEffect(() => {
    let live = true;
    const faces = ['normal', 'bold'].map((weight) => document.fonts.load(`${weight} 16px ${PRINT_FONT}`));
    Promise.all(faces)
      .then((loaded) => live && setState(loaded.every((found) => found.length > 0) ? 'ready' : 'fallback'))
      .catch(() => live && setState('fallback'));
    return () => {
      live = false;
    };
  }, []);
  return state;
}

/** The close fallback measured while the report's font loads, or where it cannot. */
const FALLBACK_FONT = '"DejaVu Sans", Verdana, sans-serif';

/** Width in points of `text` at `size` points, as the canvas measures it in `family`. */
function measurer(context: CanvasRenderingContext2D, family: string, size: number, bold: boolean) {
  // Measured at 100 px and scaled: sub-pixel sizes round on some canvases.
  const font = `${bold ? 'bold ' : ''}100px ${family}`;
  context.fontKerning = 'none';
  return (text: string) => {
    context.font = font;
    return (context.measureText(text).width * size) / 100;
  };
}

export type FittedTexts = Record<BrandTextPlace, Fitted>;

/**
 * Every brand text fitted to the lines it prints on, re-measured once the font has loaded. With a
 * client logo, the company name at the top of the cover is narrower, as the report makes it.
 */
export function useFittedTexts(
  brand: Pick<BrandFields, 'companyName' | 'contactLine' | 'footerText'> & { clientLogo: unknown },
  font: FontState,
): FittedTexts {
  const context = useMemo(() => document.createElement('canvas').getContext('2d'), []);
  const { companyName, contactLine, footerText } = brand;
  const withClientLogo = brand.clientLogo !== null;
  return useMemo(() => {
    const texts = { companyName, contactLine, footerText };
    const family = font === 'ready' ? PRINT_FONT : FALLBACK_FONT;
    const places = Object.entries(BRAND_TEXT_PLACES) as Array<
      [BrandTextPlace, (typeof BRAND_TEXT_PLACES)[BrandTextPlace]]
    >;
    const fitted = Object.fromEntries(
      places.map(([place, box]) => {
        const text = texts[box.text].trim();
        const width = place === 'coverCompany' && withClientLogo ? box.width - CLIENT_LOGO_ROOM : box.width;
        const lines: Fitted = context
          ? fitLines(text, width, box.lines, measurer(context, family, box.size, box.bold))
          : { lines: text ? [text] : [], cut: false };
        return [place, lines];
      }),
    ) as FittedTexts;
    if (!context) return fitted;
    const { size } = BRAND_TEXT_PLACES.pageFooter;
    const footer = pageFooterLines(footerText, contactLine, measurer(context, family, size, false));
    return { ...fitted, pageFooter: footer.footerText, pageContact: footer.contactLine };
  }, [companyName, contactLine, footerText, withClientLogo, context, font]);
}
