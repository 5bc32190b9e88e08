/**
 * Cuts a TrueType font down to the characters a report prints, with HarfBuzz's subsetter
 * (hb-subset, the harfbuzzjs package's WebAssembly build) called synchronously, so the report can
 * still be drawn in one synchronous pass. The result keeps glyf outlines and a cmap, which is what
 * jsPDF needs to embed a font.
 *
 * On the first CJK report one instance is made and the font file read into its memory, and both
 * are kept: every later subset takes about a millisecond and allocates next to nothing, where a
 * fresh instance and a fresh read per report cost about 20 ms and left the garbage collector
 * 70 MB to reclaim each time. What stays is the instance's memory (65 MB reserved, about 30 MB
 * resident), only in a process that has drawn a CJK report.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The parts of the WebAssembly API used here (Node has it; its types live in the DOM library). */
type WasmApi = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
};

type Exported = (...args: number[]) => number;

/** The C functions of hb-subset this file calls, checked to be there before use. */
const FUNCTIONS = [
  '_initialize',
  'malloc',
  'hb_blob_create',
  'hb_blob_destroy',
  'hb_blob_get_data',
  'hb_blob_get_length',
  'hb_face_create',
  'hb_face_destroy',
  'hb_face_reference_blob',
  'hb_set_add',
  'hb_subset_input_create_or_fail',
  'hb_subset_input_destroy',
  'hb_subset_input_unicode_set',
  'hb_subset_or_fail',
] as const;

type HarfBuzz = Record<(typeof FUNCTIONS)[number], Exported> & { memory: { buffer: ArrayBuffer } };

/** HarfBuzz keeps the bytes it is given without copying them (HB_MEMORY_MODE_WRITABLE). */
const MEMORY_MODE_WRITABLE = 2;

/** The instance, and the faces of the font files it holds (by path), made on first use. */
let loaded: { hb: HarfBuzz; faces: Map<string, number> } | undefined;

function instantiate(): HarfBuzz {
  const wasm = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;
  const path = createRequire(import.meta.url).resolve('harfbuzzjs/dist/harfbuzz-subset.wasm');
  const { exports } = new wasm.Instance(new wasm.Module(readFileSync(path)), {});
  for (const name of FUNCTIONS) {
    if (typeof exports[name] !== 'function') throw new Error(`hb-subset lacks ${name}.`);
  }
  const memory = exports['memory'];
  if (!(typeof memory === 'object' && memory !== null && 'buffer' in memory)) {
    throw new Error('hb-subset exports no memory.');
  }
  const hb = exports as HarfBuzz;
  hb._initialize();
  return hb;
}

/** The font file as a HarfBuzz face, read into the instance's memory once and kept there. */
function faceOf(hb: HarfBuzz, faces: Map<string, number>, path: string): number {
  const known = faces.get(path);
  if (known !== undefined) return known;
  const font = readFileSync(path);
  const bytes = hb.malloc(font.byteLength);
  new Uint8Array(hb.memory.buffer).set(font, bytes);
  const blob = hb.hb_blob_create(bytes, font.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  faces.set(path, face);
  return face;
}

/**
 * The TrueType font at `path` holding only the glyphs for `codePoints` (those it has; the others
 * are left out) plus its blank glyph, or null when HarfBuzz cannot read the font.
 */
export function subsetFontFile(path: string, codePoints: Iterable<number>): Uint8Array | null {
  try {
    loaded ??= { hb: instantiate(), faces: new Map() };
    const { hb, faces } = loaded;
    return subsetFace(hb, faceOf(hb, faces, path), codePoints);
  } catch (error) {
    // A trap may leave the instance's memory half-used: the next subset starts afresh.
    loaded = undefined;
    throw error;
  }
}

function subsetFace(hb: HarfBuzz, face: number, codePoints: Iterable<number>): Uint8Array | null {
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) return null;
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  if (subset === 0) return null;
  const out = hb.hb_face_reference_blob(subset);
  const at = hb.hb_blob_get_data(out, 0);
  const length = hb.hb_blob_get_length(out);
  // A copy: the instance's memory is reused by the next subset.
  const result = length > 0 ? new Uint8Array(hb.memory.buffer).slice(at, at + length) : null;
  hb.hb_blob_destroy(out);
  hb.hb_face_destroy(subset);
  return result;
}
