import { formatScore } from '@shared/format/figures';
import { Legend } from './Legend';
import { Marker } from './Marker';
import { seriesColour, seriesMarker } from './palette';

type ContributionChartProps = {
  criteria: readonly string[];
  candidates: readonly string[];
  /** contributions[candidate][criterion] */
  contributions: readonly (readonly number[])[];
  /** The values as printed elsewhere (each candidate's adding up to its printed score), when given. */
  labels?: readonly (readonly string[])[];
  /** Rating scale maximum: a criterion with all the weight and a top rating fills the bar. */
  max: number;
  title: string;
  /** `large` for the shared screen: type and bars sized to be read across a room. */
  size?: ChartSize;
};

export type ChartSize = 'normal' | 'large';

/** Geometry in SVG units; the large one is drawn for a projector, where it is scaled to its box. */
const GEOMETRY = {
  normal: {
    bar: 11,
    step: 14,
    pad: 18,
    charWidth: 9,
    labels: [120, 290],
    maxChars: 30,
    barWidth: 420,
    valueWidth: 56,
    marker: 8,
  },
  large: {
    bar: 28,
    step: 32,
    pad: 22,
    charWidth: 19,
    labels: [250, 472],
    maxChars: 24,
    barWidth: 520,
    valueWidth: 120,
    marker: 18,
  },
} as const;
/** Height of one criterion's row of the large chart, in SVG units, for this many candidates. */
export const largeRowUnits = (candidates: number) => GEOMETRY.large.step * candidates + GEOMETRY.large.pad;
/** The large chart's label sizes, set on the text itself because its layout depends on them. */
const LARGE_TYPE = { label: 30, value: 28 } as const;

/**
 * Weighted contribution of every criterion to each candidate's total: one row per criterion, one
 * bar per candidate, each bar marked with its series shape and labelled with its value.
 */
export function ContributionChart({
  criteria,
  candidates,
  contributions,
  labels,
  max,
  title,
  size = 'normal',
}: ContributionChartProps) {
  const g = GEOMETRY[size];
  const large = size === 'large';
  const rowHeight = g.step * candidates.length + g.pad;
  // Room for the longest name (about `charWidth` units a character at the label size), within
  // reason; longer names are cut.
  const longest = Math.min(g.maxChars, Math.max(...criteria.map((c) => c.length)));
  const labelWidth = Math.max(g.labels[0], Math.min(g.labels[1], longest * g.charWidth + 16));
  const { barWidth, valueWidth } = g;
  const width = labelWidth + barWidth + valueWidth;
  const height = rowHeight * criteria.length + 8;
  const largest = Math.max(1e-9, ...contributions.flat());
  const scale = barWidth / Math.min(max, largest * 1.1);

  return (
    <figure className={large ? 'chart chart--large' : 'chart'}>
      <figcaption className="chart__title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="chart__svg" role="img" aria-label={title}>
        {criteria.map((criterion, k) => {
          const top = k * rowHeight + 6;
          return (
            <g key={`${criterion}-${k}`}>
              <text
                x={labelWidth - 10}
                y={top + (g.step * (candidates.length - 1) + g.bar) / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="chart__label"
                style={large ? { fontSize: LARGE_TYPE.label } : undefined}
              >
                {criterion.length > g.maxChars ? `${criterion.slice(0, g.maxChars - 1)}…` : criterion}
              </text>
              {candidates.map((candidate, c) => {
                const value = contributions[c]?.[k] ?? 0;
                const label = labels?.[c]?.[k] ?? formatScore(value);
                const y = top + c * g.step;
                const w = Math.max(1, value * scale);
                return (
                  <g key={`${candidate}-${c}`}>
                    <title>{`${candidate}, ${criterion}: ${label}`}</title>
                    <rect x={labelWidth} y={y} width={w} height={g.bar} rx={2} fill={seriesColour(c)} />
                    <Marker
                      shape={seriesMarker(c)}
                      x={labelWidth + w + g.marker * 0.875}
                      y={y + g.bar / 2}
                      size={g.marker}
                      fill={seriesColour(c)}
                    />
                    <text
                      x={labelWidth + w + g.marker * 1.75}
                      y={y + g.bar / 2 + 0.5}
                      dominantBaseline="middle"
                      className="chart__value"
                      style={large ? { fontSize: LARGE_TYPE.value } : undefined}
                    >
                      {label}
                    </text>
                  </g>
                );
              })}
              <line
                x1={labelWidth}
                x2={labelWidth}
                y1={top - 3}
                y2={top + rowHeight - 6}
                className="chart__axis"
              />
            </g>
          );
        })}
      </svg>
      <Legend names={candidates} />
    </figure>
  );
}
