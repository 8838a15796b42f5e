import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('refuses after the limit until the window ends, per key', () => {
    let t = 1_000;
    const limiter = new RateLimiter({ limit: 3, windowMs: 60_000 }, () => t);
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfterMs('a')).toBe(0);
      limiter.hit('a');
    }
    expect(limiter.retryAfterMs('a')).toBe(60_000);
    expect(limiter.retryAfterMs('b')).toBe(0);
    t += 59_000;
    expect(limiter.retryAfterMs('a')).toBe(1_000);
    t += 1_000;
    expect(limiter.retryAfterMs('a')).toBe(0);
  });

  it('forgets a key on reset', () => {
    const limiter = new RateLimiter({ limit: 1, windowMs: 60_000 });
    limiter.hit('a');
    expect(limiter.retryAfterMs('a')).toBeGreaterThan(0);
    limiter.reset('a');
    expect(limiter.retryAfterMs('a')).toBe(0);
  });
});
