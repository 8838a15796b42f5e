// Fixed-window counters (the PSK check, the watch budget) and the failed-login back-off (per
// user name and per client address), in process memory. The login route uses the same back-off
// rule kept in the store (./login-backoff-store.ts), so every replica counts the same failures
// (issue 16).

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

export interface BackoffRule {
  /** Failures allowed before any wait. */
  readonly limit: number;
  /** Failures are forgotten after this long without one. */
  readonly windowMs: number;
  /** The wait after the first failure past the limit (doubles with each further one). */
  readonly baseDelayMs?: number;
  /** The longest wait (default: `windowMs`). */
  readonly maxDelayMs?: number;
}

interface Failures {
  count: number;
  lastAt: number;
  /** No attempt before this instant. */
  until: number;
}

/**
 * Failed-login back-off (issue 10): `limit` failures are free; each one past it makes the next
 * attempt wait, 1 s, 2 s, 4 s, … up to `maxDelayMs`. Not a wall: once the wait is over an
 * attempt is checked again, so the right password gets through. Counted when the attempt is
 * made (before the hash is verified), so parallel attempts cannot outrun it.
 */
export class LoginBackoff {
  private readonly failures = new Map<string, Failures>();
  private readonly baseMs: number;
  private readonly maxMs: number;

  constructor(
    private readonly rule: BackoffRule,
    private readonly now: () => number = Date.now,
  ) {
    this.baseMs = rule.baseDelayMs ?? 1_000;
    this.maxMs = rule.maxDelayMs ?? rule.windowMs;
  }

  /** Milliseconds until `key` may try again, or 0 when it may try now. */
  retryAfterMs(key: string): number {
    const f = this.current(key);
    return f === undefined ? 0 : Math.max(0, f.until - this.now());
  }

  /** Counts one attempt (taken back by `release` or `reset` when it succeeds). */
  hit(key: string): void {
    const t = this.now();
    const f = this.current(key) ?? { count: 0, lastAt: t, until: 0 };
    f.count += 1;
    f.lastAt = t;
    const past = f.count - this.rule.limit;
    if (past >= 0) f.until = t + Math.min(this.maxMs, this.baseMs * 2 ** Math.min(past, 30));
    this.failures.set(key, f);
    this.prune(t);
  }

  /** Gives one counted attempt back (a login that succeeded). */
  release(key: string): void {
    const f = this.failures.get(key);
    if (f === undefined) return;
    f.count = Math.max(0, f.count - 1);
    if (f.count < this.rule.limit) f.until = 0;
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private current(key: string): Failures | undefined {
    const f = this.failures.get(key);
    if (f === undefined) return undefined;
    if (this.now() - f.lastAt >= this.rule.windowMs && this.now() >= f.until) {
      this.failures.delete(key);
      return undefined;
    }
    return f;
  }

  private prune(t: number): void {
    if (this.failures.size < 10_000) return;
    for (const [k, f] of this.failures)
      if (t - f.lastAt >= this.rule.windowMs && t >= f.until) this.failures.delete(k);
  }
}
