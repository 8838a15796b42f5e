// Streams bounded per caller (issue 10): one session cannot open streams up to the global cap;
// past its session's or account's cap it gets 429 with Retry-After, and others still get theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness';

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
    let status = 0;
    for (let i = 0; i < 50 && status !== 200; i += 1) {
      const s = await again.events();
      status = s.status;
      if (status !== 200) {
        s.close();
        await new Promise((r) => setTimeout(r, 20));
      }
    }
    expect(status).toBe(200);
  });
});
