import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND } from '@shared/brands/schema';
import { presenterBrand } from '../../src-renderer/src/features/presenter/brand';
import { barFractions, contributionRows, heaviest } from '../../src-renderer/src/features/presenter/scale';

describe('bars on the shared screen', () => {
  it('are scaled to the largest value shown, which fills its track', () => {
    // Seven criteria sharing 100%: on a 0–100% scale the largest would be a quarter of the track.
    const weights = [0.25, 0.2, 0.15, 0.15, 0.1, 0.1, 0.05];
    const fractions = barFractions(weights);
    expect(fractions[0]).toBe(1);
    expect(fractions[1]).toBeCloseTo(0.8);
    expect(fractions[6]).toBeCloseTo(0.2);
    // Their order and proportions stay those of the values.
    fractions.forEach((f, i) => expect(f).toBeCloseTo((weights[i] ?? 0) / 0.25));
  });

  it('are empty, not NaN, when nothing has weight, and ignore values that are not numbers', () => {
    expect(barFractions([0, 0, 0])).toEqual([0, 0, 0]);
    expect(barFractions([])).toEqual([]);
    expect(barFractions([Number.NaN, 0.5, -1, Infinity])).toEqual([0, 1, 0, 0]);
  });
});

describe('the shared screen’s brand', () => {
  const brand = {
    ...DEFAULT_BRAND,
    id: '6f1c1d5e-7a39-4b53-9d7a-1f2c3d4e5f60',
    companyName: 'Harbour & Vale',
  };

  it('is the profile the session’s report uses', () => {
    expect(presenterBrand(brand.id, [brand]).companyName).toBe('Harbour & Vale');
  });

  it('is Stackwise’s default look with no profile chosen, or one since deleted, as the report does', () => {
    expect(presenterBrand(null, [brand])).toBe(DEFAULT_BRAND);
    expect(presenterBrand('0b8a9c3e-1111-4222-8333-944455556666', [brand])).toBe(DEFAULT_BRAND);
    expect(presenterBrand(brand.id, undefined)).toBe(DEFAULT_BRAND);
  });
});

describe('what a slide has room for', () => {
  it('is every criterion, in the room’s order, when they fit', () => {
    expect(heaviest([0.5, 0.3, 0.2], 10)).toEqual({ shown: [0, 1, 2], rest: { count: 0, weight: 0 } });
  });

  it('is the heaviest ones first, and says what the others carry, when they do not', () => {
    const weights = [0.05, 0.3, 0.1, 0.25, 0.05, 0.25];
    const { shown, rest } = heaviest(weights, 3);
    expect(shown).toEqual([1, 3, 5]);
    expect(rest.count).toBe(3);
    expect(rest.weight).toBeCloseTo(0.2);
  });

  it('keeps the large chart to rows that stay legible: fewer rows as candidates are added', () => {
    expect(contributionRows(2)).toBeGreaterThanOrEqual(7);
    expect(contributionRows(3)).toBeLessThan(contributionRows(2));
    expect(contributionRows(8)).toBe(2);
  });
});
