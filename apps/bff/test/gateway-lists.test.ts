// Gateway lists that scale (issue 18): searched, filtered, sorted and paged by the BFF over a
// large emulated account, from region lists shared between viewers.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { gatewayPageSchema } from '@vpn-console/shared/api/gateway-list';
import { startEmulator, type RunningEmulator } from '@vpn-console/vpc-emulator/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const key = { accessKeyId: 'LTAIscaletest0001', accessKeySecret: 'scale-test-secret-0001' };
let emulator: RunningEmulator;
let stack: TestStack;

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 'scale',
    scale: { seed: 4, regions: 5, gateways: 180, connectionsPerGateway: 1 },
    accessKeys: [key],
    updatingMs: 60_000,
  });
  stack = await startTestStack({ emulator: { running: emulator, ...key } });
});
afterAll(async () => {
  await stack.close();
  await emulator.close();
});

const page = async (query: string) => {
  const res = await stack.api.get(`/api/v1/vpn-gateways${query}`);
  expect(res.status).toBe(200);
  return gatewayPageSchema.parse(res.body);
};

describe('the all-regions gateway list', () => {
  it('pages the whole account in name order, without overlap or gaps', async () => {
    const first = await page('');
    expect(first).toMatchObject({ totalCount: 180, page: 1, pageSize: 50, failedRegions: [] });
    expect(first.items).toHaveLength(50);
    const ids: string[] = [];
    const names: string[] = [];
    for (let n = 1; n <= 4; n += 1) {
      const p = await page(`?page=${n}`);
      ids.push(...p.items.map((g) => g.id));
      names.push(...p.items.map((g) => g.name.toLowerCase()));
    }
    expect(new Set(ids).size).toBe(180);
    expect(names).toEqual([...names].sort());
    expect(new Set(emulator.snapshot().gateways.map((g) => g.VpnGatewayId))).toEqual(new Set(ids));
    expect((await page('?page=5')).items).toEqual([]);
  });

  it('searches names, ids and addresses (every word must match), and counts statuses', async () => {
    const state = emulator.snapshot();
    const stores = await page('?q=store&pageSize=100');
    const expected = state.gateways.filter((g) => g.Name.toLowerCase().includes('store'));
    expect(stores.totalCount).toBe(expected.length);
    expect(stores.items.every((g) => g.name.includes('store'))).toBe(true);
    const one = state.gateways[17];
    const byId = await page(`?q=${one?.VpnGatewayId ?? ''}`);
    expect(byId.items.map((g) => g.id)).toEqual([one?.VpnGatewayId]);
    const byIp = await page(`?q=${one?.InternetIp ?? ''}`);
    expect(byIp.items.map((g) => g.id)).toContain(one?.VpnGatewayId);
    const twoWords = await page(
      `?q=${encodeURIComponent(`STORE ${one?.RegionId ?? ''}`)}&pageSize=100`,
    );
    expect(twoWords.items.every((g) => g.regionId === one?.RegionId)).toBe(true);
    expect((await page('?q=no-such-gateway-anywhere')).totalCount).toBe(0);

    const all = await page('');
    const counted = Object.values(all.statusCounts).reduce((a, b) => a + b, 0);
    expect(counted).toBe(180);
    const updating = all.statusCounts.updating ?? 0;
    expect(updating).toBeGreaterThan(0);
    const onlyUpdating = await page('?status=updating');
    expect(onlyUpdating.totalCount).toBe(updating);
    expect(onlyUpdating.items.every((g) => g.status === 'updating')).toBe(true);
  });

  it('sorts by region, status and creation time, either way, and filters one region', async () => {
    const newest = await page('?sort=-createdAt&pageSize=100');
    const times = newest.items.map((g) => g.createTime ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const byRegion = await page('?sort=region&pageSize=100');
    const regions = byRegion.items.map((g) => g.regionId);
    expect(regions).toEqual([...regions].sort());
    const region = emulator.snapshot().regions?.[2] ?? '';
    const one = await page(`?regionId=${region}&pageSize=100`);
    expect(one.items.every((g) => g.regionId === region)).toBe(true);
    expect(one.totalCount).toBe(
      emulator.snapshot().gateways.filter((g) => g.RegionId === region).length,
    );
  });

  it('serves many viewers from one listing per region (calls per view ≤ regions × pages)', async () => {
    // Past the shared lists' lifetime (GATEWAY_LIST_TTL_MS), from cold:
    const cold = await startTestStack({
      emulator: { running: emulator, ...key },
      env: { GATEWAY_LIST_TTL_MS: '60000' },
    });
    try {
      emulator.resetCalls();
      const viewer = await cold.as('viewer');
      const views = [
        cold.api.get('/api/v1/vpn-gateways'),
        viewer.get('/api/v1/vpn-gateways?q=store'),
        viewer.get('/api/v1/vpn-gateways?page=3&sort=-name'),
        cold.api.get('/api/v1/vpn-gateways?status=active'),
      ];
      for (const res of await Promise.all(views)) expect(res.status).toBe(200);
      await cold.api.get('/api/v1/vpn-gateways?page=2');
      const state = emulator.snapshot();
      const pagesPerRegion = (state.regions ?? []).map((r) =>
        Math.max(1, Math.ceil(state.gateways.filter((g) => g.RegionId === r).length / 50)),
      );
      const bound = pagesPerRegion.reduce((a, b) => a + b, 0);
      const calls = emulator.calls();
      // Five views cost one listing of every region, once, and the region list once.
      expect(calls.DescribeVpnGateways).toBe(bound);
      expect(calls.DescribeRegions).toBe(1);
    } finally {
      await cold.close();
    }
  });

  it('refuses a bad query with a clear 400', async () => {
    for (const query of ['?pageSize=1000', '?page=0', '?sort=bogus', '?regionId=Not_A_Region']) {
      const res = await stack.api.get(`/api/v1/vpn-gateways${query}`);
      expect(res.status).toBe(400);
      expect(apiErrorBodySchema.parse(res.body).error.code).toBe('ValidationFailed');
    }
  });
});

describe('a region gateway list', () => {
  it('pages, searches and sorts one region', async () => {
    const region = emulator.snapshot().regions?.[0] ?? '';
    const inRegion = emulator.snapshot().gateways.filter((g) => g.RegionId === region);
    expect(inRegion.length).toBeGreaterThan(50);
    const res = await stack.api.get(`/api/v1/regions/${region}/vpn-gateways?pageSize=20&page=2`);
    expect(res.status).toBe(200);
    const p = gatewayPageSchema.parse(res.body);
    expect(p).toMatchObject({ totalCount: inRegion.length, page: 2, pageSize: 20 });
    expect(p.items).toHaveLength(20);
    expect(p.statusMayBeOldSeconds).toBeNull();
  });
});
