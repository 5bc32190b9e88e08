/**
 * Sliding-window rate limits for the participant listener, on an injected clock so tests move
 * time by hand. Each key (an address, a device) keeps the times of its recent hits, never more
 * than the limit; keys whose hits have all aged out are swept once a window, and a new key finding
 * the table full is refused, so a stream of new addresses cannot grow it without bound.
 */

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export type RateLimiter = {
  /** Counts a hit for `key` when it is allowed; a refused hit is not counted. */
  hit(key: string): RateDecision;
  /** Whether `key` would be refused now, without counting anything. */
  check(key: string): RateDecision;
  readonly size: number;
};

export type RateLimit = { limit: number; windowMs: number };

/**
 * Keys kept at most. Expired ones are swept once a window; a new key that finds the table full
 * is refused until then, rather than the whole table being swept on every hit.
 */
export const MAX_KEYS = 4096;

export function createRateLimiter({ limit, windowMs }: RateLimit, now: () => number): RateLimiter {
  const hits = new Map<string, number[]>();

  const recent = (key: string, at: number): number[] => {
    const times = (hits.get(key) ?? []).filter((time) => at - time < windowMs);
    if (times.length === 0) hits.delete(key);
    else hits.set(key, times);
    return times;
  };

  const decide = (times: readonly number[], at: number): RateDecision => {
    if (times.length < limit) return { allowed: true };
    const oldest = times[0] ?? at;
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + windowMs - at) / 1000)) };
  };

  let swept = now();
  const sweep = (at: number) => {
    swept = at;
    for (const key of [...hits.keys()]) recent(key, at);
  };

  return {
    hit(key) {
      const at = now();
      if (at - swept >= windowMs) sweep(at);
      if (!hits.has(key) && hits.size >= MAX_KEYS)
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((swept + windowMs - at) / 1000)) };
      const times = recent(key, at);
      const decision = decide(times, at);
      if (decision.allowed) hits.set(key, [...times, at]);
      return decision;
    },
    check(key) {
      const at = now();
      return decide(recent(key, at), at);
    },
    get size() {
      return hits.size;
    },
  };
}
