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
};

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
}: ContributionChartProps) {
  const rowHeight = 14 * candidates.length + 18;
  // Room for the longest name (about 9 units a character at the largest label size), within
  // reason; longer names are cut.
  const longest = Math.min(30, Math.max(...criteria.map((c) => c.length)));
  const labelWidth = Math.max(120, Math.min(290, longest * 9 + 16));
  const barWidth = 420;
  const valueWidth = 56;
  const width = labelWidth + barWidth + valueWidth;
  const height = rowHeight * criteria.length + 8;
  const largest = Math.max(1e-9, ...contributions.flat());
  const scale = barWidth / Math.min(max, largest * 1.1);

  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} className="chart__svg" role="img" aria-label={title}>
        {criteria.map((criterion, k) => {
          const top = k * rowHeight + 6;
          return (
            <g key={`${criterion}-${k}`}>
              <text
                x={labelWidth - 10}
                y={top + rowHeight / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="chart__label"
              >
                {criterion.length > 30 ? `${criterion.slice(0, 29)}…` : criterion}
              </text>
              {candidates.map((candidate, c) => {
                const value = contributions[c]?.[k] ?? 0;
                const label = labels?.[c]?.[k] ?? formatScore(value);
                const y = top + c * 14;
                const w = Math.max(1, value * scale);
                return (
                  <g key={`${candidate}-${c}`}>
                    <title>{`${candidate}, ${criterion}: ${label}`}</title>
                    <rect x={labelWidth} y={y} width={w} height={11} rx={2} fill={seriesColour(c)} />
                    <Marker
                      shape={seriesMarker(c)}
                      x={labelWidth + w + 7}
                      y={y + 5.5}
                      size={8}
                      fill={seriesColour(c)}
                    />
                    <text
                      x={labelWidth + w + 14}
                      y={y + 6}
                      dominantBaseline="middle"
                      className="chart__value"
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
