// Rebuilds resources/fonts/WenQuanYiMicroHei.ttf from Debian's fonts-wqy-microhei (0.2.0-beta):
// the package ships a TrueType Collection (the proportional face and a monospaced one), and jsPDF
// reads single fonts only, so this writes the first face as a standalone TTF. Every table is copied
// byte for byte into a new table directory; only head.checkSumAdjustment is recomputed for the new
// file. Run from the repository root: node scripts/cjk-font.mjs [path/to/wqy-microhei.ttc]
import { readFileSync, writeFileSync } from 'node:fs';

const source = process.argv[2] ?? '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';
const target = 'resources/fonts/WenQuanYiMicroHei.ttf';
const ttc = readFileSync(source);
if (ttc.toString('latin1', 0, 4) !== 'ttcf') throw new Error(`${source} is not a TrueType Collection.`);
const face = ttc.readUInt32BE(12);
const count = ttc.readUInt16BE(face + 4);
const tables = Array.from({ length: count }, (_, i) => {
  const at = face + 12 + i * 16;
  return {
    tag: ttc.toString('latin1', at, at + 4),
    checksum: ttc.readUInt32BE(at + 4),
    offset: ttc.readUInt32BE(at + 8),
    length: ttc.readUInt32BE(at + 12),
  };
});
const padded = (length) => (length + 3) & ~3;
const header = 12 + count * 16;
const out = Buffer.alloc(tables.reduce((size, table) => size + padded(table.length), header));
ttc.copy(out, 0, face, face + 12);
let position = header;
let head = -1;
tables.forEach((table, i) => {
  const at = 12 + i * 16;
  out.write(table.tag, at, 'latin1');
  out.writeUInt32BE(table.checksum, at + 4);
  out.writeUInt32BE(position, at + 8);
  out.writeUInt32BE(table.length, at + 12);
  ttc.copy(out, position, table.offset, table.offset + table.length);
  if (table.tag === 'head') head = position;
  position += padded(table.length);
});
if (head < 0) throw new Error('The font has no head table.');
out.writeUInt32BE(0, head + 8);
let sum = 0;
for (let i = 0; i < out.length; i += 4) sum = (sum + out.readUInt32BE(i)) >>> 0;
out.writeUInt32BE((0xb1b0afba - sum) >>> 0, head + 8);
writeFileSync(target, out);
console.log(`Wrote ${target}: ${count} tables, ${out.length} bytes.`);
