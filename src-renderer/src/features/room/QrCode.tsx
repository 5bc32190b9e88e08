import { memo, useMemo } from 'react';
import type { QrMatrix } from '@shared/room/contract';
import { qrShape } from './qr';

/**
 * The join link's QR code, black on white with its quiet zone, drawn at whatever size its box
 * gives it. `crispEdges` keeps the modules square at any scale, so a phone at the back of the
 * room reads it as well as one in front.
 */
export const QrCode = memo(function QrCode({
  matrix,
  label,
  className,
}: {
  matrix: QrMatrix;
  label: string;
  className?: string;
}) {
  const shape = useMemo(() => qrShape(matrix), [matrix]);
  return (
    <svg
      className={className ? `qr ${className}` : 'qr'}
      viewBox={`0 0 ${shape.extent} ${shape.extent}`}
      role="img"
      aria-label={label}
      shapeRendering="crispEdges"
      data-testid="room-qr"
    >
      <rect width={shape.extent} height={shape.extent} fill="#fff" />
      {shape.rects.map((r) => (
        <rect key={`${r.x},${r.y}`} x={r.x} y={r.y} width={r.width} height={1} fill="#000" />
      ))}
    </svg>
  );
});
