import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import {
  dryRunVerdictSchema,
  operationSchema,
  type Operation,
} from '@vpn-console/shared/api/operations';
import {
  customerGatewayListSchema,
  customerGatewayViewSchema,
  ipsecServerListSchema,
  ipsecServerViewSchema,
  sslVpnServerViewSchema,
  vpnConnectionViewSchema,
} from '@vpn-console/shared/api/views';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const gw = DEMO_IDS.gateways;
const base = `/api/v1/regions/${HZ}`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ updatingMs: 300 });
});
afterAll(async () => {
  await stack.close();
});

const accepted = (res: { status: number; body: unknown }): Operation => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return operationSchema.parse(res.body);
};

const ipsecServerBody = (vpnGatewayId: string) => ({
  vpnGatewayId,
  ipsecServerName: 'road-warriors',
  localSubnet: ['192.168.0.0/24'],
  clientIpPool: '10.200.0.0/24',
  pskEnabled: true,
  psk: 'Secret-psk-123',
});

/** An SSL-VPN server the console accepts and the cloud refuses: the IDaaS instance is unknown. */
const unknownIdaas = {
  vpnGatewayId: gw.free2,
  clientIpPool: '10.32.0.0/24',
  localSubnet: ['192.168.0.0/24'],
  enableMultiFactorAuth: true,
  idaasInstanceId: 'idaas-cn-hangzhou-notthere',
  idaasRegionId: HZ,
};

describe('IPsec server writes', () => {
  it('refuses unknown fields and bad CIDRs with per-field issue codes', async () => {
    const res = await stack.api.post(`${base}/ipsec-servers`, {
      ...ipsecServerBody(gw.free1),
      localSubnet: ['192.168.0.1/24'],
      surprise: 1,
    });
    expect(res.status).toBe(400);
    const { error } = apiErrorBodySchema.parse(res.body);
    expect(error.code).toBe('ValidationFailed');
    const paths = (error.issues ?? []).map((i) => i.path);
    expect(paths).toContain('localSubnet.0');
    expect(error.issues?.some((i) => i.code === 'UNKNOWN_KEY')).toBe(true);
  });

  it('refuses a body whose regionId contradicts the path, and non-JSON bodies', async () => {
    const res = await stack.api.post(`${base}/ipsec-servers`, {
      ...ipsecServerBody(gw.free1),
      regionId: 'cn-shanghai',
    });
    expect(res.status).toBe(400);
    expect(apiErrorBodySchema.parse(res.body).error.issues?.[0]?.path).toBe('regionId');
    const text = await stack.api.raw(`${base}/ipsec-servers`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: 'hello',
    });
    expect(text.status).toBe(415);
    const broken = await stack.api.raw(`${base}/ipsec-servers`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"vpnGatewayId":',
    });
    expect(broken.status).toBe(400);
    expect(apiErrorBodySchema.parse(broken.body).error.code).toBe('MalformedJson');
  });

  it('runs the cloud dry run and answers a verdict without creating anything', async () => {
    const ok = await stack.api.post(`${base}/ipsec-servers?dryRun=true`, ipsecServerBody(gw.free2));
    expect(ok.status).toBe(200);
    expect(dryRunVerdictSchema.parse(ok.body)).toEqual({
      dryRun: true,
      ok: true,
      checkedBy: 'cloud',
    });
    // What only the cloud knows (an IDaaS instance the account does not have): its verdict.
    const refused = await stack.api.post(`${base}/ssl-vpn-servers?dryRun=true`, unknownIdaas);
    expect(refused.status).toBe(200);
    const verdict = dryRunVerdictSchema.parse(refused.body);
    expect(verdict.ok).toBe(false);
    expect(verdict.error?.code).toBe('InvalidIDaaSInstanceId.NotFound');
    const list = ipsecServerListSchema.parse(
      (await stack.api.get(`${base}/ipsec-servers?vpnGatewayId=${gw.free2}`)).body,
    );
    expect(list.items).toHaveLength(0);
  });

  it('creates, changes and deletes an IPsec server through operations', async () => {
    const op = accepted(await stack.api.post(`${base}/ipsec-servers`, ipsecServerBody(gw.free1)));
    expect(op.state).toBe('queued');
    expect(op.vpnGatewayId).toBe(gw.free1);
    const done = await stack.api.settled(op.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.resourceId).toMatch(/^iss-/);
    expect(done.requestId).toBeDefined();
    const id = done.resourceId ?? '';
    const created = ipsecServerViewSchema.parse(
      (await stack.api.get(`${base}/ipsec-servers/${id}`)).body,
    );
    expect(created.name).toBe('road-warriors');
    expect(JSON.stringify(created)).not.toContain('Secret-psk-123');

    const change = accepted(
      await stack.api.patch(`${base}/ipsec-servers/${id}`, { ipsecServerName: 'renamed' }),
    );
    expect((await stack.api.settled(change.id)).state).toBe('succeeded');
    expect(
      ipsecServerViewSchema.parse((await stack.api.get(`${base}/ipsec-servers/${id}`)).body).name,
    ).toBe('renamed');

    const removal = accepted(await stack.api.delete(`${base}/ipsec-servers/${id}`));
    expect((await stack.api.settled(removal.id)).state).toBe('succeeded');
    expect((await stack.api.get(`${base}/ipsec-servers/${id}`)).status).toBe(404);
  });

  it('fails the operation with the mapped cloud error when the cloud refuses', async () => {
    const op = accepted(await stack.api.post(`${base}/ssl-vpn-servers`, unknownIdaas));
    const done = await stack.api.settled(op.id);
    expect(done.state).toBe('failed');
    expect(done.error?.code).toBe('InvalidIDaaSInstanceId.NotFound');
    expect(done.error?.httpStatus).toBe(404);
    expect(done.error?.message).not.toMatch(/URL|Signature|AccessKey/);
  });

  it('answers 404 for a change of an unknown server', async () => {
    const res = await stack.api.patch(`${base}/ipsec-servers/iss-missing00000000`, {
      ipsecServerName: 'x',
    });
    expect(res.status).toBe(404);
  });
});

