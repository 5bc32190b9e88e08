import { formatPercent } from '@shared/format/figures';

/**
 * A single percentage. Figures that are parts of a whole (the weights) come from
 * `weightPercents` in @shared/format/figures instead, so they add up to their printed total.
 */
export const pct = (fraction: number, digits = 0) => formatPercent(fraction, digits);

export const CONFIDENCE_LABELS = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
  none: 'No votes yet',
} as const;

/** A short id for a new custom item: readable prefix, random tail. */
export function newItemId(prefix: 'criterion' | 'candidate'): string {
  return `${prefix}-${crypto.randomUUID().slice(0, 8)}`;
}
