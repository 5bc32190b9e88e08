/** Types for scripts/distPreflight.mjs. */
type Env = Record<string, string | undefined>;
export declare function localBlocker(facts: { env: Env; electronDir: string | null }): string | null;
export declare function electronDownloadUrl(version: string, env: Env): string;
export declare function downloadBlocker(
  url: string,
  options?: { fetch?: typeof fetch; timeoutMs?: number },
): Promise<string | null>;
