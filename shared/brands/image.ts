/**
 * Reads what a logo file really is from its bytes, never from its name or a declared type: PNG
 * (signature and IHDR) or JPEG (SOI and the first start-of-frame marker), with its pixel size.
 */
export type ImageFormat = 'PNG' | 'JPEG';
export type ImageInfo = { format: ImageFormat; width: number; height: number };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Start-of-frame markers that carry the image size (not DHT 0xc4, JPG 0xc8 or DAC 0xcc). */
const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

function u16(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32(bytes: Uint8Array, at: number): number {
  return u16(bytes, at) * 0x10000 + u16(bytes, at + 2);
}

/** The image's format and size, or a sentence saying why these bytes are not a usable image. */
export function inspectImage(bytes: Uint8Array): ImageInfo | { error: string } {
  if (PNG_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // The first chunk must be IHDR: length 13, then width and height.
    const isHeader = u32(bytes, 8) === 13 && String.fromCharCode(...bytes.subarray(12, 16)) === 'IHDR';
    if (!isHeader || bytes.length < 33) return { error: 'The PNG file is damaged: it has no image header.' };
    return { format: 'PNG', width: u32(bytes, 16), height: u32(bytes, 20) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    let at = 2;
    while (at + 4 <= bytes.length) {
      if (bytes[at] !== 0xff) return { error: 'The JPEG file is damaged: a marker is missing.' };
      const marker = bytes[at + 1] ?? 0;
      // Fill bytes and markers without a length.
      if (marker === 0xff) {
        at += 1;
        continue;
      }
      if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
        at += 2;
        continue;
      }
      const length = u16(bytes, at + 2);
      if (length < 2) return { error: 'The JPEG file is damaged: a segment has no length.' };
      if (SOF_MARKERS.has(marker)) {
        if (at + 9 > bytes.length) break;
        return { format: 'JPEG', height: u16(bytes, at + 5), width: u16(bytes, at + 7) };
      }
      if (marker === 0xd9 || marker === 0xda) break;
      at += 2 + length;
    }
    return { error: 'The JPEG file is damaged: it has no frame header with the image size.' };
  }
  return { error: 'The logo must be a PNG or JPEG image.' };
}
