// Fixed-window attempt counters for the login (per user name and per client address).
// In-process memory: with several replicas each holds its own window, which multiplies the
// allowance by the replica count (accepted; see docs/decisions/0030, "Login rate limit").

export interface RateLimitRule {
  /** Attempts allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
  ) {}

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const w = this.windows.get(key);
    if (w === undefined) return 0;
    const t = this.now();
    if (t >= w.resetAt) {
      this.windows.delete(key);
      return 0;
    }
    return w.count >= this.rule.limit ? w.resetAt - t : 0;
  }

  /** Counts one attempt against `key`. */
  hit(key: string): void {
    const t = this.now();
    const w = this.windows.get(key);
    if (w === undefined || t >= w.resetAt) {
      this.windows.set(key, { count: 1, resetAt: t + this.rule.windowMs });
      this.prune(t);
      return;
    }
    w.count += 1;
  }

  /**
   * Takes `n` units at once if they fit in `key`'s window: 0 when taken, else the milliseconds
   * until the window resets (nothing taken). A budget of calls rather than of attempts.
   */
  take(key: string, n: number): number {
    const t = this.now();
    let w = this.windows.get(key);
    if (w === undefined || t >= w.resetAt) {
      w = { count: 0, resetAt: t + this.rule.windowMs };
      this.windows.set(key, w);
      this.prune(t);
    }
    if (n <= 0) return 0;
    if (w.count + n > this.rule.limit) return w.resetAt - t;
    w.count += n;
    return 0;
  }

  /** Gives one counted attempt back (a login that succeeded). */
  release(key: string): void {
    const w = this.windows.get(key);
    if (w !== undefined && w.count > 0) w.count -= 1;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(t: number): void {
    if (this.windows.size < 10_000) return;
    for (const [k, w] of this.windows) if (t >= w.resetAt) this.windows.delete(k);
  }
}
