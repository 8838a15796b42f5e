import { Config, GlobalParameters } from '@alicloud/openapi-client';
import Vpc, {
  CreateSslVpnServerRequest,
  DescribeVpnGatewayRequest,
  DescribeVpnGatewaysRequest,
} from '@alicloud/vpc20160428';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, callError, KEY, popClient, str, withEmulator } from '../test/helpers';
import { DEMO_IDS } from './seed';
import type { RunningEmulator } from './server';
import { acs3Signature, rpcSignature, sha256Hex } from './signature';

let emulator: RunningEmulator;

beforeEach(async () => {
  emulator = await withEmulator({ updatingMs: 1000 });
});
afterEach(async () => {
  await emulator.close();
});

function timestamp(ms = Date.now()): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

let nonceCounter = 0;

/** Signed RPC parameters as pop-core would build them. */
function signed(
  method: string,
  params: Record<string, string>,
  options: { secret?: string; nonce?: string; ts?: string } = {},
): Map<string, string> {
  nonceCounter += 1;
  const map = new Map<string, string>([
    ['Format', 'JSON'],
    ['Version', '2016-04-28'],
    ['AccessKeyId', KEY.accessKeyId],
    ['SignatureMethod', 'HMAC-SHA1'],
    ['SignatureVersion', '1.0'],
    ['SignatureNonce', options.nonce ?? `${Date.now()}${nonceCounter}`],
    ['Timestamp', options.ts ?? timestamp()],
    ...Object.entries(params),
  ]);
  map.set('Signature', rpcSignature(method, map, options.secret ?? KEY.accessKeySecret));
  return map;
}

const errorSchema = z.strictObject({
  RequestId: z.string(),
  HostId: z.string(),
  Code: z.string(),
  Message: z.string(),
  Recommend: z.string(),
});

