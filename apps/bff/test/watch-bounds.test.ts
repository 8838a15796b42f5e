// Watching is bounded per caller (issue 10): `PUT …/watch` with made-up gateway ids made one
// signed cloud call per id (100 ids, 5 requests: 500 calls). Now only gateways the region's
// list names are watched (one listing per region, kept briefly), and one account's watch churn
// cannot spend more than its budget of cloud calls (429 with Retry-After past it).
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const gw = DEMO_IDS.gateways;
const made = (i: number) => `vpn-bp1madeup${String(i).padStart(10, '0')}`;
const ref = (vpnGatewayId: string) => ({ regionId: HZ, vpnGatewayId });

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    env: {
      POLL_FAST_MS: '60000',
      POLL_SLOW_MS: '60000',
      SSE_WATCH_CALLS_PER_MINUTE: '12',
      // One listing serves every round however slowly a loaded machine sends them (15 s default).
      GATEWAY_LIST_TTL_MS: '600000',
    },
  });
}, 120_000);
afterAll(async () => {
  await stack.close();
}, 60_000);

const upstream = () => {
  const calls = stack.emulator.calls();
  return {
    list: calls.DescribeVpnGateways ?? 0,
    poll: (calls.DescribeVpnGateway ?? 0) + (calls.DescribeVpnConnections ?? 0),
  };
};

describe('PUT /api/v1/events/:id/watch, bounded', () => {
  it('watches only gateways the region lists: 100 made-up ids five times cost one listing', async () => {
    const api = await stack.as('viewer');
    const events = await api.events();
    const hello = await events.next('hello');
    await events.next('snapshot');
    stack.emulator.resetCalls();
    const ids = Array.from({ length: 100 }, (_, i) => ref(made(i)));
    for (let round = 0; round < 5; round += 1) {
      const res = await api.put(`/api/v1/events/${hello.streamId}/watch`, { gateways: ids });
      expect(res.status).toBe(204);
    }
    expect(upstream()).toEqual({ list: 1, poll: 0 });
    // A real gateway among made-up ones: only it is watched (and polled once).
    const res = await api.put(`/api/v1/events/${hello.streamId}/watch`, {
      gateways: [...ids.slice(0, 10), ref(gw.free1)],
    });
    expect(res.status).toBe(204);
    const snapshot = await events.next('snapshot', (s) => s.gateways.length > 0);
    expect(snapshot.gateways.map((g) => g.vpnGatewayId)).toEqual([gw.free1]);
    expect(stack.emulator.calls().DescribeVpnGateway ?? 0).toBe(1);
    events.close();
  });

  it("refuses watch churn past the account's budget of cloud calls, for that account only", async () => {
    const api = await stack.as('operator');
    const events = await api.events();
    const hello = await events.next('hello');
    await events.next('snapshot');
    const path = `/api/v1/events/${hello.streamId}/watch`;
    stack.emulator.resetCalls();
    // Each re-watch of a gateway nobody else watches is a first poll (2 calls) of a budget of 12.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) {
      statuses.push((await api.put(path, { gateways: [ref(gw.free2)] })).status);
      expect((await api.put(path, { gateways: [] })).status).toBe(204);
    }
    const refused = statuses.indexOf(429);
    expect(refused).toBeGreaterThan(0);
    expect(statuses.slice(refused).every((s) => s === 429)).toBe(true);
    const spent = upstream();
    expect(spent.list + spent.poll).toBeLessThanOrEqual(12);
    const again = await api.put(path, { gateways: [ref(gw.free2)] });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another account has its own budget.
    const admin = await stack.as('admin');
    const theirs = await admin.events(`?gateways=${HZ}/${gw.free2}`);
    expect(theirs.status).toBe(200);
    const snap = await theirs.next('snapshot');
    expect(snap.gateways.map((g) => g.vpnGatewayId)).toEqual([gw.free2]);
    theirs.close();
    events.close();
  });
});
