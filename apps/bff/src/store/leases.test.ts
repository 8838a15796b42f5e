import { describe, expect, it, vi } from 'vitest';
import { acquireLease, acquireLeases, leaseHolder, LeaseKeeper, releaseLeases } from './leases';
import { suiteStore } from './suite-store';
import { testEngines } from './testing';

describe.each(testEngines)('leases on %s', (engine) => {
  const store = suiteStore(engine);
  let t = Date.parse('2026-03-01T00:00:00Z');
  const clock = { now: () => new Date(t) };

  it('gives a name to one holder until its lease expires, then to the next who asks', async () => {
    expect(await acquireLease(store.db, 'poll/a', 'r1', 10_000, clock)).toBe(true);
    expect(await acquireLease(store.db, 'poll/a', 'r2', 10_000, clock)).toBe(false);
    t += 5_000;
    // The holder renews (the expiry moves on), the other still cannot take it.
    expect(await acquireLease(store.db, 'poll/a', 'r1', 10_000, clock)).toBe(true);
    t += 9_000;
    expect(await acquireLease(store.db, 'poll/a', 'r2', 10_000, clock)).toBe(false);
    expect(await leaseHolder(store.db, 'poll/a', clock)).toBe('r1');
    t += 1_001;
    expect(await leaseHolder(store.db, 'poll/a', clock)).toBeUndefined();
    expect(await acquireLease(store.db, 'poll/a', 'r2', 10_000, clock)).toBe(true);
    expect(await leaseHolder(store.db, 'poll/a', clock)).toBe('r2');
  });

  it('takes many names in one go and answers only those it holds; release frees them', async () => {
    await acquireLease(store.db, 'poll/x', 'other', 60_000, clock);
    const held = await acquireLeases(store.db, ['poll/x', 'poll/y', 'poll/z'], 'me', 1000, clock);
    expect([...held].sort()).toEqual(['poll/y', 'poll/z']);
    await releaseLeases(store.db, ['poll/x', 'poll/y'], 'me');
    expect(await leaseHolder(store.db, 'poll/x', clock)).toBe('other');
    expect(await leaseHolder(store.db, 'poll/y', clock)).toBeUndefined();
    expect(await leaseHolder(store.db, 'poll/z', clock)).toBe('me');
  });

  it('a keeper takes a free lease, renews it, and hands it over on stop', async () => {
    vi.useFakeTimers();
    try {
      const changes: string[] = [];
      const a = new LeaseKeeper({
        db: store.db,
        name: 'recorder',
        holder: 'A',
        ttlMs: 3000,
        renewMs: 1000,
        clock,
        onChange: (held) => changes.push(`A:${String(held)}`),
      });
      const b = new LeaseKeeper({
        db: store.db,
        name: 'recorder',
        holder: 'B',
        ttlMs: 3000,
        renewMs: 1000,
        clock,
        onChange: (held) => changes.push(`B:${String(held)}`),
      });
      expect(await a.tick()).toBe(true);
      expect(await b.tick()).toBe(false);
      await a.stop();
      expect(await b.tick()).toBe(true);
      expect(changes).toEqual(['A:true', 'A:false', 'B:true']);
      await b.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
