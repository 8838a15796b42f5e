import { describe, expect, it } from 'vitest';
import { backoffDelay, defaultReadPolicy, RetryBudget } from './retry';

const transient = { throttled: false, retryAfterMs: undefined };

describe('backoffDelay (full jitter)', () => {
  it('draws between 0 and min(cap, base · 2^retry)', () => {
    expect(backoffDelay(defaultReadPolicy, 0, transient, () => 0.999)).toBe(199);
    expect(backoffDelay(defaultReadPolicy, 2, transient, () => 0.5)).toBe(400);
    expect(backoffDelay(defaultReadPolicy, 10, transient, () => 0.999)).toBe(4995);
    expect(backoffDelay(defaultReadPolicy, 3, transient, () => 0)).toBe(0);
  });

  it('uses the longer base after throttling and honours x-acs-retry-after, capped', () => {
    expect(
      backoffDelay(defaultReadPolicy, 0, { throttled: true, retryAfterMs: undefined }, () => 0.5),
    ).toBe(500);
    expect(
      backoffDelay(defaultReadPolicy, 0, { throttled: true, retryAfterMs: 1234 }, () => 0),
    ).toBe(1234);
    expect(
      backoffDelay(defaultReadPolicy, 0, { throttled: true, retryAfterMs: 10_000_000 }, () => 0),
    ).toBe(60_000);
  });
});

describe('RetryBudget', () => {
  it('stops paying for retries when spent and refills on first-try successes', () => {
    const budget = new RetryBudget(20, 5, 10);
    expect(budget.tryAcquire({ kind: 'timeout' })).toBe(true);
    expect(budget.tryAcquire({ kind: 'api' })).toBe(true);
    expect(budget.tryAcquire({ kind: 'api' })).toBe(true);
    expect(budget.available).toBe(0);
    expect(budget.tryAcquire({ kind: 'api' })).toBe(false);
    for (let i = 0; i < 5; i += 1) budget.refund();
    expect(budget.tryAcquire({ kind: 'network' })).toBe(true);
    for (let i = 0; i < 100; i += 1) budget.refund();
    expect(budget.available).toBe(20);
  });
});
