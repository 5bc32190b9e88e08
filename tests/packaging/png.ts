/**
 * Just enough of a PNG reader for the icon tests: size, format, and the RGBA pixels of an 8-bit,
 * non-interlaced RGBA image (rows unfiltered as the PNG specification describes).
 */
import { inflateSync } from 'node:zlib';

export type Png = { width: number; height: number; bitDepth: number; colourType: number; rgba: Uint8Array };

function paeth(left: number, up: number, upLeft: number): number {
  const p = left + up - upLeft;
  const [a, b, c] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
  return a <= b && a <= c ? left : b <= c ? up : upLeft;
}

export function readPng(file: Buffer): Png {
  if (file.subarray(1, 4).toString('latin1') !== 'PNG') throw new Error('Not a PNG file.');
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const [bitDepth = 0, colourType = 0] = [file[24], file[25]];
  const chunks: Buffer[] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at);
    if (file.subarray(at + 4, at + 8).toString('latin1') === 'IDAT')
      chunks.push(file.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  if (bitDepth !== 8 || colourType !== 6)
    return { width, height, bitDepth, colourType, rgba: new Uint8Array() };
  const raw = inflateSync(Buffer.concat(chunks));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x] ?? 0;
      const left = x >= 4 ? (rgba[y * stride + x - 4] ?? 0) : 0;
      const up = y > 0 ? (rgba[(y - 1) * stride + x] ?? 0) : 0;
      const upLeft = x >= 4 && y > 0 ? (rgba[(y - 1) * stride + x - 4] ?? 0) : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter ?? 0] ?? 0;
      rgba[y * stride + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, bitDepth, colourType, rgba };
}

/** The alpha of the pixel at (x, y). */
export const alphaAt = (png: Png, x: number, y: number): number =>
  png.rgba[(y * png.width + x) * 4 + 3] ?? -1;