describe('idempotency', () => {
  it('returns the same operation for a resent Idempotency-Key and refuses it for a different request', async () => {
    const body = { ipAddress: '203.0.113.77', name: 'branch-77' };
    const headers = { 'Idempotency-Key': 'intent-cgw-77' };
    const first = accepted(await stack.api.post(`${base}/customer-gateways`, body, headers));
    const again = accepted(await stack.api.post(`${base}/customer-gateways`, body, headers));
    expect(again.id).toBe(first.id);
    const other = await stack.api.post(
      `${base}/customer-gateways`,
      { ...body, name: 'other' },
      headers,
    );
    expect(other.status).toBe(409);
    expect(apiErrorBodySchema.parse(other.body).error.code).toBe('IdempotencyKeyReused');
    const done = await stack.api.settled(first.id);
    expect(done.state).toBe('succeeded');
    const cgw = customerGatewayViewSchema.parse(
      (await stack.api.get(`${base}/customer-gateways/${done.resourceId ?? ''}`)).body,
    );
    expect(cgw.ipAddress).toBe('203.0.113.77');
  });

  it("scopes keys per user: another user's same key is a new intent, not the first user's operation", async () => {
    const headers = { 'Idempotency-Key': 'intent-cgw-shared-key' };
    const mine = accepted(
      await stack.api.post(`${base}/customer-gateways`, { ipAddress: '203.0.113.78' }, headers),
    );
    const admin = await stack.as('admin');
    const theirs = accepted(
      await admin.post(`${base}/customer-gateways`, { ipAddress: '203.0.113.79' }, headers),
    );
    expect(theirs.id).not.toBe(mine.id);
    expect((await stack.api.settled(theirs.id)).state).toBe('succeeded');
    expect((await stack.api.settled(mine.id)).state).toBe('succeeded');
  });
});

