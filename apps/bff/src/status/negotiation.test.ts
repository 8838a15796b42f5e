import type { ConnectionStatus } from '@vpn-console/shared/api/events';
import { describe, expect, it } from 'vitest';
import { awaitingVerdict, readNegotiations, type NegotiationStarts } from './negotiation';

const WINDOW = 10_000;
const T0 = Date.parse('2026-11-30T02:00:00.000Z');
const conn = (status: string, state = 'active', extra: Partial<ConnectionStatus> = {}) => ({
  id: 'vco-1',
  name: 'branch',
  status,
  state,
  ...extra,
});

describe('reading a negotiation (issue 17: no red before a verdict)', () => {
  it('reads a new connection to a cooperative peer as negotiating, then established', () => {
    const starts: NegotiationStarts = new Map();
    const [updating] = readNegotiations(
      [conn('ike_sa_not_established', 'updating')],
      starts,
      T0,
      WINDOW,
    );
    expect(updating?.negotiation).toBeUndefined();
    const [first] = readNegotiations([conn('ike_sa_not_established')], starts, T0 + 1000, WINDOW);
    expect(first).toMatchObject({
      negotiation: 'negotiating',
      attemptAt: new Date(T0 + 1000).toISOString(),
    });
    expect(awaitingVerdict(first ? [first] : [])).toBe(true);
    const [phase1] = readNegotiations([conn('ike_sa_established')], starts, T0 + 3000, WINDOW);
    expect(phase1?.negotiation).toBe('negotiating');
    const [up] = readNegotiations([conn('ipsec_sa_established')], starts, T0 + 5000, WINDOW);
    expect(up).toMatchObject({
      negotiation: 'established',
      attemptAt: new Date(T0 + 1000).toISOString(),
    });
    expect(awaitingVerdict(up ? [up] : [])).toBe(false);
  });

  it('gives the verdict failed only when the window closes short of established', () => {
    const starts: NegotiationStarts = new Map();
    readNegotiations([conn('ike_sa_not_established', 'updating')], starts, T0, WINDOW);
    const at = (ms: number) =>
      readNegotiations([conn('ike_sa_not_established')], starts, T0 + ms, WINDOW)[0];
    expect(at(500)?.negotiation).toBe('negotiating');
    expect(at(500 + WINDOW - 1)?.negotiation).toBe('negotiating');
    expect(at(500 + WINDOW)).toMatchObject({
      negotiation: 'failed',
      attemptAt: new Date(T0 + 500).toISOString(),
    });
  });

  it('takes phase 2 refused as a verdict at once', () => {
    const starts: NegotiationStarts = new Map();
    readNegotiations([conn('x', 'updating')], starts, T0, WINDOW);
    const [refused] = readNegotiations([conn('ipsec_sa_not_established')], starts, T0 + 1, WINDOW);
    expect(refused?.negotiation).toBe('failed');
  });

  it('starts a connection first seen just after its creation at its creation', () => {
    const starts: NegotiationStarts = new Map();
    const [fresh] = readNegotiations(
      [conn('ike_sa_not_established', 'active', { createTime: T0 })],
      starts,
      T0 + 2000,
      WINDOW,
    );
    expect(fresh).toMatchObject({
      negotiation: 'negotiating',
      attemptAt: new Date(T0).toISOString(),
    });
  });

  it('reads an old connection first seen down as failed, with no attempt time it cannot know', () => {
    const starts: NegotiationStarts = new Map();
    const [old] = readNegotiations(
      [conn('ike_sa_not_established', 'active', { createTime: T0 - 86_400_000 })],
      starts,
      T0,
      WINDOW,
    );
    expect(old?.negotiation).toBe('failed');
    expect(old?.attemptAt).toBeUndefined();
    // A change to it restarts the negotiation.
    readNegotiations([conn('ike_sa_not_established', 'updating')], starts, T0 + 1, WINDOW);
    const [again] = readNegotiations([conn('ike_sa_not_established')], starts, T0 + 2, WINDOW);
    expect(again).toMatchObject({
      negotiation: 'negotiating',
      attemptAt: new Date(T0 + 2).toISOString(),
    });
  });

  it('reads each tunnel of a dual-tunnel connection on its own, and forgets deleted ones', () => {
    const starts: NegotiationStarts = new Map();
    const dual = (slaveState: string) => ({
      ...conn('ipsec_sa_established', 'active', { createTime: T0 - 86_400_000 }),
      tunnels: [
        { tunnelId: 'tun-a', status: 'ipsec_sa_established', state: 'active' },
        { tunnelId: 'tun-b', status: 'ike_sa_not_established', state: slaveState },
      ],
    });
    readNegotiations([dual('updating')], starts, T0, WINDOW);
    const [read] = readNegotiations([dual('active')], starts, T0 + 100, WINDOW);
    expect(read?.tunnels?.map((t) => t.negotiation)).toEqual(['established', 'negotiating']);
    expect(read?.negotiation).toBe('established');
    readNegotiations([], starts, T0 + 200, WINDOW);
    expect(starts.size).toBe(0);
  });
});