describe('protocol', () => {
  it('merges query string and form body parameters and answers JSON with x-acs-request-id', async () => {
    const params = signed('POST', {
      Action: 'DescribeVpnGateway',
      RegionId: 'cn-hangzhou',
      VpnGatewayId: DEMO_IDS.gateways.free1,
    });
    const query = new URLSearchParams();
    const form = new URLSearchParams();
    for (const [k, v] of params)
      (k === 'VpnGatewayId' || k === 'RegionId' ? form : query).set(k, v);
    const res = await fetch(`${emulator.url}/?${query.toString()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = z
      .looseObject({ RequestId: z.string(), VpnGatewayId: z.string() })
      .parse(await res.json());
    expect(body.VpnGatewayId).toBe(DEMO_IDS.gateways.free1);
    expect(res.headers.get('x-acs-request-id')).toBe(body.RequestId);
    expect(body).not.toHaveProperty('Code');
  });

  it('answers errors as RequestId/Code/Message/HostId/Recommend with the documented status', async () => {
    const params = signed('GET', {
      Action: 'DescribeVpnGateway',
      RegionId: 'cn-hangzhou',
      VpnGatewayId: 'vpn-nope',
    });
    const res = await fetch(`${emulator.url}/?${new URLSearchParams([...params]).toString()}`);
    expect(res.status).toBe(404);
    const body = errorSchema.parse(await res.json());
    expect(body.Code).toBe('InvalidVpnGatewayInstanceId.NotFound');
    expect(res.headers.get('x-acs-request-id')).toBe(body.RequestId);
    expect(body.Recommend).toContain('InvalidVpnGatewayInstanceId.NotFound');
  });

  it('serves pop-core over GET and POST', async () => {
    const client = popClient(emulator.url);
    for (const method of ['GET', 'POST'] as const) {
      const body = await call(
        client,
        'DescribeVpnGateway',
        { RegionId: 'cn-hangzhou', VpnGatewayId: DEMO_IDS.gateways.free1 },
        method,
      );
      expect(str(body, 'Status')).toBe('active');
      expect(str(body, 'SslVpn')).toBe('enable');
    }
  });

  it('requires RegionId and refuses an unknown region', async () => {
    const client = popClient(emulator.url);
    expect((await callError(client, 'DescribeVpnGateways', {})).code).toBe('MissingParameter');
    expect((await callError(client, 'DescribeVpnGateways', { RegionId: 'mars-1' })).code).toBe(
      'InvalidRegionId.NotFound',
    );
  });
});

describe('authentication (pop-core RPC signature)', () => {
  it('refuses a wrong signature without echoing the string to sign', async () => {
    const error = await callError(
      popClient(emulator.url, 'wrong-secret'),
      'DescribeRegions',
      {},
      'GET',
    );
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).not.toMatch(/string to sign|GET&%2F/i);
  });

  it('refuses an unknown AccessKeyId', async () => {
    const error = await callError(
      popClient(emulator.url, 'x', 'LTAI-unknown'),
      'DescribeRegions',
      {},
    );
    expect(error.code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('refuses a timestamp more than 15 minutes off and accepts one 14 minutes off', async () => {
    const ahead = await withEmulator({ clock: () => Date.now() + 16 * 60_000 });
    try {
      expect((await callError(popClient(ahead.url), 'DescribeRegions', {})).code).toBe(
        'InvalidTimeStamp.Expired',
      );
    } finally {
      await ahead.close();
    }
    const near = await withEmulator({ clock: () => Date.now() - 14 * 60_000 });
    try {
      expect(await call(popClient(near.url), 'DescribeRegions', {})).toHaveProperty('Regions');
    } finally {
      await near.close();
    }
  });

  it('refuses a reused SignatureNonce', async () => {
    const params = signed('GET', { Action: 'DescribeRegions' }, { nonce: '424242424242' });
    const url = `${emulator.url}/?${new URLSearchParams([...params]).toString()}`;
    expect((await fetch(url)).status).toBe(200);
    const replay = await fetch(url);
    expect(replay.status).toBe(400);
    expect(errorSchema.parse(await replay.json()).Code).toBe('SignatureNonceUsed');
  });

  it('verifies the signature against the actual HTTP method', async () => {
    const params = signed('GET', { Action: 'DescribeRegions' });
    const res = await fetch(`${emulator.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams([...params]).toString(),
    });
    expect(errorSchema.parse(await res.json()).Code).toBe('SignatureDoesNotMatch');
  });

  it('refuses an unknown action and an unknown version', async () => {
    const client = popClient(emulator.url);
    const action = await callError(client, 'DescribeMoon', { RegionId: 'cn-hangzhou' });
    expect(action.code).toBe('InvalidAction.NotFound');
    const params = signed('GET', { Action: 'DescribeRegions', Version: '2014-05-26' });
    const res = await fetch(`${emulator.url}/?${new URLSearchParams([...params]).toString()}`);
    expect(errorSchema.parse(await res.json()).Code).toBe('InvalidVersion');
  });

  it('refuses a tampered parameter', async () => {
    const params = signed('GET', {
      Action: 'DescribeVpnGateway',
      RegionId: 'cn-hangzhou',
      VpnGatewayId: DEMO_IDS.gateways.free1,
    });
    params.set('VpnGatewayId', DEMO_IDS.gateways.free2);
    const res = await fetch(`${emulator.url}/?${new URLSearchParams([...params]).toString()}`);
    expect(errorSchema.parse(await res.json()).Code).toBe('SignatureDoesNotMatch');
  });

  it('answers Forbbiden.SubUser to a RAM sub-user where documented, Forbidden elsewhere', async () => {
    const sub = await withEmulator({
      accessKeys: [{ accessKeyId: 'sub', accessKeySecret: 'sub-secret', ramSubUser: true }],
    });
    try {
      const client = popClient(sub.url, 'sub-secret', 'sub');
      const ssl = await callError(client, 'CreateSslVpnServer', {
        RegionId: 'cn-hangzhou',
        VpnGatewayId: DEMO_IDS.gateways.free1,
        ClientIpPool: '10.30.0.0/24',
        LocalSubnet: '172.20.0.0/16',
      });
      expect(ssl.code).toBe('Forbbiden.SubUser');
      expect(ssl.status).toBe(403);
      const ipsec = await callError(client, 'DeleteIpsecServer', {
        RegionId: 'cn-hangzhou',
        IpsecServerId: DEMO_IDS.ipsecServer,
      });
      expect(ipsec.code).toBe('Forbidden');
    } finally {
      await sub.close();
    }
  });

  it('answers Forbidden to a read-only key on writes, and lets it read', async () => {
    const ro = await withEmulator({
      accessKeys: [{ accessKeyId: 'ro', accessKeySecret: 'ro-secret', readOnly: true }],
    });
    try {
      const client = popClient(ro.url, 'ro-secret', 'ro');
      expect(await call(client, 'DescribeVpnGateways', { RegionId: 'cn-hangzhou' })).toHaveProperty(
        'VpnGateways',
      );
      const error = await callError(client, 'CreateCustomerGateway', {
        RegionId: 'cn-hangzhou',
        IpAddress: '198.51.100.99',
      });
      expect(error.code).toBe('Forbidden');
    } finally {
      await ro.close();
    }
  });
});

