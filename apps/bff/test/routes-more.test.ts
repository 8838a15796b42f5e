// The remaining success and refusal paths of every resource route.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { operationSchema, type Operation } from '@vpn-console/shared/api/operations';
import { apiRoutes } from '@vpn-console/shared/api/routes';
import { vpnConnectionViewSchema } from '@vpn-console/shared/api/views';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const base = '/api/v1/regions/cn-hangzhou';
const gw = DEMO_IDS.gateways;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const accepted = (res: { status: number; body: unknown }): Operation => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return operationSchema.parse(res.body);
};

const refusal = (res: { status: number; body: unknown }, status: number) => {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return apiErrorBodySchema.parse(res.body).error;
};

describe('refusals', () => {
  it('refuses a customer gateway with an unusable IP address, per field', async () => {
    const error = refusal(
      await stack.api.post(`${base}/customer-gateways`, { ipAddress: '127.0.0.1', name: 'loop' }),
      400,
    );
    expect(error.issues?.map((i) => i.path)).toContain('ipAddress');
  });

  it('refuses an SSL-VPN server whose client pool overlaps its local subnet', async () => {
    const error = refusal(
      await stack.api.post(`${base}/ssl-vpn-servers`, {
        vpnGatewayId: gw.free1,
        clientIpPool: '172.16.0.0/24',
        localSubnet: ['172.16.0.0/16'],
      }),
      400,
    );
    expect(error.issues?.some((i) => i.path === 'clientIpPool')).toBe(true);
  });

  it('refuses a connection without a customer gateway and a create on an unknown gateway', async () => {
    const missing = refusal(
      await stack.api.post(`${base}/vpn-connections`, {
        vpnGatewayId: gw.connections,
        localSubnet: ['10.0.0.0/24'],
        remoteSubnet: ['10.1.0.0/24'],
      }),
      400,
    );
    expect(missing.issues?.some((i) => i.path === 'customerGatewayId')).toBe(true);
    const unknownGateway = refusal(
      await stack.api.post(`${base}/vpn-connections`, {
        vpnGatewayId: 'vpn-doesnotexist000',
        customerGatewayId: DEMO_IDS.customerGateways.free,
        localSubnet: ['10.0.0.0/24'],
        remoteSubnet: ['10.1.0.0/24'],
      }),
      404,
    );
    expect(unknownGateway.code).toBe('InvalidVpnGatewayInstanceId.NotFound');
  });

  it('refuses a malformed list filter, unknown deletes and unknown operations', async () => {
    refusal(await stack.api.get(`${base}/vpn-connections?vpnGatewayId=nope`), 400);
    refusal(await stack.api.delete(`${base}/ssl-vpn-servers/vss-missing00000000`), 404);
    refusal(await stack.api.delete(`${base}/vpn-connections/vco-missing00000000`), 404);
    refusal(await stack.api.get('/api/v1/operations/op-unknown'), 404);
    refusal(await stack.api.patch(`${base}/ssl-vpn-servers/not-an-id`, { name: 'x' }), 400);
  });

  it('refuses an Idempotency-Key that is not a valid ClientToken', async () => {
    const error = refusal(
      await stack.api.post(
        `${base}/customer-gateways`,
        { ipAddress: '203.0.113.99' },
        { 'Idempotency-Key': 'x'.repeat(65) },
      ),
      400,
    );
    expect(error.issues?.[0]?.path).toBe('Idempotency-Key');
  });

  it('refuses a body too large', async () => {
    const error = refusal(
      await stack.api.post(`${base}/customer-gateways`, {
        ipAddress: '203.0.113.98',
        name: 'x'.repeat(200_000),
      }),
      413,
    );
    expect(error.code).toBe('PayloadTooLarge');
  });
});

describe('IPsec-VPN connection change and delete', () => {
  it('changes a connection and deletes it, both through the gateway lane', async () => {
    const created = accepted(
      await stack.api.post(`${base}/vpn-connections`, {
        vpnGatewayId: gw.connections,
        customerGatewayId: DEMO_IDS.customerGateways.free,
        name: 'to-change',
        localSubnet: ['172.16.20.0/24'],
        remoteSubnet: ['10.60.0.0/24'],
      }),
    );
    const done = await stack.api.settled(created.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    const id = done.resourceId ?? '';
    const change = accepted(
      await stack.api.patch(`${base}/vpn-connections/${id}`, {
        name: 'changed',
        remoteSubnet: ['10.61.0.0/24'],
      }),
    );
    expect((await stack.api.settled(change.id)).state).toBe('succeeded');
    const view = vpnConnectionViewSchema.parse(
      (await stack.api.get(`${base}/vpn-connections/${id}`)).body,
    );
    expect(view.name).toBe('changed');
    expect(view.remoteSubnet).toEqual(['10.61.0.0/24']);
    const removal = accepted(await stack.api.delete(`${base}/vpn-connections/${id}`));
    expect((await stack.api.settled(removal.id)).state).toBe('succeeded');
    expect((await stack.api.get(`${base}/vpn-connections/${id}`)).status).toBe(404);
  });
});

describe('route list', () => {
  it('every route in the shared list is served (no 404 RouteNotFound)', async () => {
    for (const route of apiRoutes) {
      if (route.method !== 'GET' || route.id === 'events') continue;
      const path = route.path
        .replace(':regionId', 'cn-hangzhou')
        .replace(':vpnGatewayId', gw.free1)
        .replace(':customerGatewayId', DEMO_IDS.customerGateways.free)
        .replace(':operationId', 'op-unknown')
        .replace(':id', 'zzz-unknown');
      const res = await stack.api.get(path);
      const body: unknown = res.body;
      const code = apiErrorBodySchema.safeParse(body).success
        ? apiErrorBodySchema.parse(body).error.code
        : '';
      expect(code, `${route.method} ${path}`).not.toBe('RouteNotFound');
    }
  });
});
