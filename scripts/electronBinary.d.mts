/** Types for scripts/electronBinary.mjs. */
export declare function electronBinaryIn(electronDir: string): { binary: string | null; found: boolean };
