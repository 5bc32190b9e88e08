#!/usr/bin/env node
/**
 * Runs a TypeScript module of the bench (its `main(argv)`) under plain Node, with the project's
 * `@shared/*` alias, through Vite's module runner: `node bench/run.mjs bench/generate.ts --sessions 1000`.
 * Dependencies (better-sqlite3, jspdf) load natively; only the project's own files are
 * transformed. The runner stays open while `main` runs, for the modules the app imports late.
 */
import { resolve } from 'node:path';
import { createServer, createServerModuleRunner } from 'vite';

const [file, ...argv] = process.argv.slice(2);
if (!file) {
  console.error('Usage: node bench/run.mjs <module.ts> [arguments]');
  process.exit(2);
}
const root = resolve(import.meta.dirname, '..');
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'warn',
  appType: 'custom',
  resolve: { tsconfigPaths: true },
  server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const runner = createServerModuleRunner(server.environments.ssr, { hmr: false });
try {
  const module = await runner.import(resolve(root, file));
  await module.main(argv);
} finally {
  await runner.close();
  await server.close();
}
