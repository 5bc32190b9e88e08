/**
 * The participant page loads at once on a phone on weak Wi-Fi: everything participant.html makes
 * the phone download as JavaScript (its script, the chunks it preloads, and what those import)
 * stays under 100 KB gzip'd. Reads the built renderer, so it runs after the build like the other
 * end-to-end specs.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';

const RENDERER = join(import.meta.dirname, '..', '..', 'out', 'renderer');
const BUDGET_BYTES = 100 * 1024;

/** Paths below out/renderer that the page's `src`/`href` attributes name. */
function pageReferences(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]+)"/g)].map((m) =>
    posix.normalize((m[1] ?? '').replace(/^\.?\//, '')),
  );
}

/** The chunks a built chunk imports, statically or on demand, as paths below out/renderer. */
function chunkImports(from: string, code: string): string[] {
  const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map(
    (m) => m[1] ?? '',
  );
  return specifiers.map((s) => posix.normalize(posix.join(posix.dirname(from), s)));
}

test('the participant page’s JavaScript is under 100 KB gzip’d', () => {
  const htmlPath = join(RENDERER, 'participant.html');
  expect(existsSync(htmlPath), 'build the renderer first (npx electron-vite build)').toBe(true);
  const queue = pageReferences(readFileSync(htmlPath, 'utf8')).filter((path) => path.endsWith('.js'));
  expect(queue.length, 'participant.html names its script').toBeGreaterThan(0);
  const sizes = new Map<string, { raw: number; gzip: number }>();
  // Bounded: the page has a handful of chunks; a walk past 50 files means something else is wrong.
  for (let i = 0; i < queue.length && i < 50; i++) {
    const path = queue[i] ?? '';
    if (sizes.has(path)) continue;
    const code = readFileSync(join(RENDERER, ...path.split('/')));
    sizes.set(path, { raw: code.length, gzip: gzipSync(code, { level: 9 }).length });
    queue.push(...chunkImports(path, code.toString('utf8')));
  }
  const total = [...sizes.values()].reduce((sum, size) => sum + size.gzip, 0);
  const lines = [...sizes].map(([path, size]) => `${path}: ${size.raw} B, ${size.gzip} B gzip`);
  console.log(`Participant page JavaScript, ${total} B gzip in all:\n  ${lines.join('\n  ')}`);
  expect(total, lines.join('\n')).toBeLessThan(BUDGET_BYTES);
});
