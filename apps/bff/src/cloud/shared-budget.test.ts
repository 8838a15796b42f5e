// One call budget for two replicas on one store (issue 16), on a clock the test moves: together
// they never exceed burst + rate · T, and one replica's throttling answer slows both. Each test
// runs with tokens taken one at a time and in batches of up to 4; batches cut the store's
// round trips.
import { describe, expect, it } from 'vitest';
import { suiteStore } from '../store/suite-store';
import { countingTransactions, testEngines } from '../store/testing';
import { TokenBucketBudget, type BudgetClock, type CallPriority } from './budget';
import { StoreTokens } from './shared-budget';

/** A clock whose time moves only when the test says; its timers fire in order. */
const manualClock = () => {
  let t = Date.parse('2026-11-30T00:00:00Z');
  let seq = 0;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: BudgetClock = {
    now: () => t,
    setTimeout: (callback, ms) => {
      seq += 1;
      timers.set(seq, { at: t + ms, callback });
      return seq;
    },
    clearTimeout: (handle) => {
      timers.delete(handle as number);
    },
  };
  /** Moves time on by `ms`, firing due timers and letting `settle` finish after each. */
  const advance = async (ms: number, settle: () => Promise<void>) => {
    const end = t + ms;
    for (;;) {
      await settle();
      let next: [number, { at: number; callback: () => void }] | undefined;
      for (const entry of timers) if (!next || entry[1].at < next[1].at) next = entry;
      if (!next || next[1].at > end) break;
      timers.delete(next[0]);
      t = Math.max(t, next[1].at);
      next[1].callback();
    }
    t = end;
    await settle();
  };
  return { clock, advance, start: t };
};

/** Largest number of grants in any window of `windowMs`. */
const busiestWindow = (times: number[], windowMs: number): number => {
  let best = 0;
  for (const from of times) {
    best = Math.max(best, times.filter((t) => t >= from && t < from + windowMs).length);
  }
  return best;
};

const cases = testEngines.flatMap((engine) =>
  [1, 4].map((maxBatch) => [engine, maxBatch] as const),
);

describe.each(cases)(
  'a call budget shared through the store on %s, batches of up to %i',
  (engine, maxBatch) => {
    const store = suiteStore(engine);
    const replicas = (key: string) => {
      const { clock, advance, start } = manualClock();
      const make = () =>
        new TokenBucketBudget(
          {
            ratePerSecond: 10,
            burst: 5,
            recoveryMs: 10_000,
            clock,
            maxWaitMs: { read: Infinity, poll: Infinity },
          },
          (params, now) => new StoreTokens({ db: store.db, key, maxBatch }, params, now),
        );
      const budgets = [make(), make()] as const;
      const settle = async () => {
        for (let i = 0; i < 3; i += 1) {
          await Promise.all(budgets.map((b) => b.idle()));
          await new Promise((resolve) => setImmediate(resolve));
        }
      };
      return { budgets, clock, advance: (ms: number) => advance(ms, settle), start };
    };

    it('never grants more than burst + rate · T in any window over both replicas', async () => {
      const { budgets, clock, advance, start } = replicas('window');
      const grants: Array<{ replica: number; at: number }> = [];
      const priorities: CallPriority[] = ['write', 'read', 'poll', 'background'];
      const all: Array<Promise<void>> = [];
      // 120 calls over 3 s, in bursts, on both replicas, from every kind of caller.
      for (let tick = 0; tick < 30; tick += 1) {
        for (let i = 0; i < 4; i += 1) {
          const replica = (tick + i) % 2;
          const budget = replica === 0 ? budgets[0] : budgets[1];
          all.push(
            budget.acquire(priorities[(tick + i) % 4] ?? 'read').then(() => {
              grants.push({ replica, at: clock.now() - start });
            }),
          );
        }
        await advance(100);
      }
      await advance(30_000);
      await Promise.all(all);
      expect(grants).toHaveLength(120);
      const times = grants.map((g) => g.at);
      for (const windowMs of [100, 1000, 5000, 10_000]) {
        expect(busiestWindow(times, windowMs)).toBeLessThanOrEqual(5 + (10 * windowMs) / 1000);
      }
      // Both replicas were served, and the pair was not idle: 120 calls at 10/s after a burst of 5.
      expect(grants.filter((g) => g.replica === 0)).toHaveLength(60);
      expect(Math.max(...times)).toBeLessThanOrEqual(11_600);
      for (const budget of budgets) budget.close();
    });

    it('serves a write waiting on one replica before polls waiting on the other', async () => {
      const { budgets, clock, advance } = replicas('turn');
      const [a, b] = budgets;
      const order: string[] = [];
      // a spends the bucket on polls; three more wait there.
      for (let i = 0; i < 5; i += 1) await a.acquire('poll');
      const polls = [1, 2, 3].map((n) =>
        a.acquire('poll').then(() => {
          order.push(`poll${n}`);
        }),
      );
      await advance(0);
      const write = b.acquire('write').then(() => {
        order.push(`write@${clock.now()}`);
      });
      await advance(2000);
      await Promise.all([...polls, write]);
      expect(order[0]).toMatch(/^write@/);
      expect(order.slice(1)).toEqual(['poll1', 'poll2', 'poll3']);
      for (const budget of budgets) budget.close();
    });

    it('pauses and slows every replica when one hears Throttling.User', async () => {
      const { budgets, clock, advance, start } = replicas('throttle');
      const [a, b] = budgets;
      await a.acquire('read');
      a.throttled(3000);
      // The pause reaches the store right after (a replica asking in between is not paused yet).
      await a.idle();
      const grantedAt: number[] = [];
      const waiting = [1, 2].map(() =>
        b.acquire('read').then(() => {
          grantedAt.push(clock.now() - start);
        }),
      );
      await advance(10_000);
      await Promise.all(waiting);
      // Nothing went on the other replica during the pause; then at about half the rate.
      expect(grantedAt[0]).toBeGreaterThanOrEqual(3000);
      expect((grantedAt[1] ?? 0) - (grantedAt[0] ?? 0)).toBeGreaterThan(150);
      expect(b.state()).toMatchObject({ throttlingAnswers: 1 });
      for (const budget of budgets) budget.close();
    });

    it('asks the store once per batch, not once per call', async () => {
      const { db, count: transactions } = countingTransactions(store.db);
      const { clock } = manualClock();
      const fallbacks: string[] = [];
      const unreachable = {
        warn: (_: Record<string, unknown>, msg: string) => {
          fallbacks.push(msg);
        },
      };
      const make = () =>
        new TokenBucketBudget(
          { ratePerSecond: 1000, burst: 1000, clock },
          (params, now) =>
            new StoreTokens({ db, key: 'batches', maxBatch, logger: unreachable }, params, now),
        );
      const budgets = [make(), make()];
      // A status pass: 40 polls at once on each replica.
      await Promise.all(
        budgets.flatMap((b) => Array.from({ length: 40 }, () => b.acquire('poll'))),
      );
      // The first call of each replica asks alone (the others are not queued yet); then a batch
      // serves up to `maxBatch` of them.
      expect(fallbacks).toEqual([]);
      expect(transactions()).toBeGreaterThan(0);
      expect(transactions()).toBeLessThanOrEqual(2 * (1 + Math.ceil(39 / maxBatch)));
      for (const budget of budgets) budget.close();
    });
  },
);
