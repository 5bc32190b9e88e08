/**
 * electron-builder.yml, loaded and validated by electron-builder's own code (the same loader and
 * JSON-schema check, app-builder-lib's scheme.json, that run before every build), then held to
 * what the installers must be: the three systems, both processors, the session-file association,
 * better-sqlite3's Electron build unpacked, no native rebuild, the fuse hook and a real icon.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, test } from 'vitest';
import { z } from 'zod';
import { isSessionFileName, SESSION_FILE, SESSION_FILE_EXTENSIONS } from '@shared/portable/schema';
import { PACKED_SQLITE } from '../../build/afterPack.mjs';
import { PACKAGED_BINDING } from '../../src-main/nativeBinding';
import { alphaAt, readPng } from './png';

const root = join(import.meta.dirname, '..', '..');
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
});

const validate = (candidate: Configuration) => validateConfiguration(candidate, new DebugLogger(false));

/** A platform's targets, as the file states them: each with its processors. */
const TargetsSchema = z.array(z.object({ target: z.string(), arch: z.array(z.string()) }));
const targetsOf = (platform: 'linux' | 'win' | 'mac') =>
  TargetsSchema.parse(config[platform]?.target)
    .map((entry) => `${entry.target}:${[...entry.arch].sort().join('+')}`)
    .sort();

describe('electron-builder.yml', () => {
  test('passes electron-builder’s own schema validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  test('the validation fails on a misspelt or misplaced option (so the check above can fail)', async () => {
    await expect(validate({ ...config, nsis: { oneClik: false } as never })).rejects.toThrow(
      /configuration\.nsis should be/,
    );
    await expect(validate({ ...config, asarUnpak: ['native/*.node'] } as never)).rejects.toThrow(
      /unknown property 'asarUnpak'/,
    );
    await expect(validate({ ...config, npmRebuild: 'no' as never })).rejects.toThrow(
      /npmRebuild should be a boolean/,
    );
  });

  test('names the app', () => {
    expect(config.appId).toBe('app.stackwise.desktop');
    expect(config.productName).toBe('Stackwise');
  });

  test('builds AppImage and deb, NSIS, and dmg, each for x64 and arm64', () => {
    expect(targetsOf('linux')).toEqual(['AppImage:arm64+x64', 'deb:arm64+x64']);
    expect(targetsOf('win')).toEqual(['nsis:arm64+x64']);
    expect(targetsOf('mac')).toEqual(['dmg:arm64+x64']);
  });

  test('the Windows installer asks, and installs for the current user unless told otherwise', () => {
    // Assisted (not one-click), with electron-builder's install mode page: "Only for me", chosen
    // by default, needs no administrator; "Anyone who uses this computer" asks for one.
    expect(config.nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      selectPerMachineByDefault: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: true,
    });
  });

  /** A platform's file associations as electron-builder makes them: the shared ones, then its own. */
  const AssociationsSchema = z.array(
    z.object({ ext: z.string(), name: z.string(), mimeType: z.string(), role: z.string() }),
  );
  const associationsOf = (platform: 'linux' | 'win' | 'mac') => [
    ...AssociationsSchema.parse(config.fileAssociations ?? []),
    ...AssociationsSchema.parse(config[platform]?.fileAssociations ?? []),
  ];

  test('associates session files: `.stackwise` everywhere, earlier `.stackwise.json` files on Linux', () => {
    // Windows and macOS go by the last extension only, so they get the one-extension name.
    for (const platform of ['win', 'mac'] as const) {
      expect(associationsOf(platform).map((entry) => `.${entry.ext}`)).toEqual([SESSION_FILE.extension]);
    }
    // Linux matches the whole name, so the files earlier versions wrote open there as before.
    expect(associationsOf('linux').map((entry) => `.${entry.ext}`)).toEqual([...SESSION_FILE_EXTENSIONS]);
    expect(SESSION_FILE.earlierExtensions).toEqual(['.stackwise.json']);
    for (const entry of associationsOf('linux')) {
      expect(entry).toMatchObject({ name: 'Stackwise session', role: 'Editor' });
      expect(isSessionFileName(`Acme.${entry.ext}`)).toBe(true);
    }
    // One type per name, so the system's type database has one glob for each.
    expect(new Set(associationsOf('linux').map((entry) => entry.mimeType)).size).toBe(2);
    // Linux passes an opened file as a path (%F), which the app reads from its arguments.
    expect(config.linux?.executableArgs).toEqual(['%F']);
  });

  test('never rebuilds native modules in node_modules (the tests’ Node build stays)', () => {
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  /** electron-builder merges the file's patterns into file sets: `{ from?, to?, filter }`. */
  const fileSets = () =>
    z
      .array(
        z.object({ from: z.string().optional(), to: z.string().optional(), filter: z.array(z.string()) }),
      )
      .parse(config.files);

  test('packs better-sqlite3’s Electron build for each processor, unpacked, where the app looks', () => {
    const [app, native, ...rest] = fileSets();
    expect(rest).toEqual([]);
    expect(native).toEqual({
      from: 'node_modules/.cache/stackwise/electron-sqlite-${platform}-${arch}/build/Release',
      to: 'native',
      filter: ['better_sqlite3.node'],
    });
    // The Node build in node_modules/better-sqlite3 is left out of the app.
    expect(app?.filter).toContain('!node_modules/better-sqlite3/{build,deps,src}/**');
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toEqual(['**/*.node']);
    // The destination is the one the hook checks and the main process loads.
    expect(PACKED_SQLITE).toBe(join('app.asar.unpacked', PACKAGED_BINDING));
    expect(PACKAGED_BINDING).toBe(join('native', 'better_sqlite3.node'));
  });

  test('ships the built app and the report fonts, not the sources', () => {
    const [app] = fileSets();
    expect(app?.from).toBeUndefined();
    expect(app?.filter).toEqual(
      expect.arrayContaining(['out/**/*', '!out/**/*.map', 'resources/fonts/**/*']),
    );
    const included = (app?.filter ?? []).filter((pattern) => !pattern.startsWith('!'));
    expect(included.every((pattern) => /^(out|resources\/fonts)\//.test(pattern))).toBe(true);
  });

  test('runs the fuse hook, which exists', () => {
    expect(config.afterPack).toBe('./build/afterPack.mjs');
    expect(existsSync(join(root, 'build', 'afterPack.mjs'))).toBe(true);
  });
});

describe('the icon', () => {
  const png = readPng(readFileSync(join(root, 'build', 'icon.png')));

  test('is a 1024 x 1024 RGBA PNG, the one every platform’s icon formats are made from', () => {
    expect([png.width, png.height, png.bitDepth, png.colourType]).toEqual([1024, 1024, 8, 6]);
    for (const platform of ['linux', 'win', 'mac'] as const)
      expect(config[platform]?.icon).toBe('build/icon.png');
  });

  test('is a rounded tile: transparent corners and margin, opaque inside', () => {
    for (const [x, y] of [
      [0, 0],
      [1023, 0],
      [0, 1023],
      [1023, 1023],
      [120, 120],
      [512, 60],
    ] as const) {
      expect(alphaAt(png, x, y)).toBe(0);
    }
    for (const [x, y] of [
      [512, 512],
      [150, 512],
      [512, 150],
      [300, 300],
    ] as const) {
      expect(alphaAt(png, x, y)).toBe(255);
    }
    // The option in the lead, on top of the stack, in the console's focus amber.
    const at = (352 * 1024 + 512) * 4;
    expect([...png.rgba.subarray(at, at + 4)]).toEqual([0xf0, 0xa5, 0x00, 255]);
  });
});
