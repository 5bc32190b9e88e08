/** Reading PDFs back with poppler-utils (installed by .ci/run): text per page, and document info. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

function poppler(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      throw new Error(`${tool} is missing: install poppler-utils (apt-get install poppler-utils).`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Writes the bytes to `dir` and returns the path. */
export function savePdf(dir: string, bytes: Uint8Array, name = 'report.pdf'): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** The text of each page, in reading order (poppler's own page breaks). */
export function pageTexts(file: string): string[] {
  const pages = poppler('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

/**
 * The text in drawing order, left to right (poppler keeps each right-to-left word's letters in
 * reading order): shows whether mixed-direction lines were laid out right.
 */
export function rawText(file: string): string {
  return poppler('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-']);
}

/** `pdfinfo`'s fields; throws when pdfinfo rejects the file. */
export function pdfInfo(file: string): Record<string, string> {
  const out = poppler('pdfinfo', [file]);
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .flatMap((m) => (m ? [[m[1] ?? '', m[2] ?? '']] : [])),
  );
}

/** How many images the PDF embeds. */
export function imageCount(file: string): number {
  return poppler('pdfimages', ['-list', file]).trim().split('\n').length - 2;
}
