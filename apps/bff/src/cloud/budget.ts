// The per-account budget of upstream calls (issue 18): one token bucket per cloud account,
// shared by everything that calls the cloud for it — user reads, status polling, the history
// recorder and writes. Waiting calls are served by priority (writes first, then reads, then
// polls, then background work), first come first served within a priority. When the cloud
// throttles (`Throttling.User`, `x-acs-retry-after`), the bucket stops for the time the cloud
// asks, halves its rate and climbs back linearly; callers read how far behind it is (`state()`)
// to tell users "status may be up to N s old" instead of failing.
//
// Guarantee (tested on a fake clock): over any window of T ms at most `burst + rate · T / 1000`
// calls are granted, whatever the mix of callers.

/** Who is calling, highest priority first. */
export const CALL_PRIORITIES = ['write', 'read', 'poll', 'background'] as const;
export type CallPriority = (typeof CALL_PRIORITIES)[number];

export interface BudgetClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const systemClock: BudgetClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as NodeJS.Timeout);
  },
};

export interface CallBudgetOptions {
  /** Calls per second the account may make, sustained. */
  ratePerSecond: number;
  /** Calls it may make at once after a quiet spell (the bucket's size). */
  burst: number;
  /**
   * Share of the bucket a priority leaves for the ones above it: a call of that priority waits
   * until more than `reserve · burst` tokens are there. Default: background work leaves a fifth.
   */
  reserve?: Partial<Record<CallPriority, number>>;
  /** Longest wait for a token per priority (ms); past it `acquire` rejects with BudgetWaitError. */
  maxWaitMs?: Partial<Record<CallPriority, number>>;
  /** After throttling, the rate climbs back to `ratePerSecond` over this long (ms). */
  recoveryMs?: number;
  /** Pause after a throttling answer without `x-acs-retry-after` (ms). */
  defaultPauseMs?: number;
  /** The rate never drops below this share of `ratePerSecond`. */
  minRateShare?: number;
  clock?: BudgetClock;
}

export interface BudgetState {
  /** The configured rate and the one in force now (lower after throttling). */
  configuredRatePerSecond: number;
  ratePerSecond: number;
  burst: number;
  tokens: number;
  queued: Record<CallPriority, number>;
  /** Epoch ms until which no call is made because the cloud said so; null when not paused. */
  pausedUntil: number | null;
  /** Epoch ms of the last throttling answer; null when never throttled. */
  lastThrottledAt: number | null;
  /** True while the rate is below the configured one or calls are paused. */
  throttled: boolean;
  granted: Record<CallPriority, number>;
  throttlingAnswers: number;
}

/** A call waited longer than its priority allows for a token. */
export class BudgetWaitError extends Error {
  constructor(
    readonly priority: CallPriority,
    readonly waitedMs: number,
  ) {
    super(`no upstream call budget for a ${priority} call after ${waitedMs} ms`);
    this.name = 'BudgetWaitError';
  }
}

/** What the cloud client and the history recorder need of a budget (tests inject their own). */
export interface CallBudget {
  /** Resolves when a call of this priority may go out; one token is spent. */
  acquire(priority: CallPriority, signal?: AbortSignal): Promise<void>;
  /** The cloud answered with throttling: pause (for `retryAfterMs` if given) and slow down. */
  throttled(retryAfterMs?: number): void;
  /** Estimated wait (ms) for a call of this priority made now. */
  expectedWaitMs(priority: CallPriority): number;
  state(): BudgetState;
  close(): void;
}

interface Waiter {
  priority: CallPriority;
  since: number;
  resolve: () => void;
  reject: (error: Error) => void;
  cleanup: () => void;
}

const DEFAULT_MAX_WAIT_MS: Record<CallPriority, number> = {
  write: Number.POSITIVE_INFINITY,
  read: 15_000,
  poll: 60_000,
  background: Number.POSITIVE_INFINITY,
};

const zeroCounts = (): Record<CallPriority, number> => ({
  write: 0,
  read: 0,
  poll: 0,
  background: 0,
});

/** The bucket's fixed settings (the same on every replica of a deployment). */
export interface BucketParams {
  configuredRate: number;
  burst: number;
  recoveryMs: number;
  defaultPauseMs: number;
  minRate: number;
}

/** The bucket's moving parts: in this process, or in the store for every replica (epoch ms). */
export interface BucketState {
  tokens: number;
  /** Tokens are counted up to this instant. */
  refilledAt: number;
  pausedUntil: number;
  lastThrottledAt: number | null;
  /** Rate right after the last throttling answer; it climbs back from there. */
  cutRate: number;
  throttlingAnswers: number;
}

