import { describe, expect, it } from 'vitest';
import { historyLevel, historyRangeQuerySchema, uptimeOf } from './schema';

describe('history levels', () => {
  it('reads phase 1 only as partial, IPsec SAs as up, no SA as down', () => {
    expect(historyLevel('negotiation', 'ipsec_sa_established')).toBe('up');
    expect(historyLevel('negotiation', 'ike_sa_established')).toBe('partial');
    expect(historyLevel('negotiation', 'ike_sa_not_established')).toBe('down');
    expect(historyLevel('bgp', '')).toBe('off');
    expect(historyLevel('health-check', 'failed')).toBe('down');
  });
});

describe('uptime', () => {
  it('is the share of the known time that was up (phase 1 only counts as not up)', () => {
    expect(uptimeOf({ up: 3 * 3_600_000, down: 3_600_000, off: 10 * 3_600_000 })).toBe(0.75);
    expect(uptimeOf({ up: 1, partial: 1 })).toBe(0.5);
  });

  it('knows nothing when only off or unrecorded time is known', () => {
    expect(uptimeOf({})).toBeNull();
    expect(uptimeOf({ off: 1000, unknown: 5 })).toBeNull();
  });
});

describe('range query', () => {
  it('refuses a window that ends before it starts', () => {
    expect(
      historyRangeQuerySchema.safeParse({
        from: '2026-01-02T00:00:00Z',
        to: '2026-01-01T00:00:00Z',
      }).success,
    ).toBe(false);
    expect(historyRangeQuerySchema.safeParse({ from: '2026-01-01T00:00:00Z' }).success).toBe(true);
  });
});
