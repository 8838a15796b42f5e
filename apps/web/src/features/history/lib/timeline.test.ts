import type { HistoryChange } from '@vpn-console/shared/history/schema';
import { describe, expect, it } from 'vitest';
import { bucketSegments, hoursMinutes, laneSegments } from './timeline';

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
    );
    expect(segments.map((s) => s.level)).toEqual(['up', 'partial', 'down']);
    expect(segments[0]?.from).toBe(t(0));
    expect(segments[2]?.to).toBe(t(180));
  });

  it('draws a reduced lane from its buckets: flapping shows as down, steady hours merge', () => {
    const hour = 3_600_000;
    const flapping = { levels: { up: hour / 2, down: hour / 2 }, changes: 60 };
    const steady = { levels: { up: hour }, changes: 0 };
    const segments = bucketSegments(
      {
        kind: 'connection',
        subjectId: 'vco-1',
        lane: 'negotiation',
        buckets: [flapping, flapping, steady, steady, steady],
      },
      t(0),
      t(300),
      hour,
    );
    // Flapping is never hidden as up; its detail (time per level, changes) stays for the tooltip.
    expect(segments.map((s) => [s.level, s.to - s.from])).toEqual([
      ['down', hour],
      ['down', hour],
      ['up', 3 * hour],
    ]);
    expect(segments[0]).toMatchObject({ levels: { up: hour / 2, down: hour / 2 }, changes: 60 });
    expect(hoursMinutes(7 * 3_600_000 + 12 * 60_000 + 5000)).toEqual([7, 12]);
  });
});