export const newBucket = (params: BucketParams, now: number): BucketState => ({
  tokens: params.burst,
  refilledAt: now,
  pausedUntil: 0,
  lastThrottledAt: null,
  cutRate: params.configuredRate,
  throttlingAnswers: 0,
});

/** The rate in force at `at`: cut after throttling, back to the configured one linearly. */
const rateAt = (p: BucketParams, s: BucketState, at: number): number => {
  if (s.lastThrottledAt === null || s.cutRate >= p.configuredRate) return p.configuredRate;
  const since = Math.max(0, at - Math.max(s.pausedUntil, s.lastThrottledAt));
  const share = Math.min(1, since / p.recoveryMs);
  return s.cutRate + (p.configuredRate - s.cutRate) * share;
};

/**
 * Adds what the rate gave since the last refill, up to `cap` (default the burst; lower while
 * replicas hold tokens taken in batches, ./shared-budget.ts).
 */
export const refill = (p: BucketParams, s: BucketState, now: number, cap = p.burst): void => {
  const from = Math.max(s.refilledAt, s.pausedUntil);
  if (now > from) {
    // The rate over [from, now] is at least rateAt(from): a safe (never generous) refill.
    const rate = Math.min(rateAt(p, s, from), rateAt(p, s, now));
    s.tokens = Math.min(cap, s.tokens + ((now - from) * rate) / 1000);
  }
  s.refilledAt = Math.max(now, s.refilledAt);
};

/**
 * Takes up to `count` tokens when the bucket holds at least `needed` and no pause is on: as
 * many as leave `needed - 1` behind (so each one taken is one a single call could have taken).
 * Answers how many were taken (at least 1) and wait 0; else takes nothing and answers how long
 * (ms) until it could.
 */
export const takeTokens = (
  p: BucketParams,
  s: BucketState,
  now: number,
  needed: number,
  count: number,
  cap = p.burst,
): { taken: number; wait: number } => {
  refill(p, s, now, cap);
  if (now < s.pausedUntil || s.tokens < needed) {
    const missing = needed - s.tokens;
    const rate = rateAt(p, s, Math.max(now, s.pausedUntil));
    const refillMs = missing > 0 ? Math.max(1, Math.ceil((missing * 1000) / rate)) : 0;
    return { taken: 0, wait: Math.max(1, Math.max(now, s.pausedUntil) + refillMs - now) };
  }
  const taken = Math.max(1, Math.min(count, Math.floor(s.tokens - needed + 1)));
  s.tokens -= taken;
  return { taken, wait: 0 };
};

/** One token for one call: 0 when taken, else ms until it could be (takeTokens for one). */
export const takeToken = (p: BucketParams, s: BucketState, now: number, needed: number): number =>
  takeTokens(p, s, now, needed, 1).wait;

/** The cloud answered with throttling: pause, halve the rate, drop what was saved up. */
export const throttleBucket = (
  p: BucketParams,
  s: BucketState,
  now: number,
  retryAfterMs: number | undefined,
): void => {
  refill(p, s, now);
  s.throttlingAnswers += 1;
  s.cutRate = Math.max(p.minRate, rateAt(p, s, now) / 2);
  s.lastThrottledAt = now;
  const pause = retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : p.defaultPauseMs;
  s.pausedUntil = Math.max(s.pausedUntil, now + pause);
  // What was saved up was evidently more than the cloud allows right now.
  s.tokens = Math.min(s.tokens, 1);
  s.refilledAt = Math.max(s.refilledAt, now);
};

/**
 * Where a budget's tokens live. `immediate` sources (this process's memory) answer at once;
 * the store's (shared by replicas, ./shared-budget.ts) answers after a round trip.
 */
export interface TokenSource {
  readonly immediate: boolean;
  /**
   * 0: one token taken for a call of `priority` that needs `needed` tokens in the bucket; else
   * ms until one could be (nothing taken). `demand`: how many calls of that priority wait here
   * (a source may take several tokens at once and keep the rest for them).
   */
  take(
    needed: number,
    now: number,
    priority: CallPriority,
    demand: number,
  ): number | Promise<number>;
  throttled(now: number, retryAfterMs: number | undefined): void;
  /** The bucket as last known, refilled to `now` (state and expected waits). */
  view(now: number): BucketState;
  close(): void;
}

