// Exponential backoff with full jitter under a retry budget (reference: AWS "Exponential
// Backoff and Jitter"; AWS SDK standard retry quota). One retry layer: this one.
import type { CloudError } from './errors';

export interface RetryPolicy {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  baseDelayMs: number;
  /** Base delay after a throttling answer. */
  throttleBaseDelayMs: number;
  maxDelayMs: number;
  /** Upper bound for a server-given `x-acs-retry-after`. */
  maxRetryAfterMs: number;
}

export const defaultReadPolicy: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 200,
  throttleBaseDelayMs: 1000,
  maxDelayMs: 5000,
  maxRetryAfterMs: 60_000,
};

export const defaultWritePolicy: RetryPolicy = { ...defaultReadPolicy, maxDelayMs: 10_000 };

/** Full jitter: random(0, min(cap, base · 2^retry)); a server hint wins when present. */
export const backoffDelay = (
  policy: RetryPolicy,
  retry: number,
  error: Pick<CloudError, 'throttled' | 'retryAfterMs'>,
  random: () => number = Math.random,
): number => {
  if (error.retryAfterMs !== undefined) {
    return Math.min(Math.max(0, error.retryAfterMs), policy.maxRetryAfterMs);
  }
  const base = error.throttled ? policy.throttleBaseDelayMs : policy.baseDelayMs;
  const ceiling = Math.min(policy.maxDelayMs, base * 2 ** retry);
  return Math.floor(random() * ceiling);
};

/**
 * A token bucket shared by all calls of one process: a retry costs tokens (a timeout twice as
 * many), a first-try success refunds one. When the cloud is down, retries stop after the
 * bucket is spent instead of multiplying the load.
 */
export class RetryBudget {
  private tokens: number;

  constructor(
    readonly capacity = 500,
    private readonly retryCost = 5,
    private readonly timeoutCost = 10,
  ) {
    this.tokens = capacity;
  }

  get available(): number {
    return this.tokens;
  }

  /** Takes the cost of one retry; false when the budget cannot pay for it. */
  tryAcquire(error: Pick<CloudError, 'kind'>): boolean {
    const cost = error.kind === 'timeout' ? this.timeoutCost : this.retryCost;
    if (this.tokens < cost) return false;
    this.tokens -= cost;
    return true;
  }

  refund(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }
}

export const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
