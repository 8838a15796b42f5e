import { describe, expect, it } from 'vitest';
import { LoginBackoff } from './rate-limit';

describe('LoginBackoff', () => {
  it('lets the limit through, then doubles the wait from 1 s up to the cap (fake clock)', () => {
    let t = 0;
    const backoff = new LoginBackoff(
      { limit: 3, windowMs: 15 * 60_000, baseDelayMs: 1_000, maxDelayMs: 8_000 },
      () => t,
    );
    for (let i = 0; i < 2; i++) {
      expect(backoff.retryAfterMs('a')).toBe(0);
      backoff.hit('a');
    }
    expect(backoff.retryAfterMs('a')).toBe(0);
    backoff.hit('a'); // the third failure: the limit
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const wait = backoff.retryAfterMs('a');
      waits.push(wait);
      t += wait;
      expect(backoff.retryAfterMs('a')).toBe(0);
      backoff.hit('a');
    }
    expect(waits).toEqual([1_000, 2_000, 4_000, 8_000, 8_000, 8_000]);
    expect(backoff.retryAfterMs('b')).toBe(0);
  });

  it('is not a wall: after the wait an attempt is checked, and a success clears the name', () => {
    let t = 0;
    const backoff = new LoginBackoff({ limit: 5, windowMs: 15 * 60_000 }, () => t);
    for (let i = 0; i < 5; i++) backoff.hit('admin');
    expect(backoff.retryAfterMs('admin')).toBe(1_000);
    t += 1_000;
    // The right password: counted when tried, then given back by the success.
    expect(backoff.retryAfterMs('admin')).toBe(0);
    backoff.hit('admin');
    backoff.reset('admin');
    expect(backoff.retryAfterMs('admin')).toBe(0);
  });

  it('forgets failures after the window without one', () => {
    let t = 0;
    const backoff = new LoginBackoff({ limit: 2, windowMs: 60_000, maxDelayMs: 10_000 }, () => t);
    for (let i = 0; i < 4; i++) backoff.hit('a');
    expect(backoff.retryAfterMs('a')).toBe(4_000);
    t += 60_000;
    expect(backoff.retryAfterMs('a')).toBe(0);
    backoff.hit('a');
    expect(backoff.retryAfterMs('a')).toBe(0);
  });

  it('gives a released attempt back', () => {
    const backoff = new LoginBackoff({ limit: 2, windowMs: 60_000 }, () => 0);
    backoff.hit('ip');
    backoff.hit('ip');
    expect(backoff.retryAfterMs('ip')).toBe(1_000);
    backoff.release('ip');
    expect(backoff.retryAfterMs('ip')).toBe(0);
  });
});
