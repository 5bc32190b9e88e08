/**
 * Cuts a TrueType font down to the characters a report prints, with HarfBuzz's subsetter
 * (hb-subset, the harfbuzzjs package's WebAssembly build) called synchronously, so the report can
 * still be drawn in one synchronous pass. The result keeps glyf outlines and a cmap, which is what
 * jsPDF needs to embed a font.
 *
 * One instance is made on the first CJK report and kept: its WebAssembly memory (64 MB reserved,
 * the pages it touched for one font resident) is reused by every later subset, where a fresh
 * instance per report would cost about 15 ms and leave the garbage collector 64 MB to reclaim
 * each time. Each call copies the font in and frees it again, so the memory does not grow.
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
  'free',
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

let instance: HarfBuzz | undefined;

function harfBuzz(): HarfBuzz {
  instance ??= instantiate();
  return instance;
}

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

/**
 * A TrueType font holding only the glyphs for `codePoints` (those the font has; the others are
 * left out) plus the font's blank glyph, or null when HarfBuzz cannot read the font.
 */
export function subsetTrueType(font: Uint8Array, codePoints: Iterable<number>): Uint8Array | null {
  try {
    return subsetWith(harfBuzz(), font, codePoints);
  } catch (error) {
    // A trap may leave the instance's memory half-used: the next subset starts afresh.
    instance = undefined;
    throw error;
  }
}

function subsetWith(hb: HarfBuzz, font: Uint8Array, codePoints: Iterable<number>): Uint8Array | null {
  const heap = () => new Uint8Array(hb.memory.buffer);
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) return null;
  const bytes = hb.malloc(font.byteLength);
  heap().set(font, bytes);
  const blob = hb.hb_blob_create(bytes, font.byteLength, MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  const unicodes = hb.hb_subset_input_unicode_set(input);
  for (const codePoint of codePoints) hb.hb_set_add(unicodes, codePoint);
  const subset = hb.hb_subset_or_fail(face, input);
  hb.hb_subset_input_destroy(input);
  let result: Uint8Array | null = null;
  if (subset !== 0) {
    const out = hb.hb_face_reference_blob(subset);
    const at = hb.hb_blob_get_data(out, 0);
    const length = hb.hb_blob_get_length(out);
    // A copy: the instance's memory is reused by the next subset.
    if (length > 0) result = heap().slice(at, at + length);
    hb.hb_blob_destroy(out);
    hb.hb_face_destroy(subset);
  }
  hb.hb_face_destroy(face);
  hb.free(bytes);
  return result;
}
