/**
 * A real electron-builder run on this machine: the Linux app folder (`--linux dir`) built from
 * electron-builder.yml with a stand-in Electron (a file with only the fuse wire, since Electron
 * cannot be downloaded here) and, as better-sqlite3's Electron build, a copy of the Node build
 * (same processor, so the hook's check passes). It checks what the schema cannot: what lands in
 * app.asar, what is unpacked beside it, that the afterPack hook ran and flipped the fuses, and that
 * the packed dependencies are enough to make the demo report with plain Node.
 * It needs Linux and the built app (out/, from `npm run build`); elsewhere it says why it skips.
 */
import { execFile } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { extractAll, listPackage, statFile } from '@electron/asar';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { readWire, writeFakeElectron } from './fakeElectron';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);
const skipReason =
  process.platform !== 'linux'
    ? 'the packaging run builds the Linux app folder, on Linux only'
    : !existsSync(join(root, 'out', 'main', 'index.js'))
      ? 'the app is not built yet (npm run build makes out/)'
      : '';
if (skipReason) console.log(`Packaging run skipped: ${skipReason}.`);

const FileSetSchema = z.object({
  from: z.string().optional(),
  to: z.string().optional(),
  filter: z.array(z.string()),
});
const ConfigSchema = z.looseObject({ files: z.array(z.union([z.string(), FileSetSchema])) });

let work = '';
let app = '';
let asar = '';
const PACK_TIMEOUT = 600_000;

beforeAll(async () => {
  if (skipReason) return;
  work = mkdtempSync(join(tmpdir(), 'stackwise-pack-'));
  const electronDist = join(work, 'electron');
  writeFakeElectron(join(electronDist, 'electron'));
  writeFileSync(join(electronDist, 'LICENSE'), 'stand-in');
  // The stand-in Electron build of better-sqlite3: the Node one, in a folder of this run's own.
  const require = createRequire(import.meta.url);
  const sqlite = join(dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release');
  const native = join(work, 'sqlite');
  mkdirSync(native);
  copyFileSync(join(sqlite, 'better_sqlite3.node'), join(native, 'better_sqlite3.node'));

  const config = ConfigSchema.parse(parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')));
  const files = config.files.map((entry) =>
    typeof entry !== 'string' && entry.to === 'native' ? { ...entry, from: native } : entry,
  );
  expect(files).not.toEqual(config.files);
  const configFile = join(work, 'electron-builder.yml');
  writeFileSync(
    configFile,
    stringify({
      ...config,
      files,
      electronDist,
      directories: { output: join(work, 'release'), buildResources: 'build' },
    }),
  );
  const builder = join(dirname(require.resolve('electron-builder/package.json')), 'cli.js');
  await run(
    process.execPath,
    [builder, '--config', configFile, '--linux', 'dir', '--x64', '--publish', 'never'],
    {
      cwd: root,
      env: { ...process.env, ELECTRON_BUILDER_CACHE: join(work, 'cache') },
    },
  );
  app = join(work, 'release', 'linux-unpacked');
  asar = join(app, 'resources', 'app.asar');
}, PACK_TIMEOUT);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.skipIf(skipReason !== '')('the packed Linux app', () => {
  test('holds the built app, its fonts and its package.json, and no sources, tests or source maps', () => {
    const listed = listPackage(asar, { isPack: false });
    for (const file of [
      '/package.json',
      '/out/main/index.js',
      '/out/main/checkWorker.js',
      '/out/preload/index.cjs',
      '/out/renderer/index.html',
      '/resources/fonts/DejaVuSans.ttf',
      '/node_modules/jspdf/dist/jspdf.node.min.js',
      '/node_modules/zod/package.json',
    ]) {
      expect(listed).toContain(file);
    }
    const unwanted =
      /^\/(src-main|src-renderer|shared|tests|bench|scripts|build|\.github)\/|\.map$|\.ts$|^\/node_modules\/(react|react-dom|electron|vitest|electron-builder)\//;
    expect(listed.filter((file) => unwanted.test(file))).toEqual([]);
  });

  test('carries better-sqlite3’s Electron build unpacked beside the asar, and not its Node build', () => {
    const native = join(app, 'resources', 'app.asar.unpacked', 'native', 'better_sqlite3.node');
    expect(existsSync(native)).toBe(true);
    expect(statFile(asar, 'native/better_sqlite3.node')).toMatchObject({ unpacked: true });
    const listed = listPackage(asar, { isPack: false });
    expect(listed.filter((file) => file.endsWith('.node'))).toEqual(['/native/better_sqlite3.node']);
    expect(listed.some((file) => file.startsWith('/node_modules/better-sqlite3/build/'))).toBe(false);
  });

  test('has its fuses flipped by the afterPack hook', () => {
    expect(readWire(join(app, 'stackwise'))).toBe('01001100');
  });

  test(
    'has every dependency the report needs: the demo report is made from the unpacked archive',
    async () => {
      const extracted = join(work, 'extracted');
      extractAll(asar, extracted);
      const pdf = join(work, 'demo.pdf');
      const { stdout } = await run(
        process.execPath,
        [join(extracted, 'out', 'main', 'report.js'), '--demo', '--out', pdf],
        {
          cwd: extracted,
        },
      );
      expect(stdout).toMatch(/Wrote .*demo\.pdf/);
      expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    },
    PACK_TIMEOUT,
  );
});
