// The rules of callers' limits: fixed windows (the PSK check, the watch budget) and the
// failed-login back-off (per user name and per client address). The routes use them through the
// store (./store-limits.ts), so every replica counts the same attempts (issue 16); LoginBackoff
// below is the back-off in one process's memory, the reference its store twin is tested against.

export interface RateLimitRule {
  /** Attempts allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

/** A fixed window's count and end (epoch ms). */
interface WindowCount {
  readonly count: number;
  readonly resetAt: number;
}

/**
 * Takes `n` units at once if they fit in the window (a window that has ended, or none, starts
 * anew at `t`): `wait` 0 and the window after; else `wait` is the milliseconds until the window
 * resets and nothing is taken. Attempts count 1; a budget of calls counts what they cost.
 */
export const takeFromWindow = (
  rule: RateLimitRule,
  window: WindowCount | undefined,
  t: number,
  n: number,
): { wait: number; next: WindowCount } => {
  const current =
    window === undefined || t >= window.resetAt ? { count: 0, resetAt: t + rule.windowMs } : window;
  if (current.count + n > rule.limit) return { wait: current.resetAt - t, next: current };
  return { wait: 0, next: { count: current.count + n, resetAt: current.resetAt } };
};

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