class LocalTokens implements TokenSource {
  readonly immediate = true;
  private readonly state: BucketState;

  constructor(
    private readonly params: BucketParams,
    now: number,
  ) {
    this.state = newBucket(params, now);
  }

  take(needed: number, now: number): number {
    return takeToken(this.params, this.state, now, needed);
  }

  throttled(now: number, retryAfterMs: number | undefined): void {
    throttleBucket(this.params, this.state, now, retryAfterMs);
  }

  view(now: number): BucketState {
    refill(this.params, this.state, now);
    return this.state;
  }

  close(): void {
    // Nothing held.
  }
}

export class TokenBucketBudget implements CallBudget {
  private readonly clock: BudgetClock;
  private readonly params: BucketParams;
  private readonly source: TokenSource;
  private readonly floors: Record<CallPriority, number>;
  private readonly maxWaitMs: Record<CallPriority, number>;
  private readonly queues: Record<CallPriority, Waiter[]> = {
    write: [],
    read: [],
    poll: [],
    background: [],
  };
  private readonly granted = zeroCounts();
  /** A token a source gave after its waiter had left: the next caller's. */
  private spare = 0;
  /** A round trip to a source that is not immediate is under way. */
  private taking: Promise<void> | undefined;
  private timer: unknown;
  private timerAt = 0;
  private closed = false;

