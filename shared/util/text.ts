/**
 * What user text may hold, and what becomes of it in a file name.
 *
 * Direction controls (embeddings, overrides, isolates) reorder how the characters after them are
 * shown: "Report\u202Efdp.exe" reads as "Reportexe.pdf". Single-line names refuse them; plain
 * right-to-left text (Arabic, Hebrew), which needs none of them, stays welcome.
 */

/** U+202A-U+202E (embeddings, pop, overrides) and U+2066-U+2069 (isolates). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;

export function hasBidiControls(value: string): boolean {
  return BIDI_CONTROLS.test(value);
}

/**
 * A piece of a file name the app suggests: no control or invisible formatting characters (which
 * include every direction control), none of the characters a file system refuses, spaces folded.
 */
export function fileNamePart(text: string, max = 60): string {
  return Array.from(cleanFileName(text)).slice(0, max).join('').trim();
}

/** A whole file name, cleaned the same way but never shortened (the extension stays). */
export function cleanFileName(name: string): string {
  return name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]+/gu, ' ')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
