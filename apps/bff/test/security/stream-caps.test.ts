// Streams bounded per caller (issue 10): one session cannot open streams up to the global cap;
// past its session's or account's cap it gets 429 with Retry-After, and others still get theirs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/store/store';
import { openTestStore, testDatabaseUrl } from '../../src/store/testing';
import { startTestStack, type TestStack } from '../harness';
import type { SseClient } from '../sse-client';

/**
 * A stream opened once a closed one's place is free: the server frees it when it hears the close,
 * which a loaded machine delays (50 tries 20 ms apart were not always enough).
 */
const openOnceFreed = (open: () => Promise<SseClient>): Promise<SseClient> =>
  vi.waitFor(
    async () => {
      const stream = await open();
      if (stream.status !== 200) {
        stream.close();
        throw new Error(`no place yet: ${String(stream.status)}`);
      }
      return stream;
    },
    { timeout: 30_000, interval: 50 },
  );

describe('per-session and per-account stream caps', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      env: { SSE_MAX_STREAMS_PER_SESSION: '2', SSE_MAX_STREAMS_PER_ACCOUNT: '3' },
    });
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  it('answers 429 with Retry-After past the session cap, then past the account cap', async () => {
    const first = await stack.as('operator');
    expect((await first.events()).status).toBe(200);
    expect((await first.events()).status).toBe(200);
    const third = await first.events();
    expect(third.status).toBe(429);
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // Another session of the same account: one more stream fits the account's cap of 3.
    const second = await stack.as('operator');
    expect((await second.events()).status).toBe(200);
    expect((await second.events()).status).toBe(429);
    // Other accounts are not affected.
    const viewer = await stack.as('viewer');
    expect((await viewer.events()).status).toBe(200);
    // A closed stream frees its place.
    first.closeStreams();
    second.closeStreams();
    viewer.closeStreams();
    const again = await stack.as('operator');
    expect((await openOnceFreed(() => again.events())).status).toBe(200);
  });
});

// Replicas share a PostgreSQL store: a PGlite store is one process's, whose hub caps are the
// deployment's, so its runtime keeps no slots (issue 18) and this runs only with DATABASE_URL.
describe.skipIf(testDatabaseUrl() === undefined)(
  'stream caps across two replicas on one store (issue 16)',
  () => {
    let store: Store;
    let a: TestStack;
    let b: TestStack;
    beforeAll(async () => {
      store = await openTestStore('postgres');
      const env = { SSE_MAX_STREAMS_PER_SESSION: '2', SSE_MAX_STREAMS_PER_ACCOUNT: '3' };
      a = await startTestStack({ store, env });
      b = await startTestStack({ store, env: { ...env, SSE_MAX_STREAMS: '5' } });
    }, 120_000);
    afterAll(async () => {
      await a.close();
      await b.close();
      await store.close();
    }, 120_000);

    /** A new session of a's operator (sessions live in the store: both replicas accept it). */
    const session = () => a.signIn('operator');

    it('counts one session’s and one account’s streams on both replicas, and the deployment’s', async () => {
      const first = await session();
      expect((await a.api.events('', first)).status).toBe(200);
      expect((await b.api.events('', first)).status).toBe(200);
      // The session's third stream is refused on either replica.
      expect((await a.api.events('', first)).status).toBe(429);
      expect((await b.api.events('', first)).status).toBe(429);
      const second = await session();
      expect((await b.api.events('', second)).status).toBe(200);
      const past = await a.api.events('', second);
      expect(past.status).toBe(429);
      expect(Number(past.headers['retry-after'])).toBeGreaterThan(0);
      // b's deployment-wide cap of 5 counts a's streams too: two more fit, the next does not.
      const viewer = await b.as('viewer');
      expect((await viewer.events()).status).toBe(200);
      expect((await viewer.events()).status).toBe(200);
      expect((await b.api.events()).status).toBe(503);
      // Streams closed on a free their places for b at once.
      a.api.closeStreams();
      expect((await openOnceFreed(() => b.api.events())).status).toBe(200);
      b.api.closeStreams();
      viewer.closeStreams();
    });
  },
);
