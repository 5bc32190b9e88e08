/**
 * The participant page's files, from the built renderer: participant.html and only the files it
 * references (its script, modulepreload chunks and style sheets, and what those style sheets
 * load), read into memory when the room opens. Nothing else in the folder, the console's own
 * bundle included, can be asked for: a request is looked up in this list and never becomes a
 * path on disk.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, posix, sep } from 'node:path';
import { contentTypeOf } from '../web/mime';

export const PAGE_FILE = 'participant.html';

export type PageFile = { body: Buffer; type: string; etag: string };

export type PageFiles = {
  /** The page, or undefined when the renderer is not built in that folder. */
  readonly html: PageFile | undefined;
  /** A referenced file by its path below the page (`assets/participant-1a2b.js`). */
  asset(path: string): PageFile | undefined;
};

/** Relative references in `src`/`href` attributes of the page, or in `url(...)` of a style sheet. */
function references(text: string, kind: 'html' | 'css'): string[] {
  const pattern =
    kind === 'html' ? /\s(?:src|href)\s*=\s*["']([^"']+)["']/g : /url\(\s*["']?([^"')]+)["']?\s*\)/g;
  return [...text.matchAll(pattern)]
    .map((match) => (match[1] ?? '').split(/[?#]/)[0] ?? '')
    .filter((ref) => ref !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(ref) && !ref.startsWith('//'));
}

/** `ref` as a path below the renderer folder, seen from the file at `from`; undefined if it leaves it. */
function resolveRef(from: string, ref: string): string | undefined {
  const joined = ref.startsWith('/') ? ref.slice(1) : posix.join(posix.dirname(from), ref);
  const path = posix.normalize(joined);
  return path.startsWith('..') || path.startsWith('/') || path === '.' ? undefined : path;
}

function pageFile(body: Buffer, path: string): PageFile {
  return {
    body,
    type: contentTypeOf(path),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
  };
}

export async function loadPageFiles(rendererDir: string | undefined): Promise<PageFiles> {
  if (rendererDir === undefined) return { html: undefined, asset: () => undefined };
  const root = normalize(rendererDir);
  const read = async (path: string) => {
    const file = join(root, ...path.split('/'));
    if (!file.startsWith(root + sep)) return undefined;
    return readFile(file).catch(() => undefined);
  };
  const html = await read(PAGE_FILE);
  const assets = new Map<string, PageFile>();
  if (html) {
    const queue = references(html.toString('utf8'), 'html').flatMap(
      (ref) => resolveRef(PAGE_FILE, ref) ?? [],
    );
    // Bounded: a page references a handful of files; the walk never follows more than this many.
    for (let i = 0; i < queue.length && i < 64; i++) {
      const path = queue[i] as string;
      if (assets.has(path) || path === PAGE_FILE) continue;
      const body = await read(path);
      if (!body) continue;
      assets.set(path, pageFile(body, path));
      if (extname(path) === '.css')
        queue.push(...references(body.toString('utf8'), 'css').flatMap((ref) => resolveRef(path, ref) ?? []));
    }
  }
  return {
    html: html ? pageFile(html, PAGE_FILE) : undefined,
    asset: (path) => assets.get(path),
  };
}
