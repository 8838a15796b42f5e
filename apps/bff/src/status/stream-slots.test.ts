// Stream caps over every replica (issue 16): two replicas' slots on one store, on a clock the
// test moves.
import { describe, expect, it } from 'vitest';
import { suiteStore } from '../store/suite-store';
import { testEngines } from '../store/testing';
import { StreamCapError, TooManyStreamsError } from './hub';
import { StreamSlots } from './stream-slots';

const HEARTBEAT_MS = 1000;

describe.each(testEngines)('stream slots on %s', (engine) => {
  const store = suiteStore(engine);
  let t = Date.parse('2026-03-01T00:00:00Z');
  let n = 0;
  const replica = (
    holder: string,
    caps = { maxStreams: 4, maxStreamsPerSession: 2, maxStreamsPerAccount: 3 },
  ) => new StreamSlots({ db: store.db, holder, caps, heartbeatMs: HEARTBEAT_MS, now: () => t });
  const id = () => `stream-${(n += 1)}`;
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => undefined,
      (e: unknown) => e,
    );
  const empty = async () => {
    await store.db.deleteFrom('stream_slots').execute();
  };

  it('counts the session, account and deployment caps over both replicas', async () => {
    await empty();
    const a = replica('a');
    const b = replica('b');
    await a.admit(id(), 's1', 'u1');
    await b.admit(id(), 's1', 'u1');
    // The session's third stream, on either replica.
    const session = await rejection(a.admit(id(), 's1', 'u1'));
    expect(session).toBeInstanceOf(StreamCapError);
    expect((session as StreamCapError).scope).toBe('session');
    // Another session of the account: one more fits its cap of 3, the next does not.
    await a.admit(id(), 's2', 'u1');
    const account = await rejection(b.admit(id(), 's2', 'u1'));
    expect((account as StreamCapError).scope).toBe('account');
    // Someone else: the fourth stream of the deployment fits, a fifth does not.
    await b.admit(id(), 's3', 'u2');
    expect(await rejection(a.admit(id(), 's4', 'u3'))).toBeInstanceOf(TooManyStreamsError);
  });

  it('frees a closed stream at once and a dead replica’s streams after three heartbeats', async () => {
    await empty();
    const a = replica('a');
    const b = replica('b');
    const closing = id();
    await a.admit(closing, 's1', 'u1');
    await a.admit(id(), 's1', 'u1');
    await b.admit(id(), 's2', 'u2');
    await b.admit(id(), 's2', 'u2');
    expect(await rejection(b.admit(id(), 's3', 'u3'))).toBeInstanceOf(TooManyStreamsError);
    a.release(closing);
    await expect.poll(() => rejection(b.admit(id(), 's3', 'u3'))).toBeUndefined();
    // b keeps beating, a has died: after three heartbeats a's stream no longer counts.
    for (let beat = 0; beat < 3; beat += 1) {
      t += beat < 2 ? HEARTBEAT_MS : HEARTBEAT_MS - 1;
      await b.heartbeat();
    }
    expect(await rejection(b.admit(id(), 's3', 'u3'))).toBeInstanceOf(TooManyStreamsError);
    t += 1;
    await b.heartbeat();
    await b.admit(id(), 's3', 'u3');
    const holders = await store.db.selectFrom('stream_slots').select('holder').execute();
    expect(holders.map((r) => r.holder).sort()).toEqual(['b', 'b', 'b', 'b']);
    // A clean shutdown frees all of a replica's slots.
    await b.close();
    expect(await store.db.selectFrom('stream_slots').select('id').execute()).toEqual([]);
  });

  it('lets parallel opens on two replicas take no more than the cap', async () => {
    await empty();
    const a = replica('a', { maxStreams: 5, maxStreamsPerSession: 100, maxStreamsPerAccount: 100 });
    const b = replica('b', { maxStreams: 5, maxStreamsPerSession: 100, maxStreamsPerAccount: 100 });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => rejection((i % 2 === 0 ? a : b).admit(id(), 's', 'u'))),
    );
    expect(results.filter((r) => r === undefined)).toHaveLength(5);
    expect(results.filter((r) => r instanceof TooManyStreamsError)).toHaveLength(7);
  });
});
