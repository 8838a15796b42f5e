import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, callError, manualClock, popClient, str, withEmulator } from '../../test/helpers';
import { DEMO_IDS, demoState } from '../seed';
import type { RunningEmulator } from '../server';

const hz = { RegionId: 'cn-hangzhou' };
const free = DEMO_IDS.gateways.free1;
const create = (extra: Record<string, string | number | boolean> = {}) => ({
  ...hz,
  VpnGatewayId: free,
  LocalSubnet: '172.20.0.0/16',
  ClientIpPool: '10.1.0.0/24',
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

const gatewayStatus = async (id: string) =>
  str(await call(client, 'DescribeVpnGateway', { ...hz, VpnGatewayId: id }), 'Status');

const serversSchema = z.array(
  z.looseObject({
    IpsecServerId: z.string(),
    Psk: z.string(),
    CreationTime: z.string(),
    IkeConfig: z.looseObject({ IkeVersion: z.string(), IkeAuthAlg: z.string() }),
    IpsecConfig: z.looseObject({ IpsecAuthAlg: z.string() }),
  }),
);

describe('CreateIpsecServer lifecycle', () => {
  it('is asynchronous: the gateway is updating for updatingMs, then active, and refuses writes meanwhile', async () => {
    const created = await call(
      client,
      'CreateIpsecServer',
      create({ IpSecServerName: 'roadwarriors' }),
    );
    expect(str(created, 'IpsecServerId')).toMatch(/^iss-/);
    expect(str(created, 'CreationTime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(str(created, 'IpsecServerName')).toBe('roadwarriors');
    expect(await gatewayStatus(free)).toBe('updating');
    const busy = await callError(client, 'UpdateIpsecServer', {
      ...hz,
      IpsecServerId: str(created, 'IpsecServerId'),
      LocalSubnet: '172.20.0.0/24',
    });
    expect(busy.code).toBe('VpnGateway.Configuring');
    clock.advance(3001);
    expect(await gatewayStatus(free)).toBe('active');
    await call(client, 'UpdateIpsecServer', {
      ...hz,
      IpsecServerId: str(created, 'IpsecServerId'),
      LocalSubnet: '172.20.0.0/24',
    });
    expect(await gatewayStatus(free)).toBe('updating');
  });

  it('renaming alone is synchronous', async () => {
    await call(client, 'UpdateIpsecServer', {
      ...hz,
      IpsecServerId: DEMO_IDS.ipsecServer,
      IpsecServerName: 'renamed',
    });
    expect(await gatewayStatus(DEMO_IDS.gateways.servers)).toBe('active');
    const list = await call(client, 'ListIpsecServers', { ...hz, IpsecServerName: 'renamed' });
    expect(serversSchema.parse(list.IpsecServers).map((s) => s.IpsecServerId)).toEqual([
      DEMO_IDS.ipsecServer,
    ]);
  });

  it('applies the documented defaults and a random 16-character PSK', async () => {
    await call(client, 'CreateIpsecServer', create());
    const list = await call(client, 'ListIpsecServers', { ...hz, VpnGatewayId: free });
    const [server] = serversSchema.parse(list.IpsecServers);
    expect(server?.Psk).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(server?.IkeConfig.IkeVersion).toBe('ikev2');
    expect(server?.IkeConfig.IkeAuthAlg).toBe('sha1');
    expect(server?.IpsecConfig.IpsecAuthAlg).toBe('sha1');
  });

  it('ClientToken makes a repeated create return the first result', async () => {
    const first = await call(client, 'CreateIpsecServer', create({ ClientToken: 'token-1' }));
    clock.advance(5000);
    const again = await call(client, 'CreateIpsecServer', create({ ClientToken: 'token-1' }));
    expect(again.IpsecServerId).toBe(first.IpsecServerId);
    expect(again.RequestId).not.toBe(first.RequestId);
    const list = await call(client, 'ListIpsecServers', { ...hz, VpnGatewayId: free });
    expect(list.TotalCount).toBe(1);
    const mismatch = await callError(
      client,
      'CreateIpsecServer',
      create({ ClientToken: 'token-1', ClientIpPool: '10.9.0.0/24' }),
    );
    expect(mismatch.code).toBe('IdempotentParameterMismatch');
  });

  it('counts the name length in characters (seed 001: 1–100), not UTF-16 units', async () => {
    const wide = '\u{20000}';
    const ok = await callError(
      client,
      'CreateIpsecServer',
      create({ DryRun: 'true', IpSecServerName: wide.repeat(100) }),
    );
    expect(ok.code).toBe('DryRunOperation');
    const tooLong = await callError(
      client,
      'CreateIpsecServer',
      create({ DryRun: 'true', IpSecServerName: wide.repeat(101) }),
    );
    expect(tooLong.code).toBe('InvalidName');
  });

  it('DryRun checks everything and answers DryRunOperation without creating', async () => {
    const dry = await callError(client, 'CreateIpsecServer', create({ DryRun: 'true' }));
    expect(dry.code).toBe('DryRunOperation');
    expect(await gatewayStatus(free)).toBe('active');
    expect((await call(client, 'ListIpsecServers', { ...hz, VpnGatewayId: free })).TotalCount).toBe(
      0,
    );
    const dryBad = await callError(
      client,
      'CreateIpsecServer',
      create({ DryRun: 'true', ClientIpPool: '10.1.0.0/30' }),
    );
    expect(dryBad.code).toBe('ClientIpPool.NetmaskInvalid');
  });
});

describe('CreateIpsecServer error conditions (seed 001)', () => {
  const cases: Array<[string, Record<string, string | number | boolean>, string]> = [
    [
      'old gateway version',
      { VpnGatewayId: DEMO_IDS.gateways.old },
      'OperationUnsupported.IPsecServer',
    ],
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
    ['gateway updating', { VpnGatewayId: DEMO_IDS.gateways.updating }, 'VpnGateway.Configuring'],
    [
      'server already present',
      {
        VpnGatewayId: DEMO_IDS.gateways.servers,
        LocalSubnet: '192.168.0.0/16',
        ClientIpPool: '10.2.0.0/24',
      },
      'OperationFailed.IPsecServerExist',
    ],
    [
      'unknown gateway',
      { VpnGatewayId: 'vpn-bp1doesnotexist0000' },
      'InvalidVpnGatewayInstanceId.NotFound',
    ],
    [
      'gateway of another region',
      { VpnGatewayId: DEMO_IDS.gateways.shanghaiFree },
      'InvalidVpnGatewayInstanceId.NotFound',
    ],
    ['pool mask /30', { ClientIpPool: '10.1.0.0/30' }, 'ClientIpPool.NetmaskInvalid'],
    ['pool mask /15', { ClientIpPool: '10.0.0.0/15' }, 'ClientIpPool.NetmaskInvalid'],
    ['pool in a reserved range', { ClientIpPool: '100.64.0.0/24' }, 'ClientIpPool.SubnetInvalid'],
    ['pool not a network address', { ClientIpPool: '10.1.0.1/24' }, 'ClientIpPool.SubnetInvalid'],
    [
      'pool overlapping the VPC',
      { ClientIpPool: '172.20.5.0/24', LocalSubnet: '192.168.0.0/24' },
      'InvalidClientIpPool.Conflict',
    ],
    [
      'pool overlapping the local subnet',
      { ClientIpPool: '192.168.1.0/24', LocalSubnet: '192.168.0.0/16' },
      'InvalidClientIpPool.Conflict',
    ],
    ['local subnet not canonical', { LocalSubnet: '172.20.0.1/16' }, 'IllegalParam.LocalSubnet'],
    ['local subnet malformed', { LocalSubnet: '172.20.0.0/16,nope' }, 'IllegalParam.LocalSubnet'],
    [
      'unsupported IPsec PFS',
      { IpsecConfig: JSON.stringify({ IpsecPfs: 'group24' }) },
      'OperationUnsupported.IpsecPfs',
    ],
    ['no authentication method', { PskEnabled: false }, 'IllegalParam.AuthMethod'],
    [
      'MFA without IDaaS instance',
      { MultiFactorAuthEnabled: true },
      'MissingParam.IDaaSInstanceId',
    ],
    [
      'unknown IDaaS instance',
      { MultiFactorAuthEnabled: true, IDaaSInstanceId: 'idaas-nope' },
      'InvalidIDaaSInstanceId.NotFound',
    ],
    [
      'IDaaS instance without RAM permission',
      { MultiFactorAuthEnabled: true, IDaaSInstanceId: DEMO_IDS.idaasNoPermission },
      'OperationFailed.NoRamPermission',
    ],
    ['name too long', { IpSecServerName: 'x'.repeat(101) }, 'InvalidName'],
    ['name starting with http://', { IpSecServerName: 'http://x' }, 'InvalidName'],
    ['bad IKE version', { IkeConfig: JSON.stringify({ IkeVersion: 'ikev3' }) }, 'InvalidParameter'],
    ['missing ClientIpPool', { ClientIpPool: '' }, 'MissingParameter'],
  ];
  it.each(cases)('%s → %s', async (_label, extra, code) => {
    expect((await callError(client, 'CreateIpsecServer', create(extra))).code).toBe(code);
  });

  it('refuses a client pool that conflicts with the SSL server pool (VpnRouteEntry.Conflict)', async () => {
    const error = await callError(client, 'CreateIpsecServer', {
      ...hz,
      VpnGatewayId: DEMO_IDS.gateways.servers,
      LocalSubnet: '192.168.0.0/16',
      ClientIpPool: '10.210.0.0/24',
    });
    // The demo gateway already holds an IPsec server, which is checked first.
    expect(error.code).toBe('OperationFailed.IPsecServerExist');
    await call(client, 'DeleteIpsecServer', { ...hz, IpsecServerId: DEMO_IDS.ipsecServer });
    clock.advance(3001);
    const conflict = await callError(client, 'CreateIpsecServer', {
      ...hz,
      VpnGatewayId: DEMO_IDS.gateways.servers,
      LocalSubnet: '192.168.0.0/16',
      ClientIpPool: '10.210.0.0/25',
    });
    expect(conflict.code).toBe('VpnRouteEntry.Conflict');
  });

  it('refuses when the VPC route table quota for the gateway is full (QuotaExceeded.VpnRouteEntry)', async () => {
    const remote = Array.from({ length: 50 }, (_, i) => `10.100.${i}.0/24`).join(',');
    await call(client, 'CreateVpnConnection', {
      ...hz,
      VpnGatewayId: free,
      CustomerGatewayId: DEMO_IDS.customerGateways.free,
      LocalSubnet: '172.20.0.0/16',
      RemoteSubnet: remote,
    });
    clock.advance(3001);
    expect((await callError(client, 'CreateIpsecServer', create())).code).toBe(
      'QuotaExceeded.VpnRouteEntry',
    );
  });

  it('UpdateIpsecServer and DeleteIpsecServer refuse an unknown id and a locked gateway', async () => {
    expect(
      (
        await callError(client, 'UpdateIpsecServer', {
          ...hz,
          IpsecServerId: 'iss-nope',
          LocalSubnet: '10.0.0.0/8',
        })
      ).code,
    ).toBe('InvalidIpsecServerId.NotFound');
    emulator.setBusinessStatus(DEMO_IDS.gateways.servers, 'FinancialLocked');
    expect(
      (
        await callError(client, 'UpdateIpsecServer', {
          ...hz,
          IpsecServerId: DEMO_IDS.ipsecServer,
          LocalSubnet: '192.168.0.0/24',
        })
      ).code,
    ).toBe('VpnGateway.FinancialLocked');
    emulator.setGatewayStatus(DEMO_IDS.gateways.servers, 'updating');
    expect(
      (await callError(client, 'DeleteIpsecServer', { ...hz, IpsecServerId: DEMO_IDS.ipsecServer }))
        .code,
    ).toBe('VpnGateway.Configuring');
  });
});

describe('ListIpsecServers', () => {
  it('pages with NextToken and MaxResults and returns a plain array', async () => {
    await call(client, 'CreateIpsecServer', create());
    await call(
      client,
      'CreateIpsecServer',
      create({ VpnGatewayId: DEMO_IDS.gateways.free2, LocalSubnet: '172.21.0.0/16' }),
    );
    const first = await call(client, 'ListIpsecServers', { ...hz, MaxResults: 2 });
    expect(Array.isArray(first.IpsecServers)).toBe(true);
    expect(first.TotalCount).toBe(3);
    expect(first.MaxResults).toBe(2);
    expect(serversSchema.parse(first.IpsecServers)).toHaveLength(2);
    const token = str(first, 'NextToken');
    expect(token).not.toBe('');
    const second = await call(client, 'ListIpsecServers', {
      ...hz,
      MaxResults: 2,
      NextToken: token,
    });
    expect(serversSchema.parse(second.IpsecServers)).toHaveLength(1);
    expect(second.NextToken).toBe('');
    const ids = [
      ...serversSchema.parse(first.IpsecServers),
      ...serversSchema.parse(second.IpsecServers),
    ].map((s) => s.IpsecServerId);
    expect(new Set(ids).size).toBe(3);
    expect((await callError(client, 'ListIpsecServers', { ...hz, MaxResults: 21 })).code).toBe(
      'InvalidParameter',
    );
  });

  it('filters by IpsecServerId.N and answers an empty list for an unknown id', async () => {
    const byId = await call(client, 'ListIpsecServers', {
      ...hz,
      'IpsecServerId.1': DEMO_IDS.ipsecServer,
    });
    expect(byId.TotalCount).toBe(1);
    const none = await call(client, 'ListIpsecServers', { ...hz, 'IpsecServerId.1': 'iss-nope' });
    expect(none.TotalCount).toBe(0);
    expect(none.IpsecServers).toEqual([]);
  });
});

describe('CreateIpsecServer on an SM (国密) gateway', () => {
  it('defaults to ikev1/main/sm4/sm3 when IkeConfig and IpsecConfig are omitted (SM has no IKEv2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emulator-sm-'));
    const stateFile = join(dir, 'state.json');
    const state = demoState(clock.now(), 3000);
    for (const g of state.gateways)
      if (g.VpnGatewayId === DEMO_IDS.gateways.sm) g.SslVpn = 'enable';
    writeFileSync(stateFile, JSON.stringify(state));
    const sm = await withEmulator({ stateFile, clock: clock.now });
    try {
      const smClient = popClient(sm.url);
      const sh = { RegionId: 'cn-shanghai' };
      const ikev2 = await callError(smClient, 'CreateIpsecServer', {
        ...sh,
        VpnGatewayId: DEMO_IDS.gateways.sm,
        LocalSubnet: '172.16.0.0/16',
        ClientIpPool: '10.41.0.0/24',
        IkeConfig: '{"IkeVersion":"ikev2"}',
        DryRun: 'true',
      });
      expect(ikev2.code).toBe('InvalidParameter');
      const created = await call(smClient, 'CreateIpsecServer', {
        ...sh,
        VpnGatewayId: DEMO_IDS.gateways.sm,
        LocalSubnet: '172.16.0.0/16',
        ClientIpPool: '10.40.0.0/24',
      });
      const listed = await call(smClient, 'ListIpsecServers', {
        ...sh,
        'IpsecServerId.1': str(created, 'IpsecServerId'),
      });
      const [server] = serversSchema.parse(listed.IpsecServers);
      expect(server?.IkeConfig).toMatchObject({
        IkeVersion: 'ikev1',
        IkeMode: 'main',
        IkeEncAlg: 'sm4',
        IkeAuthAlg: 'sm3',
      });
      expect(server?.IpsecConfig).toMatchObject({ IpsecEncAlg: 'sm4', IpsecAuthAlg: 'sm3' });
    } finally {
      await sm.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
