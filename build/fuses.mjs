/**
 * The Electron fuses every installer is built with, in one place: build/afterPack.mjs flips them in
 * the packaged Electron binary and tests/packaging/fuses.test.ts asserts them. A fuse is a bit
 * compiled into the Electron binary, read before any of the app's code runs, so no command-line
 * switch or environment variable can turn it back.
 *
 * Keys are @electron/fuses' FuseV1Options names; a fuse left out keeps Electron's default.
 */
import { FuseV1Options, FuseVersion } from '@electron/fuses';

export const FUSES = Object.freeze({
  // ELECTRON_RUN_AS_NODE would turn the signed app into a plain Node.js runtime.
  RunAsNode: false,
  // NODE_OPTIONS could preload code into the main process (`--require`).
  EnableNodeOptionsEnvironmentVariable: false,
  // `--inspect` and friends would open a debugger on the main process.
  EnableNodeCliInspectArguments: false,
  // Cookies and other Chromium storage encrypted with the operating system's key store.
  EnableCookieEncryption: true,
  // app.asar is checked against the hash electron-builder embeds (macOS and Windows; Electron
  // has no such check on Linux, where this fuse does nothing).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar is loaded, never an `app` folder placed beside it.
  OnlyLoadAppFromAsar: true,
  // The renderer is served from app://stackwise/, so file:// pages need no extra privileges.
  GrantFileProtocolExtraPrivileges: false,
});

/**
 * The configuration for @electron/fuses' `flipFuses`. macOS on Apple silicon runs only signed
 * code, so there the ad-hoc signature that flipping invalidates is made again (a real signature,
 * where one is configured, replaces it afterwards).
 *
 * @param {{ electronPlatformName: string, arm64: boolean }} target
 * @returns {import('@electron/fuses').FuseV1Config}
 */
export function fuseConfig(target) {
  /** @type {import('@electron/fuses').FuseV1Config} */
  const config = {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: target.electronPlatformName === 'darwin' && target.arm64,
  };
  for (const [name, value] of Object.entries(FUSES)) {
    const index = FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)];
    if (index === undefined) throw new Error(`Unknown Electron fuse: ${name}`);
    config[index] = value;
  }
  return config;
}
