/**
 * How a brand prints, as the brand form shows it: the contrast check on save (ratio, readable or
 * not, the darker shade text uses) and the fitting of each brand text to its lines with "…".
 */
import { describe, expect, it } from 'vitest';
import { brandContrast, contrastWarning, formatRatio } from '@shared/brands/contrast';
import {
  BRAND_TEXT_PLACES,
  ELLIPSIS,
  fitLines,
  PAGE_NUMBER_ROOM,
  pageFooterLines,
  wrapLines,
} from '@shared/brands/fit';
import { BRAND_PRINT_LINES, contrastRatio, TEXT_CONTRAST } from '@shared/brands/print';

/** Every character one unit wide: widths are easy to reason about. */
const mono = (text: string) => [...text].length;

describe('the contrast check', () => {
  it('finds a light yellow unreadable on white, with its ratio and a darker shade that reads', () => {
    const [primary, accent] = brandContrast({ primaryColor: '#f2c14e', accentColor: '#1F4E79' });
    expect(primary).toMatchObject({ key: 'primaryColor', colour: '#F2C14E', readable: false });
    expect(formatRatio(primary?.ratio ?? 0)).toBe('1.68:1');
    expect(primary?.shade).not.toBe('#F2C14E');
    expect(contrastRatio(primary?.shade ?? '', '#FFFFFF')).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    expect(accent).toMatchObject({ colour: '#1F4E79', readable: true, shade: '#1F4E79' });
  });

  it('says the ratio, the limit and the shade in its warning', () => {
    const [check] = brandContrast({ primaryColor: '#F2C14E', accentColor: '#000000' });
    if (!check) throw new Error('no check');
    const warning = contrastWarning(check);
    expect(warning).toContain('Primary colour #F2C14E has a contrast of 1.68:1 on white');
    expect(warning).toContain('4.5:1');
    expect(warning).toContain(check.shade);
  });

  it('never rounds a ratio up to passing, and passes over a colour still being typed', () => {
    expect(formatRatio(4.4999)).toBe('4.49:1');
    expect(brandContrast({ primaryColor: '#F2C1', accentColor: 'teal' })).toEqual([]);
  });
});

describe('fitting a brand text to its lines', () => {
  it('wraps at spaces and keeps a text that fits whole', () => {
    expect(wrapLines('Harbour and Vale Consulting', 12, mono)).toEqual(['Harbour and', 'Vale', 'Consulting']);
    expect(fitLines('Harbour and Vale', 20, 2, mono)).toEqual({ lines: ['Harbour and Vale'], cut: false });
    expect(fitLines('   ', 20, 2, mono)).toEqual({ lines: [], cut: false });
  });

  it('ends the last allowed line with “…”, within the width, without a dangling separator', () => {
    const fitted = fitLines('hello@harbourvale.example · +44 20 7946 0321 · Leeds · London', 24, 2, mono);
    expect(fitted.cut).toBe(true);
    expect(fitted.lines).toHaveLength(2);
    expect(fitted.lines[1]?.endsWith(ELLIPSIS)).toBe(true);
    expect(fitted.lines[1]).not.toMatch(/[\s·]…$/u);
    for (const line of fitted.lines) expect(mono(line)).toBeLessThanOrEqual(24);
  });

  it('breaks a word wider than the line between characters, never splitting a character', () => {
    expect(wrapLines('Supercalifragilistic', 8, mono)).toEqual(['Supercal', 'ifragili', 'stic']);
    const fitted = fitLines('😀'.repeat(30), 10, 1, mono);
    expect(fitted.lines).toEqual([`${'😀'.repeat(9)}${ELLIPSIS}`]);
  });

  it('uses the line counts the report prints with', () => {
    expect(BRAND_TEXT_PLACES.coverCompany.lines).toBe(BRAND_PRINT_LINES.companyName);
    expect(BRAND_TEXT_PLACES.headerCompany.lines).toBe(1);
    expect(BRAND_TEXT_PLACES.pageFooter.lines).toBe(BRAND_PRINT_LINES.footerText);
    expect(BRAND_TEXT_PLACES.pageContact.lines).toBe(BRAND_PRINT_LINES.contactLine);
  });

  it('leaves room for the page number beside the footer’s first line only', () => {
    const width = BRAND_TEXT_PLACES.pageFooter.width;
    const footer = 'word '.repeat(200);
    const { footerText, contactLine } = pageFooterLines(footer, 'contact '.repeat(200), mono);
    expect(mono(footerText.lines[0] ?? '')).toBeLessThanOrEqual(width - PAGE_NUMBER_ROOM);
    expect(mono(footerText.lines[1] ?? '')).toBeGreaterThan(width - PAGE_NUMBER_ROOM);
    expect(footerText).toMatchObject({ cut: true });
    expect(footerText.lines).toHaveLength(BRAND_PRINT_LINES.footerText);
    expect(mono(contactLine.lines[0] ?? '')).toBeGreaterThan(width - PAGE_NUMBER_ROOM);
    // With no footer text, the contact line is the one beside the page number.
    const alone = pageFooterLines('  ', 'contact '.repeat(200), mono);
    expect(alone.footerText.lines).toEqual([]);
    expect(mono(alone.contactLine.lines[0] ?? '')).toBeLessThanOrEqual(width - PAGE_NUMBER_ROOM);
    expect(pageFooterLines('Confidential', '', mono)).toEqual({
      footerText: { lines: ['Confidential'], cut: false },
      contactLine: { lines: [], cut: false },
    });
  });
});
