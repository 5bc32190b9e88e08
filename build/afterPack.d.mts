/** Types for build/afterPack.mjs (plain JavaScript, since electron-builder loads the hook with Node). */
export type PackContext = {
  appOutDir: string;
  electronPlatformName: string;
  /** builder-util's Arch: 0 ia32, 1 x64, 2 armv7l, 3 arm64, 4 universal. */
  arch: number;
  packager: { executableName?: string; appInfo: { productFilename: string } };
};
export declare const PACKED_SQLITE: string;
export declare function electronBinaryPath(context: PackContext): string;
export declare function resourcesPath(context: PackContext): string;
export declare function checkPackedSqlite(context: PackContext): void;
export declare function applyFuses(context: PackContext): Promise<void>;
export declare function afterPack(context: PackContext): Promise<void>;
export default afterPack;
