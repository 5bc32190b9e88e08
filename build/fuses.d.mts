/** Types for build/fuses.mjs (plain JavaScript, since electron-builder loads the hook with Node). */
import type { FuseV1Config, FuseV1Options } from '@electron/fuses';

export type FuseName = keyof typeof FuseV1Options;
export declare const FUSES: Readonly<Partial<Record<FuseName, boolean>>>;
export declare function fuseConfig(target: { electronPlatformName: string; arm64: boolean }): FuseV1Config;
