/**
 * Build wiring for the three Electron runtimes plus the loopback web host.
 *
 * Every entry is named explicitly: electron-vite only finds `src/main|preload|renderer` by
 * convention, and this project keeps its runtimes in `src-main/` and `src-renderer/`.
 * The `@shared/*` alias is read from tsconfig.base.json (`resolve.tsconfigPaths`), so it is
 * declared in exactly one place.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { contentSecurityPolicyPlugin } from './build/contentSecurityPolicy';

const root = import.meta.dirname;
const resolveOptions = { tsconfigPaths: true };

export default defineConfig({
  main: {
    resolve: resolveOptions,
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          // The Electron main process.
          index: resolve(root, 'src-main/index.ts'),
          // The same services behind a loopback HTTP host; runs under plain Node.
          webhost: resolve(root, 'src-main/web/host.ts'),
          // `npm run report`: the PDF report from the command line, under plain Node.
          report: resolve(root, 'src-main/report/cli.ts'),
          // Whole-file database checks in a worker thread, so the main side never waits for them.
          checkWorker: resolve(root, 'src-main/db/checkWorker.ts'),
        },
      },
    },
  },
  preload: {
    resolve: resolveOptions,
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot `require` anything but `electron`, so bundle everything else.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        external: ['electron'],
        // Sandboxed preloads cannot be ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    resolve: resolveOptions,
    plugins: [react(), contentSecurityPolicyPlugin()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      // electron-vite leaves the renderer unminified by default; a smaller bundle parses faster
      // at start-up, in Electron and in the browser host alike.
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(root, 'src-renderer/index.html'),
          // The phone's page, served by the room's participant listener: its own small bundle.
          participant: resolve(root, 'src-renderer/participant.html'),
        },
      },
    },
    experimental: {
      // The console loads from a file, so its assets stay relative; the participant page is served
      // at `/` and at `/j/<CODE>` alike, where a relative `./assets/` would miss, so it gets absolute
      // paths (a <base> element would need `base-uri`, which the policy refuses).
      renderBuiltUrl: (filename, { hostId, hostType }) =>
        hostType === 'html' && hostId.endsWith('participant.html') ? `/${filename}` : undefined,
    },
  },
});