describe('dry runs never change anything', () => {
  it('checks a customer gateway in the console (the cloud has no dry run) and creates nothing', async () => {
    const before = stack.emulator.calls().CreateCustomerGateway ?? 0;
    const free = await stack.api.post(`${base}/customer-gateways?dryRun=true`, {
      ipAddress: '203.0.113.88',
      name: 'branch-88',
    });
    expect(free.status).toBe(200);
    expect(dryRunVerdictSchema.parse(free.body)).toEqual({
      dryRun: true,
      ok: true,
      checkedBy: 'console',
    });
    const list = customerGatewayListSchema.parse(
      (await stack.api.get(`${base}/customer-gateways`)).body,
    );
    expect(list.items.some((c) => c.ipAddress === '203.0.113.88')).toBe(false);
    const existing = list.items[0];
    if (existing === undefined) throw new Error('the demo region has customer gateways');
    const taken = await stack.api.post(`${base}/customer-gateways?dryRun=true`, {
      ipAddress: existing.ipAddress,
    });
    const verdict = dryRunVerdictSchema.parse(taken.body);
    expect(verdict.ok).toBe(false);
    expect(verdict.checkedBy).toBe('console');
    expect(verdict.error?.code).toBe('InvalidIpAddress.AlreadyExist');
    const invalid = await stack.api.post(`${base}/customer-gateways?dryRun=true`, {
      ipAddress: '127.0.0.1',
    });
    expect(invalid.status).toBe(400);
    expect(stack.emulator.calls().CreateCustomerGateway ?? 0).toBe(before);
  });

  it('refuses ?dryRun=true on a delete instead of deleting', async () => {
    const list = ipsecServerListSchema.parse((await stack.api.get(`${base}/ipsec-servers`)).body);
    const target = list.items[0];
    if (target === undefined) throw new Error('the demo region has an IPsec server');
    const res = await stack.api.delete(`${base}/ipsec-servers/${target.id}?dryRun=true`);
    expect(res.status).toBe(400);
    expect(apiErrorBodySchema.parse(res.body).error.code).toBe('DryRunUnsupported');
    expect((await stack.api.get(`${base}/ipsec-servers/${target.id}`)).status).toBe(200);
  });
});

