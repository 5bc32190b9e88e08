/**
 * Bars on the shared screen are drawn against the largest value shown, not against 100%: seven
 * criteria sharing 100% are each 10–25%, and on a 0–100% scale the room sees seven slivers.
 */
export function barFractions(values: readonly number[]): number[] {
  const finite = values.map((value) => (Number.isFinite(value) && value > 0 ? value : 0));
  const largest = Math.max(0, ...finite);
  return finite.map((value) => (largest > 0 ? value / largest : 0));
}
