/** Types for build/nativeBinary.mjs. */
export type BinaryKind = { format: 'elf' | 'pe' | 'macho'; arch: string };
export declare function binaryKind(bytes: Uint8Array): BinaryKind | null;
export declare const PLATFORM_FORMATS: Readonly<
  Record<'linux' | 'win32' | 'darwin' | 'mas', BinaryKind['format']>
>;
