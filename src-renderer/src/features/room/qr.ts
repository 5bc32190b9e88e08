/**
 * The join QR code as SVG rectangles. The matrix is made on this computer (R1's `qrcode`); here it
 * only becomes shapes: one rectangle per horizontal run of dark modules (a 33-module code is a few
 * hundred rectangles, not a thousand), inside the quiet zone of four modules that scanners need.
 */
import type { QrMatrix } from '@shared/room/contract';

/** The light margin around the code, in modules; the QR standard asks for four. */
export const QR_QUIET_ZONE = 4;

export type QrRect = { x: number; y: number; width: number };

export type QrShape = {
  /** Width and height of the whole picture, quiet zone included, in modules. */
  extent: number;
  /** Dark runs, each one module high, in module units with the quiet zone applied. */
  rects: QrRect[];
};

export function qrShape(matrix: QrMatrix, quiet = QR_QUIET_ZONE): QrShape {
  const rects: QrRect[] = [];
  matrix.rows.forEach((row, y) => {
    let start = -1;
    for (let x = 0; x <= row.length; x++) {
      const dark = row[x] === '1';
      if (dark && start === -1) start = x;
      if (!dark && start !== -1) {
        rects.push({ x: start + quiet, y: y + quiet, width: x - start });
        start = -1;
      }
    }
  });
  return { extent: matrix.size + quiet * 2, rects };
}
