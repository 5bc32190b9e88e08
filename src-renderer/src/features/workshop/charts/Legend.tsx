import { Marker } from './Marker';
import { seriesColour, seriesMarker } from './palette';

export function Legend({ names }: { names: readonly string[] }) {
  return (
    <ul className="legend" aria-label="Legend">
      {names.map((name, i) => (
        <li key={`${name}-${i}`} className="legend__item">
          <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
            <Marker shape={seriesMarker(i)} x={8} y={8} size={12} fill={seriesColour(i)} />
          </svg>
          <bdi>{name}</bdi>
        </li>
      ))}
    </ul>
  );
}