describe("server-side checks with the gateway's facts", () => {
  const issueCodes = (body: unknown) =>
    (apiErrorBodySchema.parse(body).error.issues ?? []).map((i) => `${i.path}:${i.code}`);

  it('refuses what the gateway cannot take before calling the cloud, and audits the refusal (issue 17)', async () => {
    const counted = ['CreateIpsecServer', 'CreateSslVpnServer', 'CreateVpnConnection'] as const;
    const before = counted.map((a) => stack.emulator.calls()[a] ?? 0);
    const cases = [
      [`${base}/ipsec-servers`, ipsecServerBody(gw.locked), 'GATEWAY_FINANCIAL_LOCKED'],
      [
        `${base}/ipsec-servers?dryRun=true`,
        ipsecServerBody(gw.old),
        'GATEWAY_IPSEC_SERVER_UNSUPPORTED',
      ],
      [`${base}/ipsec-servers`, ipsecServerBody(gw.sslDisabled), 'GATEWAY_SSL_VPN_OFF'],
      [`${base}/ipsec-servers`, ipsecServerBody(gw.servers), 'GATEWAY_IPSEC_SERVER_EXISTS'],
      [
        `${base}/ssl-vpn-servers`,
        {
          vpnGatewayId: gw.sslDisabled,
          clientIpPool: '10.30.0.0/24',
          localSubnet: ['192.168.0.0/24'],
        },
        'GATEWAY_SSL_VPN_OFF',
      ],
      [
        `${base}/ssl-vpn-servers`,
        { vpnGatewayId: gw.servers, clientIpPool: '10.31.0.0/24', localSubnet: ['192.168.0.0/24'] },
        'GATEWAY_SSL_VPN_SERVER_EXISTS',
      ],
    ] as const;
    for (const [path, body, code] of cases) {
      const res = await stack.api.post(path, body);
      expect(res.status, `${path} ${code}`).toBe(409);
      expect(apiErrorBodySchema.parse(res.body).error.code).toBe('GatewayCannotTake');
      expect(issueCodes(res.body)).toEqual([`vpnGatewayId:${code}`]);
    }
    expect(counted.map((a) => stack.emulator.calls()[a] ?? 0)).toEqual(before);

    // The real writes' refusals are in the audit log with their reason; the dry run's is not.
    const audit = auditPageSchema.parse(
      (await stack.api.get(`/api/v1/audit?vpnGatewayId=${gw.locked}&limit=10`)).body,
    );
    expect(audit.items[0]).toMatchObject({
      action: 'createIpsecServer',
      outcome: 'failure',
      errorCode: 'GATEWAY_FINANCIAL_LOCKED',
      resourceName: 'road-warriors',
      // The gateway by its name too, resolved when the log is read.
      vpnGatewayId: gw.locked,
      vpnGatewayName: 'hz-overdue',
    });
    const old = auditPageSchema.parse(
      (await stack.api.get(`/api/v1/audit?vpnGatewayId=${gw.old}&limit=10`)).body,
    );
    expect(old.items.filter((e) => (e.errorCode ?? '').startsWith('GATEWAY_'))).toEqual([]);
  });

  it('refuses an SSL-VPN client pool too small for the gateway or inside its VPC before calling the cloud', async () => {
    const before = stack.emulator.calls().CreateSslVpnServer ?? 0;
    // free1: 5 SSL connections (a pool of /27 or larger), VPC 172.20.0.0/16.
    const small = await stack.api.post(`${base}/ssl-vpn-servers`, {
      vpnGatewayId: gw.free1,
      clientIpPool: '10.30.0.0/28',
      localSubnet: ['192.168.0.0/24'],
    });
    expect(small.status).toBe(400);
    expect(issueCodes(small.body)).toEqual(['clientIpPool:CLIENT_POOL_TOO_SMALL']);
    const inVpc = await stack.api.post(`${base}/ssl-vpn-servers?dryRun=true`, {
      vpnGatewayId: gw.free1,
      clientIpPool: '172.20.8.0/24',
      localSubnet: ['192.168.0.0/24'],
    });
    expect(inVpc.status).toBe(400);
    expect(issueCodes(inVpc.body)).toEqual(['clientIpPool:CLIENT_POOL_OVERLAPS_VPC']);
    expect(stack.emulator.calls().CreateSslVpnServer ?? 0).toBe(before);
  });

  it('refuses an IPsec server client pool inside the VPC', async () => {
    const res = await stack.api.post(`${base}/ipsec-servers?dryRun=true`, {
      ...ipsecServerBody(gw.free1),
      clientIpPool: '172.20.8.0/24',
    });
    expect(res.status).toBe(400);
    expect(issueCodes(res.body)).toEqual(['clientIpPool:CLIENT_POOL_OVERLAPS_VPC']);
  });
});

