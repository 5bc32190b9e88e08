/**
 * What start-up loads: the modules each host reaches through static imports from its entry. jsPDF
 * (and the renderer that uses it) must be reached only through the dynamic import made when a
 * report is drawn, so neither the desktop app nor the web host parses it to open a window.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

/** `import … from '…'` and `export … from '…'`, but not `import type`, nor `import('…')`. */
const STATIC = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

function resolveModule(specifier: string, from: string): string | null {
  const base = specifier.startsWith('@shared/')
    ? join(ROOT, 'shared', specifier.slice('@shared/'.length))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (base === null) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  throw new Error(`Cannot resolve ${specifier} from ${from}`);
}

/** Every file and package reached by static imports from `entry`. */
function staticGraph(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    if (!/\.tsx?$/.test(file)) return;
    for (const [, specifier = ''] of readFileSync(file, 'utf8').matchAll(STATIC)) {
      const target = resolveModule(specifier, file);
      if (target) visit(target);
      else
        packages.add(
          specifier.startsWith('@')
            ? specifier.split('/').slice(0, 2).join('/')
            : (specifier.split('/')[0] ?? ''),
        );
    }
  };
  visit(entry);
  return { files, packages };
}

describe('start-up', () => {
  it.each([
    ['the desktop app', 'src-main/index.ts'],
    ['the web host', 'src-main/web/host.ts'],
  ])('%s loads jsPDF only when a report is made', (_host, entry) => {
    const graph = staticGraph(join(ROOT, entry));
    // The graph is real: it reaches the database and the report service.
    expect(graph.packages).toContain('better-sqlite3');
    expect(graph.files).toContain(join(ROOT, 'src-main/services/reports.ts'));
    expect(graph.packages).not.toContain('jspdf');
    expect(graph.files).not.toContain(join(ROOT, 'src-main/report/pdf.ts'));
  });
});
