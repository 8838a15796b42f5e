import { afterEach, describe, expect, it } from 'vitest';
import { call, callError, list, manualClock, num, popClient, withEmulator } from '../test/helpers';
import { negotiationStatus } from './negotiation';
import { REGION_CATALOG } from './regions';
import { scaleFigures, scaleState } from './seed-scale';
import type { RunningEmulator } from './server';

const START = Date.UTC(2026, 10, 30, 0, 0, 0);
let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('scale seed', () => {
  it('holds 25 regions, 1,000 gateways and 5,000 connections by default', () => {
    const state = scaleState(START, 3000);
    expect(scaleFigures(state)).toMatchObject({ regions: 25, gateways: 1000, connections: 5000 });
    // Every region has gateways; a few regions hold most (uneven, like a real account).
    const perRegion = new Map<string, number>();
    for (const g of state.gateways) perRegion.set(g.RegionId, (perRegion.get(g.RegionId) ?? 0) + 1);
    expect(perRegion.size).toBe(25);
    const sizes = [...perRegion.values()].sort((a, b) => b - a);
    expect(sizes[0]).toBeGreaterThan(4 * (sizes.at(-1) ?? 0));
    // Ids, public addresses and connection subnets are unique.
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(state.gateways.map((g) => g.VpnGatewayId))).toBe(true);
    expect(unique(state.gateways.map((g) => g.InternetIp))).toBe(true);
    expect(unique(state.connections.map((c) => c.VpnConnectionId))).toBe(true);
    expect(unique(state.customerGateways.map((c) => c.IpAddress))).toBe(true);
    expect(state.gateways.every((g) => g.VpnGatewayId.startsWith('vpn-'))).toBe(true);
    // Under each gateway's connection quota.
    for (const g of state.gateways) {
      const count = state.connections.filter((c) => c.VpnGatewayId === g.VpnGatewayId).length;
      expect(count).toBeLessThanOrEqual(g.ConnectionQuota);
    }
  });

  it('mixes states, types and negotiation outcomes, with a few tunnels flapping', () => {
    const state = scaleState(START, 3000);
    const gateways = state.gateways;
    const share = (n: number) => n / gateways.length;
    expect(share(gateways.filter((g) => g.UpdatingUntil > START).length)).toBeGreaterThan(0.005);
    expect(gateways.some((g) => g.BusinessStatus === 'FinancialLocked')).toBe(true);
    expect(gateways.some((g) => g.VpnType === 'NationalStandard')).toBe(true);
    expect(
      share(gateways.filter((g) => g.DisasterRecoveryInternetIp !== '').length),
    ).toBeGreaterThan(0.1);
    expect(gateways.some((g) => g.SslVpn === 'enable')).toBe(true);
    expect(gateways.some((g) => g.EnableBgp)).toBe(true);
    expect(state.connections.some((c) => c.Tunnels.length === 2)).toBe(true);
    // Some gateways have no connection and some have many.
    const counts = gateways.map(
      (g) => state.connections.filter((c) => c.VpnGatewayId === g.VpnGatewayId).length,
    );
    expect(counts.some((n) => n === 0)).toBe(true);
    expect(Math.max(...counts)).toBeGreaterThanOrEqual(9);

    const { flapping } = scaleFigures(state);
    expect(flapping).toBeGreaterThan(10);
    expect(flapping).toBeLessThan(150);

    // Once negotiated: most tunnels up, others down for a reason the peer explains.
    const peers = new Map(state.customerGateways.map((c) => [c.CustomerGatewayId, c.Peer]));
    const byId = new Map(gateways.map((g) => [g.VpnGatewayId, g]));
    const later = START + 10 * 60_000;
    const statuses = state.connections
      .filter((c) => c.Tunnels.length === 0)
      .map((c) =>
        negotiationStatus(c, byId.get(c.VpnGatewayId), peers.get(c.CustomerGatewayId), later, 2000),
      );
    const up = statuses.filter((s) => s === 'ipsec_sa_established').length;
    expect(up / statuses.length).toBeGreaterThan(0.75);
    expect(statuses).toContain('ike_sa_not_established');
    expect(statuses).toContain('ipsec_sa_not_established');
    expect(statuses).toContain('ike_sa_established');
  });

  it('is deterministic from its seed number, and another number gives another cloud', () => {
    const a = scaleState(START, 3000, { seed: 7, gateways: 120, regions: 6 });
    const b = scaleState(START, 3000, { seed: 7, gateways: 120, regions: 6 });
    const c = scaleState(START, 3000, { seed: 8, gateways: 120, regions: 6 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const ids = new Set(a.gateways.map((g) => g.VpnGatewayId));
    expect(c.gateways.some((g) => ids.has(g.VpnGatewayId))).toBe(false);
  });

  it('takes the number of regions, gateways and connections per gateway', () => {
    const state = scaleState(START, 3000, { regions: 3, gateways: 100, connectionsPerGateway: 2 });
    expect(scaleFigures(state)).toMatchObject({ regions: 3, gateways: 100, connections: 200 });
    expect(state.regions).toEqual(REGION_CATALOG.slice(0, 3).map((r) => r.RegionId));
    expect(() => scaleState(START, 3000, { regions: 99 })).toThrow();
  });

  it('flaps: a flapping tunnel goes down every other period and comes back', () => {
    const state = scaleState(START, 3000, { gateways: 400 });
    const peers = new Map(state.customerGateways.map((c) => [c.CustomerGatewayId, c.Peer]));
    const flapping = state.connections.find(
      (c) => c.Tunnels.length === 0 && peers.get(c.CustomerGatewayId)?.flapMs !== undefined,
    );
    expect(flapping).toBeDefined();
    if (flapping === undefined) return;
    const peer = peers.get(flapping.CustomerGatewayId);
    const gw = state.gateways.find((g) => g.VpnGatewayId === flapping.VpnGatewayId);
    const period = peer?.flapMs ?? 0;
    const at = (ms: number) => negotiationStatus(flapping, gw, peer, ms, 2000);
    expect(at(2000 + period / 2)).toBe('ipsec_sa_established');
    expect(at(2000 + period * 1.5)).toBe('ike_sa_not_established');
    expect(at(2000 + period * 2.5)).toBe('ipsec_sa_established');
  });

  it('serves the large account over the API: every region, gateways paged at 50', async () => {
    emulator = await withEmulator({
      seed: 'scale',
      scale: { gateways: 300, regions: 25, seed: 3 },
    });
    const client = popClient(emulator.url);
    const regions = list(await call(client, 'DescribeRegions', {}), 'Regions', 'Region');
    expect(regions).toHaveLength(25);
    const state = emulator.snapshot();
    const biggest = state.gateways[0]?.RegionId ?? 'cn-hangzhou';
    const inRegion = state.gateways.filter((g) => g.RegionId === biggest).length;
    expect(inRegion).toBeGreaterThan(50);
    const page = await call(client, 'DescribeVpnGateways', {
      RegionId: biggest,
      PageSize: 50,
      PageNumber: 2,
    });
    expect(num(page, 'TotalCount')).toBe(inRegion);
    expect(list(page, 'VpnGateways', 'VpnGateway')).toHaveLength(Math.min(50, inRegion - 50));
    // A region of the catalogue this cloud does not have is refused as the cloud refuses it.
    const small = await withEmulator({ seed: 'scale', scale: { gateways: 10, regions: 2 } });
    try {
      const refused = await callError(popClient(small.url), 'DescribeVpnGateways', {
        RegionId: 'eu-west-1',
      });
      expect(refused.code).toMatch(/Region/);
    } finally {
      await small.close();
    }
  });
});

describe('account rate limit', () => {
  it('answers Throttling.User with x-acs-retry-after past the rate, per AccessKey, and recovers', async () => {
    const clock = manualClock(Date.now());
    emulator = await withEmulator({ seed: 'empty', rateLimit: 5, clock: clock.now });
    const client = popClient(emulator.url);
    for (let i = 0; i < 5; i += 1) await call(client, 'DescribeRegions', {});
    const refused = await callError(client, 'DescribeRegions', {});
    expect(refused.code).toBe('Throttling.User');
    expect(refused.headers['x-acs-retry-after']).toBe('200');
    expect(emulator.rateLimited()).toBe(1);
    clock.advance(200);
    await call(client, 'DescribeRegions', {});
    expect(emulator.calls()).toEqual({ DescribeRegions: 7 });
  });
});
