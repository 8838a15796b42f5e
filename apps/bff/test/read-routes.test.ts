import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { healthSchema } from '@vpn-console/shared/api/health';
import {
  customerGatewayListSchema,
  customerGatewayViewSchema,
  ipsecServerListSchema,
  ipsecServerViewSchema,
  sslVpnServerListSchema,
  sslVpnServerViewSchema,
  vpnConnectionListSchema,
  vpnConnectionViewSchema,
  vpnGatewayDetailViewSchema,
  vpnGatewayListSchema,
} from '@vpn-console/shared/api/views';
import { regionListSchema } from '@vpn-console/shared/api/regions';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, TEST_METRICS_TOKEN, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const gw = DEMO_IDS.gateways;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.close();
});

const errorCode = (body: unknown) => apiErrorBodySchema.parse(body).error.code;

describe('health and operability', () => {
  it('says the cloud is emulated', async () => {
    const res = await stack.api.get('/api/v1/health');
    expect(res.status).toBe(200);
    const health = healthSchema.parse(res.body);
    expect(health.cloud).toBe('emulator');
    expect(health.cloudLabel).toBe('emulated cloud');
    expect((await stack.api.get('/api/v1/health/ready')).status).toBe(200);
  });

  it('exposes Prometheus metrics with upstream calls by action and outcome', async () => {
    await stack.api.get('/api/v1/regions');
    // Anonymous and viewers are refused; an admin session or Prometheus' token may read it.
    expect((await fetch(`${stack.baseUrl}/metrics`)).status).toBe(401);
    expect((await (await stack.as('viewer')).get('/metrics')).status).toBe(403);
    expect((await (await stack.as('admin')).get('/metrics')).status).toBe(200);
    expect(
      (await fetch(`${stack.baseUrl}/metrics`, { headers: { Authorization: 'Bearer wrong' } }))
        .status,
    ).toBe(401);
    const res = await fetch(`${stack.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toMatch(
      /bff_upstream_calls_total\{action="DescribeRegions",outcome="success"\} \d+/,
    );
    expect(text).toContain('bff_sse_open_streams');
    expect(text).toContain('bff_status_watched_gateways');
  });

  it('serves an OpenAPI document generated from the shared schemas', async () => {
    const res = await stack.api.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = res.body as {
      openapi: string;
      paths: Record<string, Record<string, { requestBody?: unknown }>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/api/v1/regions/{regionId}/ipsec-servers']?.post;
    expect(create?.requestBody).toBeDefined();
    expect(JSON.stringify(create?.requestBody)).toContain('clientIpPool');
  });

  it('answers unknown API routes with the error schema and a request id', async () => {
    const res = await stack.api.get('/api/v1/nope');
    expect(res.status).toBe(404);
    expect(errorCode(res.body)).toBe('RouteNotFound');
    expect(res.headers.get('x-request-id')).toMatch(/.{8,}/);
  });
});

describe('read routes', () => {
  it('lists regions', async () => {
    const res = await stack.api.get('/api/v1/regions');
    expect(res.status).toBe(200);
    const list = regionListSchema.parse(res.body);
    expect(list.items.map((r) => r.regionId)).toContain(HZ);
  });

  it('lists the gateways of a region', async () => {
    const res = await stack.api.get(`/api/v1/regions/${HZ}/vpn-gateways`);
    expect(res.status).toBe(200);
    const list = vpnGatewayListSchema.parse(res.body);
    expect(list.items.map((g) => g.id)).toEqual(
      expect.arrayContaining([gw.connections, gw.servers]),
    );
    expect(list.totalCount).toBe(list.items.length);
  });

  it("tells each gateway's business status, version and IPsec server support, charge type and expiry (issue 17)", async () => {
    const list = vpnGatewayListSchema.parse(
      (await stack.api.get(`/api/v1/regions/${HZ}/vpn-gateways`)).body,
    );
    const byId = new Map(list.items.map((g) => [g.id, g]));
    expect(byId.get(gw.locked)).toMatchObject({
      businessStatus: 'FinancialLocked',
      chargeType: 'PREPAY',
      endTime: expect.any(Number) as unknown,
    });
    expect(byId.get(gw.old)).toMatchObject({ version: 'v1.0.0', supportsIpsecServer: false });
    expect(byId.get(gw.servers)).toMatchObject({
      version: 'v1.2.4',
      supportsIpsecServer: true,
      sslMaxConnections: 50,
      sslVpnInternetIp: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) as unknown,
    });
  });

  it('shows one gateway with its IPsec server, SSL-VPN servers and connections, PSKs masked', async () => {
    const res = await stack.api.get(`/api/v1/regions/${HZ}/vpn-gateways/${gw.servers}`);
    expect(res.status).toBe(200);
    const detail = vpnGatewayDetailViewSchema.parse(res.body);
    expect(detail.ipsecServer?.vpnGatewayId).toBe(gw.servers);
    expect(detail.sslVpnServers.length).toBeGreaterThan(0);
    expect(detail.ipsecServer?.psk?.masked).toBe('••••••••');
    expect(detail.ipsecServer?.psk?.fingerprint).toMatch(/^[0-9a-f]{12}$/);
    const withConnections = vpnGatewayDetailViewSchema.parse(
      (await stack.api.get(`/api/v1/regions/${HZ}/vpn-gateways/${gw.connections}`)).body,
    );
    expect(withConnections.vpnConnections.length).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(withConnections)).not.toMatch(/"psk":"(?!•)/);
  });

  it('answers 404 for an unknown gateway and 400 for a malformed id', async () => {
    const missing = await stack.api.get(`/api/v1/regions/${HZ}/vpn-gateways/vpn-doesnotexist000`);
    expect(missing.status).toBe(404);
    expect(errorCode(missing.body)).toBe('InvalidVpnGatewayInstanceId.NotFound');
    const malformed = await stack.api.get(`/api/v1/regions/${HZ}/vpn-gateways/not-a-gateway`);
    expect(malformed.status).toBe(400);
    const body = apiErrorBodySchema.parse(malformed.body);
    expect(body.error.issues?.[0]?.path).toBe('vpnGatewayId');
    const badRegion = await stack.api.get(`/api/v1/regions/NOT_A_REGION/vpn-gateways`);
    expect(badRegion.status).toBe(400);
  });

  it('lists and gets IPsec servers, connections, SSL-VPN servers and customer gateways', async () => {
    const servers = ipsecServerListSchema.parse(
      (await stack.api.get(`/api/v1/regions/${HZ}/ipsec-servers?vpnGatewayId=${gw.servers}`)).body,
    );
    expect(servers.items).toHaveLength(1);
    const server = servers.items[0];
    expect(server).toBeDefined();
    const one = await stack.api.get(`/api/v1/regions/${HZ}/ipsec-servers/${server?.id ?? ''}`);
    expect(ipsecServerViewSchema.parse(one.body).id).toBe(server?.id);

    const connections = vpnConnectionListSchema.parse(
      (await stack.api.get(`/api/v1/regions/${HZ}/vpn-connections?vpnGatewayId=${gw.connections}`))
        .body,
    );
    expect(connections.items.every((c) => c.vpnGatewayId === gw.connections)).toBe(true);
    const firstConnection = connections.items[0];
    const oneConnection = await stack.api.get(
      `/api/v1/regions/${HZ}/vpn-connections/${firstConnection?.id ?? ''}`,
    );
    expect(vpnConnectionViewSchema.parse(oneConnection.body).id).toBe(firstConnection?.id);

    const ssl = sslVpnServerListSchema.parse(
      (await stack.api.get(`/api/v1/regions/${HZ}/ssl-vpn-servers`)).body,
    );
    const firstSsl = ssl.items[0];
    const oneSsl = await stack.api.get(
      `/api/v1/regions/${HZ}/ssl-vpn-servers/${firstSsl?.id ?? ''}`,
    );
    expect(sslVpnServerViewSchema.parse(oneSsl.body).id).toBe(firstSsl?.id);

    const cgws = customerGatewayListSchema.parse(
      (await stack.api.get(`/api/v1/regions/${HZ}/customer-gateways`)).body,
    );
    expect(cgws.items.map((c) => c.id)).toContain(DEMO_IDS.customerGateways.cooperative);
    const oneCgw = await stack.api.get(
      `/api/v1/regions/${HZ}/customer-gateways/${DEMO_IDS.customerGateways.cooperative}`,
    );
    expect(customerGatewayViewSchema.parse(oneCgw.body).id).toBe(
      DEMO_IDS.customerGateways.cooperative,
    );
  });

  it('answers 404 for unknown resources of each kind', async () => {
    for (const path of [
      `/api/v1/regions/${HZ}/ipsec-servers/iss-missing00000000`,
      `/api/v1/regions/${HZ}/vpn-connections/vco-missing00000000`,
      `/api/v1/regions/${HZ}/ssl-vpn-servers/vss-missing00000000`,
      `/api/v1/regions/${HZ}/customer-gateways/cgw-missing00000000`,
    ]) {
      const res = await stack.api.get(path);
      expect(res.status, path).toBe(404);
      apiErrorBodySchema.parse(res.body);
    }
  });
});
