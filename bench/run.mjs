#!/usr/bin/env node
/**
 * Runs a TypeScript module of the bench (its `main(argv)`) under plain Node, with the project's
 * `@shared/*` alias, through Vite's module runner: `node bench/run.mjs bench/generate.ts --sessions 1000`.
 * Dependencies (better-sqlite3) load natively; only the project's own files are transformed.
 */
import { resolve } from 'node:path';
import { runnerImport } from 'vite';

const [file, ...argv] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node bench/run.mjs <module.ts> [arguments]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const { module } = await runnerImport(resolve(root, file), {
  root,
  configFile: false,
  logLevel: 'warn',
  resolve: { tsconfigPaths: true },
});
await module.main(argv);
