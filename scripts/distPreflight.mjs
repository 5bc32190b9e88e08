/**
 * Whether this machine can build installers, checked before `npm run dist` does any work.
 * electron-builder needs Electron's release archives (from GitHub, or ELECTRON_MIRROR) and
 * better-sqlite3 for Electron, both downloaded; where they cannot be, the build would fail minutes
 * in with a network error, so it stops at once and says why. Each check returns the reason it
 * failed, or null.
 */
import { electronBinaryIn } from './electronBinary.mjs';

/** A set environment flag, as npm and @electron/get read one ("0" and "false" mean unset). */
function flagSet(/** @type {string | undefined} */ value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/**
 * The checks that need no network, in the order they are cheapest.
 * @param {{ env: Record<string, string | undefined>, electronDir: string | null }} facts
 *   electronDir: node_modules/electron, or null when it is not installed
 * @returns {string | null}
 */
export function localBlocker({ env, electronDir }) {
  if (flagSet(env['ELECTRON_SKIP_BINARY_DOWNLOAD'] ?? env['npm_config_electron_skip_binary_download'])) {
    return (
      'this machine was set up with ELECTRON_SKIP_BINARY_DOWNLOAD, so it has no Electron binary and is not ' +
      'expected to download one. Installers are built where Electron can be downloaded: run `npm ci` and ' +
      '`npm run dist` there without that variable, or push a version tag and let .github/workflows/release.yml build them.'
    );
  }
  if (electronDir === null) {
    return 'the electron package is not installed. Run `npm ci` first.';
  }
  if (!electronBinaryIn(electronDir).found) {
    return (
      'node_modules/electron has no Electron binary (its download from GitHub did not happen). ' +
      'Reinstall on a machine that reaches github.com (or set ELECTRON_MIRROR): `npm ci`.'
    );
  }
  return null;
}

/** Where electron-builder will download Electron's archives for this version from. */
export function electronDownloadUrl(
  /** @type {string} */ version,
  /** @type {Record<string, string | undefined>} */ env,
) {
  const mirror = env['ELECTRON_MIRROR'] ?? 'https://github.com/electron/electron/releases/download/';
  const base = mirror.endsWith('/') ? mirror : `${mirror}/`;
  return `${base}v${version}/SHASUMS256.txt`;
}

/**
 * One small request to the download server, given up after `timeoutMs`.
 * @param {string} url
 * @param {{ fetch?: typeof fetch, timeoutMs?: number }} [options]
 * @returns {Promise<string | null>}
 */
export async function downloadBlocker(url, options = {}) {
  const fetchImpl = options.fetch ?? fetch;
  try {
    const response = await fetchImpl(url, {
      method: 'HEAD',
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
    });
    if (response.ok) return null;
    return `Electron's download server answered ${response.status} for ${url}.`;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return (
      `Electron's archives cannot be downloaded from ${url} (${detail}). ` +
      'Installers are built on a machine with internet access (or set ELECTRON_MIRROR), or by the release workflow.'
    );
  }
}
