import type { HistoryChange } from '@vpn-console/shared/history/schema';
import { describe, expect, it } from 'vitest';
import { downSince, hoursMinutes, laneSegments } from './timeline';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 1) + minute * 60_000).toISOString();
const change = (minute: number, value: string): HistoryChange => ({
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-1',
  kind: 'connection',
  subjectId: 'vco-1',
  vpnConnectionId: 'vco-1',
  lane: 'negotiation',
  value,
  at: at(minute),
});
const t = (minute: number) => Date.parse(at(minute));

describe('timeline', () => {
  it('draws up, phase 1 only and down as stretches from the baseline on', () => {
    const segments = laneSegments(
      'negotiation',
      change(-10, 'ipsec_sa_established'),
      [change(60, 'ike_sa_established'), change(120, 'ike_sa_not_established')],
      t(0),
      t(180),
      1000,
    );
    expect(segments.map((s) => s.level)).toEqual(['up', 'partial', 'down']);
    expect(segments[0]?.from).toBe(t(0));
    expect(segments[2]?.to).toBe(t(180));
  });

  it('merges a month of per-minute flapping into at most one stretch per pixel column', () => {
    const changes: HistoryChange[] = [];
    for (let m = 0; m < 43_200; m += 1) {
      changes.push(change(m, m % 2 === 0 ? 'ike_sa_not_established' : 'ipsec_sa_established'));
    }
    const segments = laneSegments('negotiation', undefined, changes, t(0), t(43_200), 800);
    expect(segments.length).toBeLessThanOrEqual(800);
    // Flapping shows as down (the worst), never hidden as up.
    expect(segments.every((s) => s.level === 'down')).toBe(true);
  });

  it('says since when a subject is down, across consecutive down values', () => {
    const since = downSince('negotiation', change(0, 'ipsec_sa_established'), [
      change(134, 'ike_sa_established'),
      change(140, 'ike_sa_not_established'),
    ]);
    expect(since).toBe(t(134));
    expect(downSince('negotiation', change(0, 'ipsec_sa_established'), [])).toBeUndefined();
    expect(hoursMinutes(7 * 3_600_000 + 12 * 60_000 + 5000)).toEqual([7, 12]);
  });
});
