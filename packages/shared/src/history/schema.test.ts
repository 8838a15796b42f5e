import { describe, expect, it } from 'vitest';
import {
  historyLevel,
  historyRangeQuerySchema,
  uptimeFraction,
  type HistoryChange,
} from './schema';

const change = (value: string, at: string): HistoryChange => ({
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-1',
  kind: 'connection',
  subjectId: 'vco-1',
  vpnConnectionId: 'vco-1',
  lane: 'negotiation',
  value,
  at,
});

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
  it('weighs each level by how long it held inside the window', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2026-01-01T04:00:00Z');
    const fraction = uptimeFraction(
      'negotiation',
      change('ipsec_sa_established', '2025-12-31T20:00:00Z'),
      [change('ike_sa_not_established', '2026-01-01T03:00:00Z')],
      from,
      to,
    );
    expect(fraction).toBe(0.75);
  });

  it('knows nothing without a baseline or change', () => {
    expect(uptimeFraction('negotiation', undefined, [], 0, 1000)).toBeNull();
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
