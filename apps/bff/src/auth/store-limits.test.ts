// Callers' fixed-window limits counted in the store (issue 16): two replicas (two limiters on
// one store, as two BFFs behind a load balancer) share one limit, and parallel attempts cannot
// all pass. On a clock the test moves.
import { describe, expect, it } from 'vitest';
import { pskKeys } from '../modules/secret-view';
import { suiteStore } from '../store/suite-store';
import { testEngines } from '../store/testing';
import { StoreWindows } from './store-limits';

describe.each(testEngines)('fixed windows in the store on %s', (engine) => {
  const store = suiteStore(engine);
  let t = Date.parse('2026-11-30T00:00:00Z');
  const clock = () => t;

  it('refuses past the limit until the window ends, per key, and tells how long', async () => {
    const windows = new StoreWindows(store.db, clock);
    const rule = { limit: 3, windowMs: 60_000 };
    for (let i = 0; i < 3; i += 1) expect(await windows.take([{ key: 'a', rule, n: 1 }])).toBe(0);
    expect(await windows.take([{ key: 'a', rule, n: 1 }])).toBe(60_000);
    expect(await windows.take([{ key: 'b', rule, n: 1 }])).toBe(0);
    t += 59_000;
    expect(await windows.take([{ key: 'a', rule, n: 1 }])).toBe(1_000);
    t += 1_000;
    expect(await windows.take([{ key: 'a', rule, n: 1 }])).toBe(0);
    // Units that do not fit are not taken: a smaller request still fits afterwards.
    expect(await windows.take([{ key: 'a', rule, n: 3 }])).toBe(60_000);
    expect(await windows.take([{ key: 'a', rule, n: 2 }])).toBe(0);
    // Nothing to take asks nothing.
    expect(await windows.take([{ key: 'a', rule, n: 0 }])).toBe(0);
  });

  it('shares one limit between two replicas, even when they ask at once', async () => {
    const a = new StoreWindows(store.db, clock);
    const b = new StoreWindows(store.db, clock);
    const rule = { limit: 10, windowMs: 60_000 };
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        (i % 2 === 0 ? a : b).take([{ key: 'shared', rule, n: 1 }]),
      ),
    );
    expect(answers.filter((w) => w === 0)).toHaveLength(10);
    expect(answers.filter((w) => w > 0)).toHaveLength(20);
  });

  it('counts a PSK check in both windows or in neither, across replicas', async () => {
    const limits = {
      perUser: { limit: 2, windowMs: 1000 },
      perResource: { limit: 3, windowMs: 5000 },
    };
    const secret = Buffer.alloc(32, 7);
    const a = pskKeys(secret, { windows: new StoreWindows(store.db, clock), limits });
    const b = pskKeys(secret, { windows: new StoreWindows(store.db, clock), limits });
    expect(await a.admitCheck('u1', 'r')).toBe(0);
    expect(await b.admitCheck('u1', 'r')).toBe(0);
    expect(await a.admitCheck('u1', 'r')).toBe(1000);
    // The refused attempt did not count against the key: u2 still gets the key's third.
    expect(await b.admitCheck('u2', 'r')).toBe(0);
    expect(await a.admitCheck('u2', 'r')).toBe(5000);
    expect(await b.admitCheck('u2', 'other')).toBe(0);
    t += 5000;
    expect(await a.admitCheck('u2', 'r')).toBe(0);
  });

  it('refuses every check when no limits are given (deny by construction)', async () => {
    expect(await pskKeys(Buffer.alloc(32, 1)).admitCheck('u', 'r')).toBeGreaterThan(0);
  });
});
