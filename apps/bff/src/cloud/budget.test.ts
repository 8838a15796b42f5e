import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { BudgetWaitError, TokenBucketBudget, type CallPriority } from './budget';
import { createCloudClient } from './client';
import { CloudError } from './errors';
import type { PopTransport } from './pop-client';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-30T00:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Grant times (ms since start) of every call, in grant order. */
const recorder = () => {
  const start = Date.now();
  const grants: Array<{ priority: CallPriority; at: number; tag: string }> = [];
  return {
    grants,
    track: (budget: TokenBucketBudget, priority: CallPriority, tag: string = priority) =>
      budget.acquire(priority).then(() => {
        grants.push({ priority, at: Date.now() - start, tag });
      }),
  };
};

/** Largest number of grants in any window of `windowMs`. */
const busiestWindow = (times: number[], windowMs: number): number => {
  let best = 0;
  for (let i = 0; i < times.length; i += 1) {
    const from = times[i] ?? 0;
    best = Math.max(best, times.filter((t) => t >= from && t < from + windowMs).length);
  }
  return best;
};

describe('TokenBucketBudget', () => {
  it('never grants more than burst + rate · T in any window, whatever the mix of callers', async () => {
    const budget = new TokenBucketBudget({ ratePerSecond: 10, burst: 5 });
    const { grants, track } = recorder();
    const priorities: CallPriority[] = ['write', 'read', 'poll', 'background'];
    const all: Array<Promise<void>> = [];
    // 200 calls arriving over 4 s, in bursts, from every kind of caller.
    for (let tick = 0; tick < 40; tick += 1) {
      for (let i = 0; i < 5; i += 1) {
        all.push(track(budget, priorities[(tick + i) % 4] ?? 'read'));
      }
      await vi.advanceTimersByTimeAsync(100);
    }
    await vi.advanceTimersByTimeAsync(30_000);
    await Promise.all(all);
    expect(grants).toHaveLength(200);
    const times = grants.map((g) => g.at);
    for (const windowMs of [100, 1000, 5000, 10_000]) {
      expect(busiestWindow(times, windowMs)).toBeLessThanOrEqual(5 + (10 * windowMs) / 1000);
    }
    // And it is not idle either: 200 calls at 10/s after a burst of 5 take about 19.5 s.
    expect(Math.max(...times)).toBeLessThanOrEqual(19_600);
    budget.close();
  });

  it('serves waiting writes first, then reads, then polls, then background work', async () => {
    const budget = new TokenBucketBudget({ ratePerSecond: 1, burst: 1, reserve: {} });
    const { grants, track } = recorder();
    await track(budget, 'read', 'first'); // spends the only token
    const waiting = [
      track(budget, 'background', 'b1'),
      track(budget, 'poll', 'p1'),
      track(budget, 'read', 'r1'),
      track(budget, 'background', 'b2'),
      track(budget, 'write', 'w1'),
      track(budget, 'read', 'r2'),
      track(budget, 'write', 'w2'),
    ];
    expect(budget.state().queued).toEqual({ write: 2, read: 2, poll: 1, background: 2 });
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(waiting);
    expect(grants.map((g) => g.tag)).toEqual(['first', 'w1', 'w2', 'r1', 'r2', 'p1', 'b1', 'b2']);
    budget.close();
  });

  it('a write that arrives later still goes before reads already waiting', async () => {
    const budget = new TokenBucketBudget({ ratePerSecond: 2, burst: 1 });
    const { grants, track } = recorder();
    await track(budget, 'read', 'first');
    const reads = [1, 2, 3, 4].map((n) => track(budget, 'read', `r${n}`));
    await vi.advanceTimersByTimeAsync(600); // r1 goes at 500 ms
    const write = track(budget, 'write', 'w');
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all([...reads, write]);
    expect(grants.map((g) => g.tag)).toEqual(['first', 'r1', 'w', 'r2', 'r3', 'r4']);
  });

  it('keeps a share of the bucket from background work for users', async () => {
    const budget = new TokenBucketBudget({
      ratePerSecond: 1,
      burst: 10,
      reserve: { background: 0.5 },
    });
    const { grants, track } = recorder();
    const background = Array.from({ length: 8 }, () => track(budget, 'background'));
    await vi.advanceTimersByTimeAsync(0);
    // Background work stops while half the bucket (5 tokens) would be gone.
    expect(grants).toHaveLength(5);
    await track(budget, 'read');
    expect(grants).toHaveLength(6);
    budget.close();
    await Promise.allSettled(background);
  });

  it('pauses for x-acs-retry-after, halves its rate and climbs back', async () => {
    const budget = new TokenBucketBudget({
      ratePerSecond: 10,
      burst: 10,
      recoveryMs: 10_000,
    });
    const { grants, track } = recorder();
    budget.throttled(3000);
    expect(budget.state()).toMatchObject({ throttled: true, ratePerSecond: 5 });
    expect(budget.state().pausedUntil).toBe(Date.now() + 3000);
    expect(budget.expectedWaitMs('read')).toBe(3000);
    // Nothing goes during the pause; then the one token kept, then about 5 a second (climbing).
    const calls = Array.from({ length: 3 }, () => track(budget, 'read'));
    await vi.advanceTimersByTimeAsync(10_000);
    await Promise.all(calls);
    const [first = 0, second = 0, third = 0] = grants.map((g) => g.at);
    expect(first).toBe(3000);
    expect(second - first).toBeGreaterThan(190);
    expect(second - first).toBeLessThanOrEqual(200);
    expect(third - second).toBeGreaterThan(190);
    expect(third - second).toBeLessThanOrEqual(200);
    // Ten seconds after the pause the full rate is back.
    await vi.advanceTimersByTimeAsync(10_000);
    expect(budget.state()).toMatchObject({ throttled: false, ratePerSecond: 10 });
    budget.close();
  });

  it('gives up on a read that waits longer than allowed, with a typed error', async () => {
    const budget = new TokenBucketBudget({
      ratePerSecond: 1,
      burst: 1,
      maxWaitMs: { read: 2000 },
    });
    await budget.acquire('read');
    budget.throttled(60_000);
    const late = budget.acquire('read');
    const settled = expect(late).rejects.toBeInstanceOf(BudgetWaitError);
    await vi.advanceTimersByTimeAsync(2000);
    await settled;
    expect(budget.state().queued.read).toBe(0);
    budget.close();
  });

  it('lets an aborted caller leave the queue', async () => {
    const budget = new TokenBucketBudget({ ratePerSecond: 1, burst: 1 });
    await budget.acquire('read');
    const controller = new AbortController();
    const waiting = budget.acquire('poll', controller.signal);
    controller.abort(new Error('gone'));
    await expect(waiting).rejects.toThrow('gone');
    expect(budget.state().queued.poll).toBe(0);
    budget.close();
  });
});