describe('write lane per gateway', () => {
  it('runs two concurrent changes to one gateway one after the other; both succeed in order', async () => {
    const list = ipsecServerListSchema.parse(
      (await stack.api.get(`${base}/ipsec-servers?vpnGatewayId=${gw.servers}`)).body,
    );
    const id = list.items[0]?.id ?? '';
    const [a, b] = await Promise.all([
      stack.api.patch(`${base}/ipsec-servers/${id}`, { ipsecServerName: 'first-change' }),
      stack.api.patch(`${base}/ipsec-servers/${id}`, { localSubnet: ['192.168.77.0/24'] }),
    ]);
    const opA = accepted(a);
    const opB = accepted(b);
    // The second one waits in the gateway's lane behind the first.
    expect([opA.queuePosition, opB.queuePosition].sort()).toEqual([0, 1]);
    const [doneA, doneB] = await Promise.all([
      stack.api.settled(opA.id),
      stack.api.settled(opB.id),
    ]);
    expect(doneA.state, JSON.stringify(doneA.error)).toBe('succeeded');
    expect(doneB.state, JSON.stringify(doneB.error)).toBe('succeeded');
    expect(Date.parse(doneA.updatedAt)).toBeLessThanOrEqual(Date.parse(doneB.updatedAt));
    const after = ipsecServerViewSchema.parse(
      (await stack.api.get(`${base}/ipsec-servers/${id}`)).body,
    );
    expect(after.name).toBe('first-change');
    expect(after.localSubnet).toEqual(['192.168.77.0/24']);
  });

  it('waits while the gateway is updating and reports waiting-for-gateway', async () => {
    const events = await stack.api.events();
    const hello = await events.next('hello');
    stack.emulator.setGatewayStatus(gw.singaporeSsl, 'updating', 600);
    const ssl = sslVpnServerViewSchema
      .array()
      .parse(
        (
          (
            await stack.api.get(
              `/api/v1/regions/ap-southeast-1/ssl-vpn-servers?vpnGatewayId=${gw.singaporeSsl}`,
            )
          ).body as { items: unknown }
        ).items,
      );
    const sslId = ssl[0]?.id ?? '';
    const op = accepted(
      await stack.api.patch(
        `/api/v1/regions/ap-southeast-1/ssl-vpn-servers/${sslId}`,
        { name: 'waited-for-it' },
        { 'X-Event-Stream': hello.streamId },
      ),
    );
    await events.next(
      'operation',
      (e) => e.operation.id === op.id && e.operation.state === 'waiting-for-gateway',
    );
    const done = await events.next(
      'operation',
      (e) =>
        e.operation.id === op.id &&
        (e.operation.state === 'succeeded' || e.operation.state === 'failed'),
    );
    expect(done.operation.state).toBe('succeeded');
    expect(done.operation.attempts).toBeGreaterThanOrEqual(1);
    events.close();
  });
});

describe('connections and SSL-VPN servers', () => {
  it('creates a connection to a customer gateway and refuses a dry run of a change (no DryRun upstream)', async () => {
    const op = accepted(
      await stack.api.post(`${base}/vpn-connections`, {
        vpnGatewayId: gw.connections,
        customerGatewayId: DEMO_IDS.customerGateways.free,
        name: 'branch-office',
        localSubnet: ['172.16.10.0/24'],
        remoteSubnet: ['10.50.0.0/24'],
        ikeConfig: { psk: 'Conn-psk-456' },
      }),
    );
    const done = await stack.api.settled(op.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    const view = vpnConnectionViewSchema.parse(
      (await stack.api.get(`${base}/vpn-connections/${done.resourceId ?? ''}`)).body,
    );
    expect(view.name).toBe('branch-office');
    expect(JSON.stringify(view)).not.toContain('Conn-psk-456');
    const dry = await stack.api.patch(`${base}/vpn-connections/${view.id}?dryRun=true`, {
      name: 'other-name',
    });
    expect(dry.status).toBe(400);
    expect(apiErrorBodySchema.parse(dry.body).error.code).toBe('DryRunUnsupported');
  });

  it('creates an SSL-VPN server and deletes it', async () => {
    const op = accepted(
      await stack.api.post(`${base}/ssl-vpn-servers`, {
        vpnGatewayId: gw.free2,
        name: 'ssl-free2',
        clientIpPool: '10.30.0.0/24',
        localSubnet: ['172.16.0.0/16'],
      }),
    );
    const done = await stack.api.settled(op.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    const removal = accepted(
      await stack.api.delete(`${base}/ssl-vpn-servers/${done.resourceId ?? ''}`),
    );
    expect((await stack.api.settled(removal.id)).state).toBe('succeeded');
  });
});
