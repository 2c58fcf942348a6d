// A per-key sliding-window limit, in memory: a site that keeps asking cannot keep a prompt in front of
// the user. Forgotten when the background stops, which only gives a site a fresh window.

export interface RateLimiter {
  /** Counts one use by `key`; returns undefined when allowed, else the ms until the next use is allowed. */
  take(key: string): number | undefined;
}

export function createRateLimiter(opts: { limit: number; windowMs: number; now: () => number }): RateLimiter {
  const uses = new Map<string, number[]>();
  return {
    take(key) {
      const now = opts.now();
      const recent = (uses.get(key) ?? []).filter((time) => now - time < opts.windowMs);
      const oldest = recent[0];
      if (recent.length >= opts.limit && oldest !== undefined) {
        uses.set(key, recent);
        return oldest + opts.windowMs - now;
      }
      recent.push(now);
      uses.set(key, recent);
      return undefined;
    },
  };
}
