/** Reading PDFs back with poppler-utils (installed by .ci/run): text per page, and document info. */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
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

/** A word as poppler places it, in points from the page's top left. */
export type WordBox = { text: string; xMin: number; yMin: number; xMax: number; yMax: number };

/** Every word on every page with its box (`pdftotext -bbox-layout`). */
export function wordBoxes(file: string): WordBox[][] {
  const xml = poppler('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-']);
  const unescape = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return xml
    .split('<page ')
    .slice(1)
    .map((page) =>
      [
        ...page.matchAll(
          /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g,
        ),
      ].map((m) => ({
        text: unescape(m[5] ?? ''),
        xMin: Number(m[1]),
        yMin: Number(m[2]),
        xMax: Number(m[3]),
        yMax: Number(m[4]),
      })),
    );
}

/** The objects of a PDF as written (no object streams, as jsPDF writes it), streams inflated. */
export type PdfFile = {
  /** The document catalog's dictionary. */
  catalog: string;
  /** Each page's content stream, in page order. */
  pages: string[];
  /** Every object's dictionary and (inflated) stream, by object number. */
  objects: Map<number, { dict: string; stream: string | null }>;
};

export function readPdf(bytes: Uint8Array): PdfFile {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('latin1');
  const objects = new Map<number, { dict: string; stream: string | null }>();
  for (const m of text.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = m[2] ?? '';
    const at = body.search(/stream\r?\n/);
    if (at < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, at);
    const start =
      (m.index ?? 0) + m[0].indexOf(body) + at + (/stream\r\n/.test(body.slice(at, at + 8)) ? 8 : 7);
    const end = text.indexOf('endstream', start);
    const raw = buffer.subarray(start, end);
    let stream: string;
    try {
      stream = /FlateDecode/.test(dict) ? inflateSync(raw).toString('latin1') : raw.toString('latin1');
    } catch {
      stream = raw.toString('latin1');
    }
    objects.set(Number(m[1]), { dict, stream });
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1] ?? -1);
  const catalogEntry = [...objects.values()].find((o) => /\/Type \/Catalog/.test(o.dict));
  const catalog = catalogEntry?.dict ?? '';
  const tree = objects.get(ref(catalog, 'Pages'))?.dict ?? '';
  const kids = [...(/\/Kids \[([^\]]*)\]/.exec(tree)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((k) =>
    Number(k[1]),
  );
  const pages = kids.map((kid) => objects.get(ref(objects.get(kid)?.dict ?? '', 'Contents'))?.stream ?? '');
  return { catalog, pages, objects };
}

/** The fill colour (0–255 each) in force for each piece of text a content stream draws. */
export function textColours(content: string): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  let colour: [number, number, number] = [0, 0, 0];
  for (const m of content.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) rg|(?:\)|>)\s*Tj|\]\s*TJ/g)) {
    if (m[1] !== undefined)
      colour = [m[1], m[2], m[3]].map((v) => Math.round(Number(v) * 255)) as typeof colour;
    else out.push(colour);
  }
  return out;
}

/** Straight lines a content stream strokes (`x y m x y l S`), in points from the top left. */
export function strokedLines(
  content: string,
  pageHeight = 841.89,
): Array<{ x1: number; y1: number; x2: number; y2: number }> {
  return [...content.matchAll(/([\d.-]+) ([\d.-]+) m\s+([\d.-]+) ([\d.-]+) l\s+S/g)].map((m) => ({
    x1: Number(m[1]),
    y1: pageHeight - Number(m[2]),
    x2: Number(m[3]),
    y2: pageHeight - Number(m[4]),
  }));
}

/** Where a content stream places images (`w 0 0 h x y cm /I… Do`), in points from the top left. */
export function imagePlacements(
  content: string,
  pageHeight = 841.89,
): Array<{ xMin: number; yMin: number; xMax: number; yMax: number }> {
  return [...content.matchAll(/([\d.]+) 0 0 ([\d.]+) ([\d.-]+) ([\d.-]+) cm\s+\/I\d+ Do/g)].map((m) => {
    const [w, h, x, y] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number];
    return { xMin: x, xMax: x + w, yMin: pageHeight - y - h, yMax: pageHeight - y };
  });
}
