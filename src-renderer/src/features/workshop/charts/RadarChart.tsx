import type { ChartSize } from './ContributionChart';
import { Legend } from './Legend';
import { Marker } from './Marker';
import { seriesColour, seriesDash, seriesMarker } from './palette';
import { radarLayout } from './radarLayout';

type RadarChartProps = {
  criteria: readonly string[];
  candidates: readonly string[];
  /** ratings[candidate][criterion] on the scale min..max */
  ratings: readonly (readonly number[])[];
  min: number;
  max: number;
  title: string;
  /** `large` for the shared screen: type sized to be read across a room. */
  size?: ChartSize;
};

/** Plot radius and label size in SVG units; the names' room is worked out around them. */
const GEOMETRY = {
  normal: { radius: 150, fontSize: 13, marker: 9, stroke: 2.5 },
  large: { radius: 240, fontSize: 30, marker: 18, stroke: 4 },
} as const;

/** Ratings on every criterion as one outline per candidate; outlines differ in dash and marker too. */
export function RadarChart({
  criteria,
  candidates,
  ratings,
  min,
  max,
  title,
  size = 'normal',
}: RadarChartProps) {
  const g = GEOMETRY[size];
  const layout = radarLayout(criteria, { radius: g.radius, fontSize: g.fontSize });
  const { viewBox } = layout;
  const n = criteria.length;
  const angle = (k: number) => -Math.PI / 2 + (2 * Math.PI * k) / n;
  const point = (k: number, value: number) => {
    const r = (g.radius * (value - min + 1)) / (max - min + 1);
    return { x: r * Math.cos(angle(k)), y: r * Math.sin(angle(k)) };
  };
  const rings = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  return (
    <figure className={size === 'large' ? 'chart chart--large' : 'chart'}>
      <figcaption className="chart__title">{title}</figcaption>
      <svg
        viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
        className="chart__svg chart__svg--radar"
        role="img"
        aria-label={title}
      >
        {rings.map((value) => (
          <polygon
            key={value}
            points={criteria.map((_, k) => `${point(k, value).x},${point(k, value).y}`).join(' ')}
            className="chart__grid"
          />
        ))}
        {criteria.map((criterion, k) => {
          const edge = point(k, max);
          const label = layout.labels[k];
          return (
            <g key={`${criterion}-${k}`}>
              <line x1={0} y1={0} x2={edge.x} y2={edge.y} className="chart__grid" />
              {label ? (
                <text
                  x={label.x}
                  y={label.y}
                  textAnchor={label.anchor}
                  dominantBaseline="middle"
                  className="chart__label chart__label--radar"
                  style={{ fontSize: g.fontSize }}
                >
                  {label.lines.map((line, i) => (
                    <tspan key={i} x={label.x} dy={i === 0 ? 0 : '1.15em'}>
                      {line}
                    </tspan>
                  ))}
                </text>
              ) : null}
            </g>
          );
        })}
        {candidates.map((candidate, c) => {
          const points = criteria.map((_, k) => point(k, ratings[c]?.[k] ?? min));
          return (
            <g key={`${candidate}-${c}`}>
              <title>{`${candidate}: ${criteria.map((name, k) => `${name} ${ratings[c]?.[k] ?? ''}`).join(', ')}`}</title>
              <polygon
                points={points.map((p) => `${p.x},${p.y}`).join(' ')}
                fill={seriesColour(c)}
                fillOpacity={0.08}
                stroke={seriesColour(c)}
                strokeWidth={g.stroke}
                strokeDasharray={seriesDash(c)}
              />
              {points.map((p, k) => (
                <Marker
                  key={k}
                  shape={seriesMarker(c)}
                  x={p.x}
                  y={p.y}
                  size={g.marker}
                  fill={seriesColour(c)}
                />
              ))}
            </g>
          );
        })}
      </svg>
      <Legend names={candidates} />
    </figure>
  );
}
