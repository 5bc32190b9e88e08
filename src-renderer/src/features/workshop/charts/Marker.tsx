import type { MarkerShape } from './palette';

/** A small shape that identifies a series without colour. */
export function Marker({
  shape,
  x,
  y,
  size,
  fill,
}: {
  shape: MarkerShape;
  x: number;
  y: number;
  size: number;
  fill: string;
}) {
  const h = size / 2;
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={h} fill={fill} stroke="#fff" strokeWidth={1.5} />;
    case 'square':
      return (
        <rect x={x - h} y={y - h} width={size} height={size} fill={fill} stroke="#fff" strokeWidth={1.5} />
      );
    case 'triangle':
      return (
        <polygon
          points={`${x},${y - h} ${x + h},${y + h} ${x - h},${y + h}`}
          fill={fill}
          stroke="#fff"
          strokeWidth={1.5}
        />
      );
    case 'diamond':
      return (
        <polygon
          points={`${x},${y - h} ${x + h},${y} ${x},${y + h} ${x - h},${y}`}
          fill={fill}
          stroke="#fff"
          strokeWidth={1.5}
        />
      );
  }
}
