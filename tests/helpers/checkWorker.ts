/**
 * The real check worker (`src-main/db/checkWorker.ts`) run from source in a worker thread. Vitest
 * runs before the build, so there is no `out/main/checkWorker.js` yet: the worker gets Node module
 * hooks that compile its TypeScript with the project's own compiler (types erased, nothing else).
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckWorkerOptions } from '../../src-main/db/checkRunner';

const ROOT = join(import.meta.dirname, '..', '..');

// Resolves as the build does: `./x` to x.ts or x/index.ts, and the `@shared/*` alias (the
// update loads the migrations, which use it).
const hooks = `
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
const ts = createRequire(${JSON.stringify(pathToFileURL(join(ROOT, 'package.json')).href)})('typescript');
const shared = ${JSON.stringify(pathToFileURL(join(ROOT, 'shared')).href)};
export async function resolve(specifier, context, next) {
  const relative = specifier.startsWith('./') || specifier.startsWith('../');
  let base = null;
  if (context.parentURL?.endsWith('.ts') && relative && !/\\.[cm]?[jt]s$/.test(specifier)) {
    base = new URL(specifier, context.parentURL).href;
  } else if (specifier.startsWith('@shared/')) {
    base = shared + specifier.slice('@shared'.length);
  }
  if (base === null) return next(specifier, context);
  const found = [base + '.ts', base + '/index.ts'].find((url) => existsSync(fileURLToPath(url)));
  return next(found ?? base + '.ts', context);
}
export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const { outputText } = ts.transpileModule(readFileSync(fileURLToPath(url), 'utf8'), {
    fileName: fileURLToPath(url),
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return { format: 'module', source: outputText, shortCircuit: true };
}
`;

const dataUrl = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

/** Options for `workerCheckRunner` that run the worker's source. */
export function sourceCheckWorker(options: Partial<CheckWorkerOptions> = {}): CheckWorkerOptions {
  return {
    path: join(ROOT, 'src-main', 'db', 'checkWorker.ts'),
    execArgv: [
      '--import',
      dataUrl(`import { register } from 'node:module'; register(${JSON.stringify(dataUrl(hooks))});`),
    ],
    ...options,
  };
}