  /** `tokens`: where the bucket lives (default: this process). */
  constructor(
    options: CallBudgetOptions,
    tokens?: (params: BucketParams, now: number) => TokenSource,
  ) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) {
      throw new RangeError('a call budget needs a positive rate and a burst of at least 1');
    }
    this.clock = options.clock ?? systemClock;
    this.params = {
      configuredRate: options.ratePerSecond,
      burst: options.burst,
      recoveryMs: options.recoveryMs ?? 30_000,
      defaultPauseMs: options.defaultPauseMs ?? 1000,
      minRate: options.ratePerSecond * (options.minRateShare ?? 0.1),
    };
    const reserve = { background: 0.2, ...options.reserve };
    let floor = 0;
    const floors = zeroCounts();
    for (const priority of CALL_PRIORITIES) {
      // Monotonic: a lower priority never needs fewer tokens than a higher one.
      floor = Math.max(
        floor,
        Math.min(options.burst - 1, (reserve[priority] ?? 0) * options.burst),
      );
      floors[priority] = floor;
    }
    this.floors = floors;
    this.maxWaitMs = { ...DEFAULT_MAX_WAIT_MS, ...options.maxWaitMs };
    const now = this.clock.now();
    this.source = tokens ? tokens(this.params, now) : new LocalTokens(this.params, now);
  }

  private needed(priority: CallPriority): number {
    return 1 + this.floors[priority];
  }

  private firstWaiter(): Waiter | undefined {
    for (const priority of CALL_PRIORITIES) {
      const waiter = this.queues[priority][0];
      if (waiter) return waiter;
    }
    return undefined;
  }

  /** A token was taken: the first waiter gets it (or it is kept for the next caller). */
  private grantFirst(): boolean {
    const waiter = this.firstWaiter();
    if (!waiter) {
      this.spare += 1;
      return false;
    }
    this.queues[waiter.priority].shift();
    this.granted[waiter.priority] += 1;
    waiter.cleanup();
    waiter.resolve();
    return true;
  }

  /** Grants tokens to waiters in priority order; schedules itself for the next token. */
  private pump(): void {
    while (!this.closed && this.taking === undefined) {
      const waiter = this.firstWaiter();
      if (!waiter) return;
      if (this.spare > 0) {
        this.spare -= 1;
        this.grantFirst();
        continue;
      }
      const now = this.clock.now();
      const answer = this.source.take(
        this.needed(waiter.priority),
        now,
        waiter.priority,
        this.queues[waiter.priority].length,
      );
      if (typeof answer === 'number') {
        if (answer > 0) {
          this.schedule(now + answer);
          return;
        }
        this.grantFirst();
        continue;
      }
      this.taking = answer.then(
        (wait) => {
          this.taking = undefined;
          if (this.closed) return;
          if (wait > 0) this.schedule(this.clock.now() + wait);
          else {
            this.grantFirst();
            this.pump();
          }
        },
        () => {
          // The source logs its own failures; try again shortly.
          this.taking = undefined;
          this.schedule(this.clock.now() + 100);
        },
      );
      return;
    }
  }

  private schedule(at: number): void {
    if (this.timer !== undefined && this.timerAt <= at) return;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timerAt = at;
    this.timer = this.clock.setTimeout(
      () => {
        this.timer = undefined;
        this.pump();
      },
      Math.max(0, at - this.clock.now()),
    );
  }

  /** Resolves once no round trip to the token source is under way (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.taking !== undefined) await this.taking;
  }

  acquire(priority: CallPriority, signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the call budget is closed'));
    if (signal?.aborted) {
      return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    }
    const now = this.clock.now();
    const ahead = CALL_PRIORITIES.slice(0, CALL_PRIORITIES.indexOf(priority) + 1).some(
      (p) => this.queues[p].length > 0,
    );
    if (!ahead && this.spare > 0) {
      this.spare -= 1;
      this.granted[priority] += 1;
      return Promise.resolve();
    }
    if (
      !ahead &&
      this.source.immediate &&
      this.source.take(this.needed(priority), now, priority, 1) === 0
    ) {
      this.granted[priority] += 1;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      let deadline: unknown;
      const onAbort = () => {
        remove();
        reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      const waiter: Waiter = {
        priority,
        since: now,
        resolve,
        reject,
        cleanup: () => {
          if (deadline !== undefined) this.clock.clearTimeout(deadline);
          signal?.removeEventListener('abort', onAbort);
        },
      };
      const remove = () => {
        const queue = this.queues[priority];
        const index = queue.indexOf(waiter);
        if (index >= 0) queue.splice(index, 1);
        waiter.cleanup();
      };
      const maxWait = this.maxWaitMs[priority];
      if (Number.isFinite(maxWait)) {
        deadline = this.clock.setTimeout(() => {
          remove();
          reject(new BudgetWaitError(priority, this.clock.now() - now));
        }, maxWait);
      }
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queues[priority].push(waiter);
      this.pump();
    });
  }

  throttled(retryAfterMs?: number): void {
    this.source.throttled(this.clock.now(), retryAfterMs);
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pump();
  }

  expectedWaitMs(priority: CallPriority): number {
    const now = this.clock.now();
    const bucket = this.source.view(now);
    let ahead = 0;
    for (const p of CALL_PRIORITIES.slice(0, CALL_PRIORITIES.indexOf(priority) + 1)) {
      ahead += this.queues[p].length;
    }
    const start = Math.max(now, bucket.pausedUntil);
    const missing = Math.max(0, ahead + this.needed(priority) - bucket.tokens - this.spare);
    return start - now + Math.ceil((missing * 1000) / rateAt(this.params, bucket, start));
  }

  state(): BudgetState {
    const now = this.clock.now();
    const bucket = this.source.view(now);
    const queued = zeroCounts();
    for (const priority of CALL_PRIORITIES) queued[priority] = this.queues[priority].length;
    const rate = rateAt(this.params, bucket, now);
    return {
      configuredRatePerSecond: this.params.configuredRate,
      ratePerSecond: rate,
      burst: this.params.burst,
      tokens: bucket.tokens + this.spare,
      queued,
      pausedUntil: now < bucket.pausedUntil ? bucket.pausedUntil : null,
      lastThrottledAt: bucket.lastThrottledAt,
      throttled: now < bucket.pausedUntil || rate < this.params.configuredRate,
      granted: { ...this.granted },
      throttlingAnswers: bucket.throttlingAnswers,
    };
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.source.close();
    for (const priority of CALL_PRIORITIES) {
      for (const waiter of this.queues[priority].splice(0)) {
        waiter.cleanup();
        waiter.reject(new Error('the call budget is closed'));
      }
    }
  }
}

/** A budget that never waits (tests and tools that talk to a private emulator). */
export const unlimitedBudget = (): CallBudget => {
  const granted = zeroCounts();
  return {
    acquire: (priority) => {
      granted[priority] += 1;
      return Promise.resolve();
    },
    throttled: () => undefined,
    expectedWaitMs: () => 0,
    state: () => ({
      configuredRatePerSecond: Number.POSITIVE_INFINITY,
      ratePerSecond: Number.POSITIVE_INFINITY,
      burst: Number.POSITIVE_INFINITY,
      tokens: Number.POSITIVE_INFINITY,
      queued: zeroCounts(),
      pausedUntil: null,
      lastThrottledAt: null,
      throttled: false,
      granted: { ...granted },
      throttlingAnswers: 0,
    }),
    close: () => undefined,
  };
};
