/** The join link as a QR code's modules, made on this computer (no service is asked). */
import QRCode from 'qrcode';
import type { QrMatrix } from '@shared/room/contract';

export function qrMatrix(text: string): QrMatrix {
  // M corrects about 15% of damage: a projected code read at an angle, or from the back row.
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const rows: string[] = [];
  for (let row = 0; row < modules.size; row++) {
    let line = '';
    for (let col = 0; col < modules.size; col++) line += modules.get(row, col) ? '1' : '0';
    rows.push(line);
  }
  return { size: modules.size, rows };
}
