import { Legend } from './Legend';
import { Marker } from './Marker';
import { seriesColour, seriesDash, seriesMarker } from './palette';

type RadarChartProps = {
  criteria: readonly string[];
  candidates: readonly string[];
  /** ratings[candidate][criterion] on the scale min..max */
  ratings: readonly (readonly number[])[];
  min: number;
  max: number;
  title: string;
};

/** Ratings on every criterion as one outline per candidate; outlines differ in dash and marker too. */
export function RadarChart({ criteria, candidates, ratings, min, max, title }: RadarChartProps) {
  // Wider than tall: the criterion names beside the plot need room on both sides.
  const width = 580;
  const height = 420;
  const centre = { x: width / 2, y: height / 2 };
  const radius = height / 2 - 60;
  const n = criteria.length;
  const angle = (k: number) => -Math.PI / 2 + (2 * Math.PI * k) / n;
  const point = (k: number, value: number) => {
    const r = (radius * (value - min + 1)) / (max - min + 1);
    return { x: centre.x + r * Math.cos(angle(k)), y: centre.y + r * Math.sin(angle(k)) };
  };
  const rings = Array.from({ length: max - min + 1 }, (_, i) => min + i);

  return (
    <figure className="chart">
      <figcaption className="chart__title">{title}</figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
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
          const label = point(k, max + 1.1);
          const anchor = Math.abs(label.x - centre.x) < 8 ? 'middle' : label.x > centre.x ? 'start' : 'end';
          return (
            <g key={`${criterion}-${k}`}>
              <line x1={centre.x} y1={centre.y} x2={edge.x} y2={edge.y} className="chart__grid" />
              <text
                x={label.x}
                y={label.y}
                textAnchor={anchor}
                dominantBaseline="middle"
                className="chart__label chart__label--small"
              >
                {n > 12 ? `${k + 1}` : criterion.length > 18 ? `${criterion.slice(0, 17)}…` : criterion}
              </text>
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
                strokeWidth={2.5}
                strokeDasharray={seriesDash(c)}
              />
              {points.map((p, k) => (
                <Marker key={k} shape={seriesMarker(c)} x={p.x} y={p.y} size={9} fill={seriesColour(c)} />
              ))}
            </g>
          );
        })}
      </svg>
      <Legend names={candidates} />
    </figure>
  );
}
