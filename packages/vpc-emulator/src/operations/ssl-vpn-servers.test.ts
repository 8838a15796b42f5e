import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  call,
  callError,
  list,
  manualClock,
  num,
  popClient,
  str,
  withEmulator,
} from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';

const hz = { RegionId: 'cn-hangzhou' };
const create = (extra: Record<string, string | number | boolean> = {}) => ({
  ...hz,
  VpnGatewayId: DEMO_IDS.gateways.free1,
  ClientIpPool: '10.30.0.0/24',
  LocalSubnet: '172.20.0.0/16',
  ...extra,
});

let emulator: RunningEmulator;
let clock: ReturnType<typeof manualClock>;
let client: ReturnType<typeof popClient>;

beforeEach(async () => {
  clock = manualClock();
  emulator = await withEmulator({ updatingMs: 3000, clock: clock.now });
  client = popClient(emulator.url);
});
afterEach(async () => {
  await emulator.close();
});

describe('SSL-VPN server', () => {
  it('accepts the names the current API allows: 1–100 characters, any first character', async () => {
    for (const Name of ['x', '9office', 'office/vpn', '办公室-1.a_b', '𠀀'.repeat(100)]) {
      const dry = await callError(client, 'CreateSslVpnServer', create({ Name, DryRun: true }));
      expect(dry.code).toBe('DryRunOperation');
    }
  });

  it('creates with documented defaults, modifies (full answer) and deletes', async () => {
    const created = await call(client, 'CreateSslVpnServer', create({ Name: 'office' }));
    const id = str(created, 'SslVpnServerId');
    expect(id).toMatch(/^vss-/);
    expect(created.Name).toBe('office');
    const [server] = list(
      await call(client, 'DescribeSslVpnServers', { ...hz, SslVpnServerId: id }),
      'SslVpnServers',
      'SslVpnServer',
    );
    expect(server).toMatchObject({
      Proto: 'UDP',
      Port: 1194,
      Cipher: 'AES-128-CBC',
      Compress: false,
      VpnGatewayId: DEMO_IDS.gateways.free1,
    });
    expect(typeof server?.CreateTime).toBe('number');
    expect(
      (await callError(client, 'ModifySslVpnServer', { ...hz, SslVpnServerId: id, Port: 1195 }))
        .code,
    ).toBe('VpnGateway.Configuring');
    clock.advance(3001);
    const modified = await call(client, 'ModifySslVpnServer', {
      ...hz,
      SslVpnServerId: id,
      Port: 1195,
      Proto: 'TCP',
    });
    expect(modified).toMatchObject({
      SslVpnServerId: id,
      Port: 1195,
      Proto: 'TCP',
      ClientIpPool: '10.30.0.0/24',
      LocalSubnet: '172.20.0.0/16',
    });
    expect(num(modified, 'MaxConnections')).toBe(5);
    clock.advance(3001);
    await call(client, 'DeleteSslVpnServer', { ...hz, SslVpnServerId: id });
    expect(
      (await call(client, 'DescribeSslVpnServers', { ...hz, SslVpnServerId: id })).TotalCount,
    ).toBe(0);
  });

  const cases: Array<[string, Record<string, string | number | boolean>, string]> = [
    ['forbidden port 443', { Port: 443 }, 'IllegalParam.Port'],
    ['forbidden port 4500', { Port: 4500 }, 'IllegalParam.Port'],
    ['port out of range', { Port: 70000 }, 'InvalidParameter'],
    [
      'second server on a gateway',
      {
        VpnGatewayId: DEMO_IDS.gateways.servers,
        LocalSubnet: '192.168.0.0/16',
        ClientIpPool: '10.40.0.0/24',
      },
      'Resource.QuotaFull',
    ],
    ['invalid name', { Name: 'http://x' }, 'InvalidName'],
    // Current API (newer than seed 003's 2–128 with a character rule): 1–100, not http(s)://.
    ['name starting with HTTPS://', { Name: 'HTTPS://office' }, 'InvalidName'],
    ['name of 101 characters', { Name: 'o'.repeat(101) }, 'InvalidName'],
    [
      'SSL-VPN disabled',
      { VpnGatewayId: DEMO_IDS.gateways.sslDisabled },
      'VpnGateway.SslVpnDisabled',
    ],
    [
      'financially locked',
      { VpnGatewayId: DEMO_IDS.gateways.locked },
      'VpnGateway.FinancialLocked',
    ],
    ['updating', { VpnGatewayId: DEMO_IDS.gateways.updating }, 'VpnGateway.Configuring'],
    ['unknown gateway', { VpnGatewayId: 'vpn-nope' }, 'InvalidVpnGatewayInstanceId.NotFound'],
    ['pool /30', { ClientIpPool: '10.30.0.0/30' }, 'ClientIpPool.NetmaskInvalid'],
    [
      'pool too small for 5 clients (a /28 holds 16 addresses, 5 × /30 need 20)',
      { ClientIpPool: '10.30.0.0/28' },
      'ClientIpPool.SubnetInvalid',
    ],
    [
      'pool overlaps local subnet',
      { ClientIpPool: '172.20.0.0/24' },
      'InvalidClientIpPool.Conflict',
    ],
    ['local subnet /7', { LocalSubnet: '10.0.0.0/7' }, 'IllegalParam.LocalSubnet'],
    ['local subnet in 127/8', { LocalSubnet: '127.0.0.0/8' }, 'IllegalParam.LocalSubnet'],
    ['unknown cipher', { Cipher: 'AES-512' }, 'InvalidParameter'],
    ['MFA without IDaaS', { EnableMultiFactorAuth: true }, 'MissingParameter'],
  ];
  it.each(cases)('%s → %s', async (_label, extra, code) => {
    expect((await callError(client, 'CreateSslVpnServer', create(extra))).code).toBe(code);
  });

  it('accepts MFA with a known IDaaS instance', async () => {
    const created = await call(
      client,
      'CreateSslVpnServer',
      create({
        EnableMultiFactorAuth: true,
        IDaaSInstanceId: DEMO_IDS.idaasInstance,
        IDaaSRegionId: 'cn-hangzhou',
      }),
    );
    expect(str(created, 'SslVpnServerId')).toMatch(/^vss-/);
  });

  it('lists with PageNumber/PageSize', async () => {
    const listed = await call(client, 'DescribeSslVpnServers', { ...hz, PageSize: 1 });
    expect(listed.TotalCount).toBe(1);
    expect(list(listed, 'SslVpnServers', 'SslVpnServer').map((s) => s.SslVpnServerId)).toEqual([
      DEMO_IDS.sslServers.hangzhou,
    ]);
    expect(
      (await callError(client, 'DeleteSslVpnServer', { ...hz, SslVpnServerId: 'vss-nope' })).code,
    ).toBe('InvalidSslVpnServerId.NotFound');
  });
});