describe('authentication (@alicloud/vpc20160428, ACS3-HMAC-SHA256)', () => {
  /** The SDK as the brief configures it; `headers` override the SDK's own x-acs-* values. */
  function sdk(
    secret: string = KEY.accessKeySecret,
    headers?: Record<string, string>,
    id = KEY.accessKeyId,
  ): Vpc {
    return new Vpc(
      // @alicloud/openapi-client's Config, which the SDK (built on openapi-core) reads by shape.
      // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
      new Config({
        accessKeyId: id,
        accessKeySecret: secret,
        endpoint: emulator.url.replace('http://', ''),
        protocol: 'http',
        regionId: 'cn-hangzhou',
        ...(headers === undefined ? {} : { globalParameters: new GlobalParameters({ headers }) }),
      }),
    );
  }

  const describeFree = (client: Vpc) =>
    client.describeVpnGateway(
      new DescribeVpnGatewayRequest({
        regionId: 'cn-hangzhou',
        vpnGatewayId: DEMO_IDS.gateways.free1,
      }),
    );

  it('refuses an unknown key, an expired x-acs-date and a reused nonce', async () => {
    expect((await sdkError(() => describeFree(sdk('s', undefined, 'LTAI-nobody')))).code).toBe(
      'InvalidAccessKeyId.NotFound',
    );
    const old = timestamp(Date.now() - 20 * 60_000);
    const expired = await sdkError(() =>
      describeFree(sdk(KEY.accessKeySecret, { 'x-acs-date': old })),
    );
    expect(expired.code).toBe('InvalidTimeStamp.Expired');
    const fixedNonce = sdk(KEY.accessKeySecret, { 'x-acs-signature-nonce': 'c0ffee-nonce-1' });
    expect((await describeFree(fixedNonce)).statusCode).toBe(200);
    const replay = await sdkError(() => describeFree(fixedNonce));
    expect(replay.code).toBe('SignatureNonceUsed');
    expect(replay.statusCode).toBe(400);
  });

  it('refuses a body that does not match the signed x-acs-content-sha256', async () => {
    const signedBody = 'RegionId=cn-hangzhou&VpnGatewayId=' + DEMO_IDS.gateways.free1;
    const host = emulator.url.replace('http://', '');
    const headers: Record<string, string> = {
      host,
      'content-type': 'application/x-www-form-urlencoded',
      'x-acs-action': 'DescribeVpnGateway',
      'x-acs-version': '2016-04-28',
      'x-acs-date': timestamp(),
      'x-acs-signature-nonce': `nonce-${Date.now()}`,
      'x-acs-content-sha256': sha256Hex(signedBody),
    };
    const signedHeaders = Object.keys(headers).sort();
    const signature = acs3Signature(
      {
        method: 'POST',
        pathname: '/',
        query: new Map(),
        headers,
        signedHeaders,
        payloadHash: sha256Hex(signedBody),
      },
      KEY.accessKeySecret,
    );
    const authorization = `ACS3-HMAC-SHA256 Credential=${KEY.accessKeyId},SignedHeaders=${signedHeaders.join(';')},Signature=${signature}`;
    const send = (body: string) =>
      fetch(`${emulator.url}/`, { method: 'POST', headers: { ...headers, authorization }, body });
    const tampered = await send(signedBody.replace('free00000001', 'free00000002'));
    expect(errorSchema.parse(await tampered.json()).Code).toBe('SignatureDoesNotMatch');
    const genuine = await send(signedBody);
    expect(genuine.status).toBe(200);
  });

  const sdkErrorSchema = z.looseObject({
    code: z.string(),
    statusCode: z.number(),
    requestId: z.string(),
  });

  async function sdkError(run: () => Promise<unknown>) {
    try {
      await run();
    } catch (error: unknown) {
      return sdkErrorSchema.parse(error);
    }
    throw new Error('unexpectedly succeeded');
  }

  it('reads with the SDK default signature', async () => {
    const res = await sdk().describeVpnGateway(
      new DescribeVpnGatewayRequest({
        regionId: 'cn-hangzhou',
        vpnGatewayId: DEMO_IDS.gateways.updating,
      }),
    );
    expect(res.statusCode).toBe(200);
    expect(res.body?.vpnGatewayId).toBe(DEMO_IDS.gateways.updating);
    expect(res.body?.status).toBe('updating');
    expect(res.headers?.['x-acs-request-id']).toBe(res.body?.requestId);
    const list = await sdk().describeVpnGateways(
      new DescribeVpnGatewaysRequest({ regionId: 'cn-shanghai', pageSize: 50 }),
    );
    expect(list.body?.vpnGateways?.vpnGateway?.map((g) => g.vpnType).sort()).toEqual([
      'NationalStandard',
      'NationalStandard',
      'Normal',
      'Normal',
    ]);
  });

  it('writes with the SDK (form body and query) and surfaces documented errors with their status', async () => {
    const created = await sdk().createSslVpnServer(
      new CreateSslVpnServerRequest({
        regionId: 'cn-hangzhou',
        vpnGatewayId: DEMO_IDS.gateways.free1,
        clientIpPool: '10.30.0.0/24',
        localSubnet: '172.20.0.0/16',
        name: 'sdk-ssl',
      }),
    );
    expect(created.body?.sslVpnServerId).toMatch(/^vss-/);
    const busy = await sdkError(() =>
      sdk().createSslVpnServer(
        new CreateSslVpnServerRequest({
          regionId: 'cn-hangzhou',
          vpnGatewayId: DEMO_IDS.gateways.free1,
          clientIpPool: '10.31.0.0/24',
          localSubnet: '172.20.0.0/16',
        }),
      ),
    );
    expect(busy.code).toBe('VpnGateway.Configuring');
    expect(busy.statusCode).toBe(400);
  });

  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const error = await sdkError(() =>
      sdk('not-the-secret').describeVpnGateway(
        new DescribeVpnGatewayRequest({
          regionId: 'cn-hangzhou',
          vpnGatewayId: DEMO_IDS.gateways.free1,
        }),
      ),
    );
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.statusCode).toBe(400);
  });
});
