export const pct = (fraction: number, digits = 0) => `${(fraction * 100).toFixed(digits)}%`;

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
