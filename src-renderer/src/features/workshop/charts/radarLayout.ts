/**
 * Where the radar's criterion names go. Each name is wrapped onto at most two lines and the
 * drawing's box is grown to hold every name with a margin, so no name is ever cut at the edge
 * ("Development sp…"). Text width is estimated (no DOM here) on the generous side.
 */

/** Average advance of a character, in ems, for the UI's sans-serif (wide letters included). */
export const CHAR_EM = 0.6;
/** Line height of a wrapped name, in ems. */
const LINE_EM = 1.15;

export type RadarLabel = {
  lines: string[];
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
  /** The box the label's text is estimated to take. */
  box: { x: number; y: number; width: number; height: number };
};

export type RadarLayout = {
  /** The SVG's viewBox: the plot and every label, with a margin all round. */
  viewBox: { x: number; y: number; width: number; height: number };
  radius: number;
  fontSize: number;
  labels: RadarLabel[];
};

/** Splits a name into lines of at most `width` characters at spaces; a longer word keeps its own line. */
export function wrapLabel(text: string, width: number, maxLines = 2): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  if (lines.length === 0) return [''];
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  const rest = lines.slice(maxLines - 1).join(' ');
  kept[maxLines - 1] = rest.length > width ? `${rest.slice(0, width - 1)}…` : rest;
  return kept;
}

export function radarLayout(
  criteria: readonly string[],
  { radius, fontSize, wrapAt = 14 }: { radius: number; fontSize: number; wrapAt?: number },
): RadarLayout {
  const n = criteria.length;
  const gap = fontSize * 0.7;
  const lineHeight = fontSize * LINE_EM;
  const labels = criteria.map((criterion, k): RadarLabel => {
    const angle = -Math.PI / 2 + (2 * Math.PI * k) / n;
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    // Many criteria: numbers round the plot (the names are in the chart's title text and tooltip).
    const lines = n > 12 ? [`${k + 1}`] : wrapLabel(criterion, wrapAt);
    const anchor = Math.abs(cos) < 0.2 ? 'middle' : cos > 0 ? 'start' : 'end';
    const x = (radius + gap) * cos;
    // Names above or below the plot sit clear of it; beside it they are centred on the spoke.
    const height = lines.length * lineHeight;
    const middle = (radius + gap) * sin + (Math.abs(sin) > 0.8 ? (Math.sign(sin) * height) / 2 : 0);
    const width = Math.max(1, ...lines.map((line) => line.length)) * fontSize * CHAR_EM;
    const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
    return {
      lines,
      x,
      y: middle - height / 2 + lineHeight / 2,
      anchor,
      box: { x: left, y: middle - height / 2, width, height },
    };
  });
  const margin = fontSize * 0.6;
  const left = Math.min(-radius, ...labels.map((l) => l.box.x)) - margin;
  const right = Math.max(radius, ...labels.map((l) => l.box.x + l.box.width)) + margin;
  const top = Math.min(-radius, ...labels.map((l) => l.box.y)) - margin;
  const bottom = Math.max(radius, ...labels.map((l) => l.box.y + l.box.height)) + margin;
  return {
    viewBox: { x: left, y: top, width: right - left, height: bottom - top },
    radius,
    fontSize,
    labels,
  };
}