describe('the cloud client and the budget', () => {
  const okSchema = z.object({ RequestId: z.string() });

  const transportOf = (answers: Array<() => unknown>) => {
    const sent: Array<{ action: string; at: number }> = [];
    const transport = {
      send: (_endpoint: string, action: string) => {
        sent.push({ action, at: Date.now() });
        const next = answers.shift();
        try {
          const json = next ? next() : { RequestId: 'r' };
          return Promise.resolve({ json, httpStatus: 200, requestId: 'r' });
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error('failed'));
        }
      },
      close: () => undefined,
    } as unknown as PopTransport;
    return { transport, sent };
  };

  it('spends a token per attempt and slows down when the cloud throttles', async () => {
    const callBudget = new TokenBucketBudget({ ratePerSecond: 100, burst: 100 });
    const throttled = () => {
      throw new CloudError({
        kind: 'api',
        code: 'Throttling.User',
        httpStatus: 400,
        action: 'DescribeVpnGateways',
        retryAfterMs: 1500,
      });
    };
    const { transport, sent } = transportOf([throttled]);
    const cloud = createCloudClient({
      transport,
      endpoint: () => 'http://cloud',
      readTimeoutMs: 1000,
      writeTimeoutMs: 1000,
      callBudget,
      random: () => 0,
    });
    const call = cloud.call(
      'DescribeVpnGateways',
      {},
      { regionId: 'cn-hangzhou', schema: okSchema },
    );
    await vi.advanceTimersByTimeAsync(5000);
    await expect(call).resolves.toMatchObject({ attempts: 2 });
    expect(sent.map((s) => s.at - (sent[0]?.at ?? 0))).toEqual([0, 1500]);
    expect(callBudget.state()).toMatchObject({
      throttlingAnswers: 1,
      granted: { read: 2, write: 0, poll: 0, background: 0 },
    });
    expect(cloud.callBudget.state().ratePerSecond).toBeLessThan(100);
    cloud.close();
  });

  it('answers UpstreamThrottled without asking the cloud when the budget cannot serve a read in time', async () => {
    const callBudget = new TokenBucketBudget({
      ratePerSecond: 1,
      burst: 1,
      maxWaitMs: { read: 1000 },
    });
    const { transport, sent } = transportOf([]);
    const cloud = createCloudClient({
      transport,
      endpoint: () => 'http://cloud',
      readTimeoutMs: 1000,
      writeTimeoutMs: 1000,
      callBudget,
    });
    const options = { regionId: 'cn-hangzhou', schema: okSchema };
    await cloud.call('DescribeVpnGateways', {}, options);
    callBudget.throttled(30_000);
    const second = cloud.call('DescribeVpnGateways', {}, options);
    const settled = expect(second).rejects.toMatchObject({
      kind: 'budget',
      code: 'UpstreamThrottled',
    });
    await vi.advanceTimersByTimeAsync(1000);
    await settled;
    expect(sent).toHaveLength(1);
    cloud.close();
  });
});
