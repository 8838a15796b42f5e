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
const CALL_PRIORITIES = ['write', 'read', 'poll', 'background'] as const;
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

export class TokenBucketBudget implements CallBudget {
  private readonly clock: BudgetClock;
  private readonly configuredRate: number;
  private readonly burst: number;
  private readonly floors: Record<CallPriority, number>;
  private readonly maxWaitMs: Record<CallPriority, number>;
  private readonly recoveryMs: number;
  private readonly defaultPauseMs: number;
  private readonly minRate: number;
  private readonly queues: Record<CallPriority, Waiter[]> = {
    write: [],
    read: [],
    poll: [],
    background: [],
  };
  private readonly granted = zeroCounts();
  private tokens: number;
  /** Tokens are counted up to this instant. */
  private refilledAt: number;
  private pausedUntil = 0;
  private lastThrottledAt: number | null = null;
  /** Rate right after the last throttling answer; it climbs back from there. */
  private cutRate: number;
  private throttlingAnswers = 0;
  private timer: unknown;
  private timerAt = 0;
  private closed = false;

  constructor(options: CallBudgetOptions) {
    if (!(options.ratePerSecond > 0) || !(options.burst >= 1)) {
      throw new RangeError('a call budget needs a positive rate and a burst of at least 1');
    }
    this.clock = options.clock ?? systemClock;
    this.configuredRate = options.ratePerSecond;
    this.burst = options.burst;
    const reserve = { background: 0.2, ...options.reserve };
    let floor = 0;
    const floors = zeroCounts();
    for (const priority of CALL_PRIORITIES) {
      // Monotonic: a lower priority never needs fewer tokens than a higher one.
      floor = Math.max(floor, Math.min(this.burst - 1, (reserve[priority] ?? 0) * this.burst));
      floors[priority] = floor;
    }
    this.floors = floors;
    this.maxWaitMs = { ...DEFAULT_MAX_WAIT_MS, ...options.maxWaitMs };
    this.recoveryMs = options.recoveryMs ?? 30_000;
    this.defaultPauseMs = options.defaultPauseMs ?? 1000;
    this.minRate = this.configuredRate * (options.minRateShare ?? 0.1);
    this.cutRate = this.configuredRate;
    this.tokens = this.burst;
    this.refilledAt = this.clock.now();
  }

  /** The rate in force at `at`: cut after throttling, back to the configured one linearly. */
  private rateAt(at: number): number {
    if (this.lastThrottledAt === null || this.cutRate >= this.configuredRate) {
      return this.configuredRate;
    }
    const since = Math.max(0, at - Math.max(this.pausedUntil, this.lastThrottledAt));
    const share = Math.min(1, since / this.recoveryMs);
    return this.cutRate + (this.configuredRate - this.cutRate) * share;
  }

  private refill(): void {
    const now = this.clock.now();
    const from = Math.max(this.refilledAt, this.pausedUntil);
    if (now > from) {
      // The rate over [from, now] is at least rateAt(from): a safe (never generous) refill.
      const rate = Math.min(this.rateAt(from), this.rateAt(now));
      this.tokens = Math.min(this.burst, this.tokens + ((now - from) * rate) / 1000);
    }
    this.refilledAt = Math.max(now, this.refilledAt);
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

  /** Grants tokens to waiters in priority order; schedules itself for the next token. */
  private pump(): void {
    if (this.closed) return;
    this.refill();
    const now = this.clock.now();
    for (;;) {
      const waiter = this.firstWaiter();
      if (!waiter) return;
      if (now < this.pausedUntil || this.tokens < this.needed(waiter.priority)) {
        const missing = this.needed(waiter.priority) - this.tokens;
        const rate = this.rateAt(Math.max(now, this.pausedUntil));
        const refillMs = missing > 0 ? Math.max(1, Math.ceil((missing * 1000) / rate)) : 0;
        const at = Math.max(now, this.pausedUntil) + refillMs;
        this.schedule(at);
        return;
      }
      this.queues[waiter.priority].shift();
      this.tokens -= 1;
      this.granted[waiter.priority] += 1;
      waiter.cleanup();
      waiter.resolve();
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

  acquire(priority: CallPriority, signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the call budget is closed'));
    if (signal?.aborted) {
      return Promise.reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
    }
    this.refill();
    const now = this.clock.now();
    const ahead = CALL_PRIORITIES.slice(0, CALL_PRIORITIES.indexOf(priority) + 1).some(
      (p) => this.queues[p].length > 0,
    );
    if (!ahead && now >= this.pausedUntil && this.tokens >= this.needed(priority)) {
      this.tokens -= 1;
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
    const now = this.clock.now();
    this.refill();
    this.throttlingAnswers += 1;
    const current = this.rateAt(now);
    this.cutRate = Math.max(this.minRate, current / 2);
    this.lastThrottledAt = now;
    const pause =
      retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : this.defaultPauseMs;
    this.pausedUntil = Math.max(this.pausedUntil, now + pause);
    // What was saved up was evidently more than the cloud allows right now.
    this.tokens = Math.min(this.tokens, 1);
    this.refilledAt = Math.max(this.refilledAt, now);
    if (this.timer !== undefined) {
      this.clock.clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.pump();
  }

  expectedWaitMs(priority: CallPriority): number {
    this.refill();
    const now = this.clock.now();
    let ahead = 0;
    for (const p of CALL_PRIORITIES.slice(0, CALL_PRIORITIES.indexOf(priority) + 1)) {
      ahead += this.queues[p].length;
    }
    const start = Math.max(now, this.pausedUntil);
    const missing = Math.max(0, ahead + this.needed(priority) - this.tokens);
    return start - now + Math.ceil((missing * 1000) / this.rateAt(start));
  }

  state(): BudgetState {
    this.refill();
    const now = this.clock.now();
    const queued = zeroCounts();
    for (const priority of CALL_PRIORITIES) queued[priority] = this.queues[priority].length;
    const rate = this.rateAt(now);
    return {
      configuredRatePerSecond: this.configuredRate,
      ratePerSecond: rate,
      burst: this.burst,
      tokens: this.tokens,
      queued,
      pausedUntil: now < this.pausedUntil ? this.pausedUntil : null,
      lastThrottledAt: this.lastThrottledAt,
      throttled: now < this.pausedUntil || rate < this.configuredRate,
      granted: { ...this.granted },
      throttlingAnswers: this.throttlingAnswers,
    };
  }

  close(): void {
    this.closed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
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
