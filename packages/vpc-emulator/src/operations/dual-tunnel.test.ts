import {
  CreateVpnConnectionRequest,
  CreateVpnConnectionRequestTunnelOptionsSpecification,
  CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelBgpConfig,
  CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelIkeConfig,
  DescribeVpnConnectionRequest,
  DescribeVpnGatewayRequest,
  DownloadVpnConnectionConfigRequest,
  ModifyTunnelAttributeRequest,
  ModifyTunnelAttributeRequestTunnelOptionsSpecification,
  ModifyTunnelAttributeRequestTunnelOptionsSpecificationTunnelIkeConfig,
  ModifyVpnConnectionAttributeRequest,
  ModifyVpnConnectionAttributeRequestTunnelOptionsSpecification,
  ModifyVpnConnectionAttributeRequestTunnelOptionsSpecificationTunnelIpsecConfig,
} from '@alicloud/vpc20160428';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  call,
  callError,
  manualClock,
  popClient,
  sdkClient,
  sdkError,
  str,
  withEmulator,
} from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';
import { cooperativePeer } from '../state';

const hz = { RegionId: 'cn-hangzhou' };
const sh = { RegionId: 'cn-shanghai' };
const ids = DEMO_IDS;
const CA = '-----BEGIN CERTIFICATE-----\nMIIB7zCCAZWgAwIBAgIDTUN=\n-----END CERTIFICATE-----';

let emulator: RunningEmulator;
let clock: ReturnType<typeof manualClock>;
let client: ReturnType<typeof popClient>;

beforeEach(async () => {
  clock = manualClock();
  emulator = await withEmulator({ updatingMs: 3000, negotiationMs: 2000, clock: clock.now });
  client = popClient(emulator.url);
});
afterEach(async () => {
  await emulator.close();
});

/** The wire shape of one described tunnel: numbers and booleans as strings (SDK models). */
const describedTunnelSchema = z.strictObject({
  TunnelId: z.string().regex(/^tun-/),
  TunnelIndex: z.number(),
  Role: z.enum(['master', 'slave']),
  State: z.enum(['active', 'updating']),
  Status: z.string(),
  CustomerGatewayId: z.string(),
  InternetIp: z.string(),
  ZoneNo: z.string(),
  EnableDpd: z.enum(['true', 'false']),
  EnableNatTraversal: z.enum(['true', 'false']),
  RemoteCaCertificate: z.string(),
  TunnelBgpConfig: z.strictObject({
    LocalAsn: z.string(),
    PeerAsn: z.string(),
    LocalBgpIp: z.string(),
    PeerBgpIp: z.string(),
    TunnelCidr: z.string(),
    BgpStatus: z.string(),
  }),
  TunnelIkeConfig: z.strictObject({
    IkeVersion: z.string(),
    IkeMode: z.string(),
    IkeEncAlg: z.string(),
    IkeAuthAlg: z.string(),
    IkePfs: z.string(),
    IkeLifetime: z.string().regex(/^\d+$/),
    LocalId: z.string(),
    RemoteId: z.string(),
    Psk: z.string(),
  }),
  TunnelIpsecConfig: z.strictObject({
    IpsecEncAlg: z.string(),
    IpsecAuthAlg: z.string(),
    IpsecPfs: z.string(),
    IpsecLifetime: z.string().regex(/^\d+$/),
  }),
});

const dualConnectionSchema = z.looseObject({
  VpnConnectionId: z.string(),
  CustomerGatewayId: z.literal(''),
  Status: z.string(),
  State: z.string(),
  EnableTunnelsBgp: z.boolean(),
  TunnelOptionsSpecification: z.object({ TunnelOptions: z.array(describedTunnelSchema) }),
});

async function describeDual(id: string, region = hz) {
  const body = dualConnectionSchema.parse(
    await call(client, 'DescribeVpnConnection', { ...region, VpnConnectionId: id }),
  );
  const tunnels = body.TunnelOptionsSpecification.TunnelOptions;
  const byRole = (role: 'master' | 'slave') => {
    const tunnel = tunnels.find((t) => t.Role === role);
    if (tunnel === undefined) throw new Error(`no ${role} tunnel`);
    return tunnel;
  };
  return { body, tunnels, master: byRole('master'), slave: byRole('slave') };
}

/** Flattened `TunnelOptionsSpecification.N.*` keys, as pop-core needs them (reference §1.4). */
function tunnelParams(
  n: number,
  spec: Record<string, string | number | boolean>,
): Record<string, string | number | boolean> {
  return Object.fromEntries(
    Object.entries(spec).map(([k, v]) => [`TunnelOptionsSpecification.${n}.${k}`, v]),
  );
}

const dualCreate = (extra: Record<string, string | number | boolean> = {}) => ({
  ...hz,
  VpnGatewayId: ids.gateways.dualTunnelFree,
  LocalSubnet: '172.23.0.0/16',
  RemoteSubnet: '10.90.0.0/16',
  ...tunnelParams(1, { Role: 'master', CustomerGatewayId: ids.customerGateways.dualFreeA }),
  ...tunnelParams(2, { Role: 'slave', CustomerGatewayId: ids.customerGateways.dualFreeB }),
  ...extra,
});

describe('dual-tunnel gateways', () => {
  it('DescribeVpnGateway shows the second IP and vSwitch only on dual-tunnel gateways', async () => {
    const dual = await call(client, 'DescribeVpnGateway', {
      ...hz,
      VpnGatewayId: ids.gateways.dualTunnel,
    });
    expect(dual).toMatchObject({
      InternetIp: '192.0.2.130',
      DisasterRecoveryInternetIp: '192.0.2.132',
      DisasterRecoveryVSwitchId: 'vsw-demo0013dr',
      SslVpnInternetIp: '',
    });
    const single = await call(client, 'DescribeVpnGateway', {
      ...hz,
      VpnGatewayId: ids.gateways.free1,
    });
    expect(single).toMatchObject({ DisasterRecoveryInternetIp: '', DisasterRecoveryVSwitchId: '' });
    const sm = await sdkClient(emulator.url).describeVpnGateway(
      new DescribeVpnGatewayRequest({
        regionId: 'cn-shanghai',
        vpnGatewayId: ids.gateways.dualTunnelSm,
      }),
    );
    expect(sm.body?.vpnType).toBe('NationalStandard');
    expect(sm.body?.disasterRecoveryInternetIp).toBe('192.0.2.162');
  });

  it('the demo shows a healthy dual-tunnel connection with BGP on both tunnels', async () => {
    const { body, tunnels, master, slave } = await describeDual(ids.connections.dualHealthy);
    expect(body.Status).toBe('ipsec_sa_established');
    expect(body.EnableTunnelsBgp).toBe(true);
    expect(body).not.toHaveProperty('IkeConfig');
    expect(tunnels.map((t) => t.TunnelIndex)).toEqual([1, 2]);
    expect(master).toMatchObject({
      TunnelId: ids.tunnels.dualHealthyMaster,
      Status: 'ipsec_sa_established',
      State: 'active',
      CustomerGatewayId: ids.customerGateways.dualA,
      InternetIp: '192.0.2.130',
      ZoneNo: 'cn-hangzhou-k',
      EnableDpd: 'true',
      TunnelBgpConfig: {
        LocalAsn: '65530',
        PeerAsn: '65010',
        TunnelCidr: '169.254.20.0/30',
        LocalBgpIp: '169.254.20.1',
        PeerBgpIp: '169.254.20.2',
        BgpStatus: 'success',
      },
    });
    expect(master.TunnelIkeConfig.IkeLifetime).toBe('86400');
    expect(slave).toMatchObject({
      InternetIp: '192.0.2.132',
      ZoneNo: 'cn-hangzhou-j',
      Status: 'ipsec_sa_established',
    });
  });

  it('the demo shows a dual-tunnel connection with its standby tunnel down', async () => {
    const { body, master, slave } = await describeDual(ids.connections.dualOneTunnelDown, sh);
    expect(master.Status).toBe('ipsec_sa_established');
    expect(slave.Status).toBe('ike_sa_not_established');
    expect(slave.TunnelBgpConfig.BgpStatus).toBe('');
    // The connection carries traffic over the master.
    expect(body.Status).toBe('ipsec_sa_established');
  });

  it('creates with flattened keys (pop-core): two tunnels, documented defaults, BGP on both', async () => {
    const created = await call(
      client,
      'CreateVpnConnection',
      dualCreate({
        Name: 'dual',
        EnableTunnelsBgp: true,
        ...tunnelParams(1, {
          'TunnelBgpConfig.LocalAsn': 65531,
          'TunnelBgpConfig.TunnelCidr': '169.254.30.0/30',
          'TunnelBgpConfig.LocalBgpIp': '169.254.30.1',
          'TunnelIkeConfig.Psk': 'tunnel-one-key',
          'TunnelIkeConfig.IkeVersion': 'ikev2',
        }),
        ...tunnelParams(2, {
          'TunnelBgpConfig.LocalAsn': 65531,
          'TunnelBgpConfig.TunnelCidr': '169.254.31.0/30',
          'TunnelBgpConfig.LocalBgpIp': '169.254.31.1',
          EnableDpd: false,
        }),
      }),
    );
    const id = str(created, 'VpnConnectionId');
    let view = await describeDual(id);
    expect(view.master.State).toBe('updating');
    expect(view.master.Status).toBe('ike_sa_not_established');
    expect(view.master.TunnelIkeConfig).toMatchObject({
      Psk: 'tunnel-one-key',
      IkeVersion: 'ikev2',
      IkeAuthAlg: 'md5',
      IkeEncAlg: 'aes',
      IkePfs: 'group2',
      LocalId: '192.0.2.140',
      RemoteId: '198.51.100.40',
    });
    // PSK random 16 characters when omitted; LocalId is each tunnel's own IP.
    expect(view.slave.TunnelIkeConfig.Psk).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(view.slave.TunnelIkeConfig.LocalId).toBe('192.0.2.142');
    expect(view.slave.EnableDpd).toBe('false');
    expect(view.slave.TunnelIpsecConfig).toEqual({
      IpsecEncAlg: 'aes',
      IpsecAuthAlg: 'md5',
      IpsecPfs: 'group2',
      IpsecLifetime: '86400',
    });
    clock.advance(3000 + 2000);
    view = await describeDual(id);
    expect(view.tunnels.map((t) => [t.State, t.Status, t.TunnelBgpConfig.BgpStatus])).toEqual([
      ['active', 'ipsec_sa_established', 'success'],
      ['active', 'ipsec_sa_established', 'success'],
    ]);
  });

  it('negotiates each tunnel from its own customer gateway’s peer profile', async () => {
    emulator.setPeerProfile(ids.customerGateways.dualFreeB, {
      ...cooperativePeer,
      ikeVersions: ['ikev2'],
    });
    const id = str(await call(client, 'CreateVpnConnection', dualCreate()), 'VpnConnectionId');
    clock.advance(3000 + 1000);
    expect((await describeDual(id)).tunnels.map((t) => t.Status)).toEqual([
      'ike_sa_established',
      'ike_sa_not_established',
    ]);
    clock.advance(1000);
    expect((await describeDual(id)).tunnels.map((t) => t.Status)).toEqual([
      'ipsec_sa_established',
      'ike_sa_not_established',
    ]);
  });

  it.each([
    ['CustomerGatewayId', ids.customerGateways.dualFreeA],
    ['IkeConfig', '{"IkeVersion":"ikev2"}'],
    ['IpsecConfig', '{"IpsecPfs":"group14"}'],
    ['BgpConfig', '{"EnableBgp":"false"}'],
    ['HealthCheckConfig', '{"enable":"false"}'],
    ['EnableDpd', true],
    ['EnableNatTraversal', false],
    ['RemoteCaCertificate', CA],
  ])('refuses the single-tunnel parameter %s on a dual-tunnel gateway', async (name, value) => {
    const error = await callError(client, 'CreateVpnConnection', dualCreate({ [name]: value }));
    expect([error.code, error.status]).toEqual(['InvalidParameter', 400]);
    expect(error.message).toContain(`"${name}"`);
  });

  it('refuses a dual-tunnel create that is not exactly one master and one slave', async () => {
    const { VpnGatewayId, LocalSubnet, RemoteSubnet } = dualCreate();
    const base = { ...hz, VpnGatewayId, LocalSubnet, RemoteSubnet };
    expect(await callError(client, 'CreateVpnConnection', base)).toMatchObject({
      code: 'MissingParameter',
      message: expect.stringContaining('TunnelOptionsSpecification') as unknown,
    });
    const one = {
      ...base,
      ...tunnelParams(1, { Role: 'master', CustomerGatewayId: ids.customerGateways.dualFreeA }),
    };
    expect((await callError(client, 'CreateVpnConnection', one)).code).toBe('InvalidParameter');
    const twoMasters = dualCreate(tunnelParams(2, { Role: 'master' }));
    expect((await callError(client, 'CreateVpnConnection', twoMasters)).message).toContain(
      'TunnelOptionsSpecification.N.Role',
    );
    const noPeer = {
      ...base,
      ...tunnelParams(1, { Role: 'master', CustomerGatewayId: ids.customerGateways.dualFreeA }),
      ...tunnelParams(2, { Role: 'slave' }),
    };
    expect(await callError(client, 'CreateVpnConnection', noPeer)).toMatchObject({
      code: 'MissingParameter',
      message: expect.stringContaining('TunnelOptionsSpecification.2.CustomerGatewayId') as unknown,
    });
  });

  it('checks every tunnel setting and names the flattened key', async () => {
    const cases: Array<[Record<string, string | number | boolean>, string, string]> = [
      [
        { EnableTunnelsBgp: true },
        'MissingParameter',
        'TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn',
      ],
      [
        tunnelParams(2, { 'TunnelIkeConfig.IkeEncAlg': 'sm4' }),
        'InvalidParameter',
        'TunnelOptionsSpecification.2.TunnelIkeConfig.IkeEncAlg',
      ],
      [
        tunnelParams(1, { 'TunnelIpsecConfig.IpsecPfs': 'group24' }),
        'InvalidParameter',
        'TunnelOptionsSpecification.1.TunnelIpsecConfig.IpsecPfs',
      ],
      [
        tunnelParams(1, { 'TunnelIkeConfig.Psk': 'has space' }),
        'InvalidParameter',
        'TunnelOptionsSpecification.1.TunnelIkeConfig.Psk',
      ],
      [
        tunnelParams(2, { RemoteCaCertificate: CA }),
        'InvalidParameter',
        'TunnelOptionsSpecification.2.RemoteCaCertificate',
      ],
      [
        tunnelParams(2, { CustomerGatewayId: 'cgw-nope' }),
        'InvalidCustomerGatewayInstanceId.NotFound',
        'customer gateway',
      ],
    ];
    for (const [extra, code, text] of cases) {
      const error = await callError(client, 'CreateVpnConnection', dualCreate(extra));
      expect([error.code, error.message]).toEqual([code, expect.stringContaining(text)]);
    }
    const sameCidr = {
      EnableTunnelsBgp: true,
      ...tunnelParams(1, {
        'TunnelBgpConfig.LocalAsn': 65000,
        'TunnelBgpConfig.TunnelCidr': '169.254.40.0/30',
        'TunnelBgpConfig.LocalBgpIp': '169.254.40.1',
      }),
      ...tunnelParams(2, {
        'TunnelBgpConfig.LocalAsn': 65000,
        'TunnelBgpConfig.TunnelCidr': '169.254.40.0/30',
        'TunnelBgpConfig.LocalBgpIp': '169.254.40.2',
      }),
    };
    expect(
      (await callError(client, 'CreateVpnConnection', dualCreate(sameCidr))).message,
    ).toContain('TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr');
  });

  it('refuses dual-tunnel parameters on a single-tunnel gateway', async () => {
    const single = {
      ...hz,
      VpnGatewayId: ids.gateways.free1,
      CustomerGatewayId: ids.customerGateways.free,
      LocalSubnet: '172.20.0.0/16',
      RemoteSubnet: '10.50.0.0/16',
    };
    const withTunnels = {
      ...single,
      ...tunnelParams(1, { Role: 'master', CustomerGatewayId: ids.customerGateways.free }),
    };
    expect(await callError(client, 'CreateVpnConnection', withTunnels)).toMatchObject({
      code: 'InvalidParameter',
      message: expect.stringContaining('"TunnelOptionsSpecification"') as unknown,
    });
    expect(
      (await callError(client, 'CreateVpnConnection', { ...single, EnableTunnelsBgp: false }))
        .message,
    ).toContain('"EnableTunnelsBgp"');
    expect(
      (
        await callError(client, 'ModifyVpnConnectionAttribute', {
          ...hz,
          VpnConnectionId: ids.connections.established,
          ...tunnelParams(1, { TunnelId: ids.tunnels.dualHealthyMaster }),
        })
      ).code,
    ).toBe('InvalidParameter');
  });

  it('ModifyVpnConnectionAttribute changes one tunnel by TunnelId; only that tunnel renegotiates', async () => {
    const answer = await call(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: ids.connections.dualHealthy,
      ...tunnelParams(1, {
        TunnelId: ids.tunnels.dualHealthySlave,
        'TunnelIkeConfig.IkeLifetime': 28800,
        'TunnelIkeConfig.IkeEncAlg': 'aes192',
      }),
    });
    // The echo is typed (numbers and booleans), unlike DescribeVpnConnection.
    const echoed = z
      .object({
        TunnelOptionsSpecification: z.object({
          TunnelOptions: z.array(
            z.looseObject({
              TunnelId: z.string(),
              EnableDpd: z.boolean(),
              TunnelIkeConfig: z.looseObject({ IkeLifetime: z.number(), IkeEncAlg: z.string() }),
            }),
          ),
        }),
      })
      .parse(answer);
    expect(echoed.TunnelOptionsSpecification.TunnelOptions[1]?.TunnelIkeConfig).toMatchObject({
      IkeLifetime: 28800,
      IkeEncAlg: 'aes192',
    });
    const view = await describeDual(ids.connections.dualHealthy);
    expect([view.master.State, view.master.Status]).toEqual(['active', 'ipsec_sa_established']);
    expect([view.slave.State, view.slave.Status]).toEqual(['updating', 'ike_sa_not_established']);
    expect(view.slave.TunnelIkeConfig.IkeLifetime).toBe('28800');
    clock.advance(5000);
    expect((await describeDual(ids.connections.dualHealthy)).slave.Status).toBe(
      'ipsec_sa_established',
    );
    const unknownTunnel = await callError(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: ids.connections.dualHealthy,
      ...tunnelParams(1, { TunnelId: 'tun-nope', 'TunnelIkeConfig.IkeMode': 'main' }),
    });
    expect(unknownTunnel.message).toContain('TunnelOptionsSpecification.1.TunnelId');
    const singleParam = await callError(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: ids.connections.dualHealthy,
      IkeConfig: '{"IkeVersion":"ikev2"}',
    });
    expect(singleParam.message).toContain('"IkeConfig"');
  });

  it('ModifyTunnelAttribute fixes the down tunnel’s PSK and it comes up', async () => {
    const answer = await call(client, 'ModifyTunnelAttribute', {
      ...sh,
      VpnConnectionId: ids.connections.dualOneTunnelDown,
      TunnelId: ids.tunnels.dualDownSlave,
      'TunnelOptionsSpecification.TunnelIkeConfig.Psk': ids.peerPsk,
    });
    expect(answer).toMatchObject({
      TunnelId: ids.tunnels.dualDownSlave,
      Role: 'slave',
      State: 'updating',
      EnableNatTraversal: true,
      TunnelIkeConfig: { Psk: ids.peerPsk, IkeLifetime: 86400 },
    });
    clock.advance(5000);
    const view = await describeDual(ids.connections.dualOneTunnelDown, sh);
    expect(view.tunnels.map((t) => t.Status)).toEqual([
      'ipsec_sa_established',
      'ipsec_sa_established',
    ]);
    expect(
      (
        await callError(client, 'ModifyTunnelAttribute', {
          ...sh,
          VpnConnectionId: ids.connections.dualOneTunnelDown,
          TunnelId: ids.tunnels.dualHealthyMaster,
        })
      ).message,
    ).toContain('"TunnelId"');
  });
});

describe('DownloadVpnConnectionConfig of a dual-tunnel connection', () => {
  it('gives each tunnel its own peer, IP and phases, and the BGP sessions from the device side', async () => {
    const body = await call(client, 'DownloadVpnConnectionConfig', {
      ...hz,
      VpnConnectionId: ids.connections.dualHealthy,
    });
    expect(body.VpnConnectionConfig).toMatchObject({
      LocalSubnet: '10.70.0.0/16',
      RemoteSubnet: '172.22.0.0/16',
      TunnelsConfig: {
        TunnelConfig: [
          {
            TunnelId: ids.tunnels.dualHealthyMaster,
            Local: '203.0.113.70',
            Remote: '192.0.2.130',
            IkeConfig: { LocalId: '203.0.113.70', RemoteId: '192.0.2.130', IkeLifetime: 86400 },
          },
          { TunnelId: ids.tunnels.dualHealthySlave, Local: '203.0.113.71', Remote: '192.0.2.132' },
        ],
      },
      BgpConfigs: {
        BgpConfig: [
          {
            TunnelId: ids.tunnels.dualHealthyMaster,
            LocalAsn: '65010',
            PeerAsn: '65530',
            LocalBgpIp: '169.254.20.2',
            PeerBgpIp: '169.254.20.1',
            TunnelCidr: '169.254.20.0/30',
          },
          { TunnelId: ids.tunnels.dualHealthySlave, TunnelCidr: '169.254.21.0/30' },
        ],
      },
    });
    const sdk = await sdkClient(emulator.url).downloadVpnConnectionConfig(
      new DownloadVpnConnectionConfigRequest({
        regionId: 'cn-shanghai',
        vpnConnectionId: ids.connections.dualOneTunnelDown,
      }),
    );
    const config = sdk.body?.vpnConnectionConfig;
    expect(config?.tunnelsConfig?.tunnelConfig?.map((t) => [t.local, t.remote])).toEqual([
      ['203.0.113.80', '192.0.2.150'],
      ['203.0.113.81', '192.0.2.152'],
    ]);
    expect(config?.bgpConfigs?.bgpConfig).toEqual([]);
  });
});

describe('dual-tunnel connections through @alicloud/vpc20160428', () => {
  it('creates, describes (strings), modifies a tunnel and changes one with ModifyTunnelAttribute', async () => {
    const sdk = sdkClient(emulator.url);
    const spec = (role: string, cgw: string, cidr: string) =>
      new CreateVpnConnectionRequestTunnelOptionsSpecification({
        role,
        customerGatewayId: cgw,
        enableNatTraversal: true,
        tunnelBgpConfig: new CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelBgpConfig({
          localAsn: 65001,
          tunnelCidr: cidr,
          localBgpIp: cidr.replace('0/30', '1'),
        }),
        tunnelIkeConfig: new CreateVpnConnectionRequestTunnelOptionsSpecificationTunnelIkeConfig({
          ikeVersion: 'ikev2',
          ikeEncAlg: 'aes256',
          ikeAuthAlg: 'sha256',
          ikePfs: 'group14',
          ikeLifetime: 3600,
        }),
      });
    const created = await sdk.createVpnConnection(
      new CreateVpnConnectionRequest({
        regionId: 'cn-hangzhou',
        vpnGatewayId: ids.gateways.dualTunnelFree,
        localSubnet: '172.23.0.0/16',
        remoteSubnet: '10.91.0.0/16',
        name: 'sdk dual/1',
        enableTunnelsBgp: true,
        tunnelOptionsSpecification: [
          spec('master', ids.customerGateways.dualFreeA, '169.254.50.0/30'),
          spec('slave', ids.customerGateways.dualFreeB, '169.254.51.0/30'),
        ],
      }),
    );
    const id = created.body?.vpnConnectionId ?? '';
    expect(id).toMatch(/^vco-/);
    clock.advance(5000);
    const described = await sdk.describeVpnConnection(
      new DescribeVpnConnectionRequest({ regionId: 'cn-hangzhou', vpnConnectionId: id }),
    );
    const tunnels = described.body?.tunnelOptionsSpecification?.tunnelOptions ?? [];
    expect(described.body?.enableTunnelsBgp).toBe(true);
    expect(tunnels.map((t) => [t.role, t.status, t.tunnelIndex])).toEqual([
      ['master', 'ipsec_sa_established', 1],
      ['slave', 'ipsec_sa_established', 2],
    ]);
    expect(tunnels[0]?.tunnelIkeConfig?.ikeLifetime).toBe('3600');
    expect(tunnels[1]?.tunnelBgpConfig).toMatchObject({
      localAsn: '65001',
      peerAsn: '65020',
      peerBgpIp: '169.254.51.2',
      bgpStatus: 'success',
    });
    const slaveId = tunnels[1]?.tunnelId ?? '';

    const modified = await sdk.modifyVpnConnectionAttribute(
      new ModifyVpnConnectionAttributeRequest({
        regionId: 'cn-hangzhou',
        vpnConnectionId: id,
        tunnelOptionsSpecification: [
          new ModifyVpnConnectionAttributeRequestTunnelOptionsSpecification({
            tunnelId: slaveId,
            tunnelIpsecConfig:
              new ModifyVpnConnectionAttributeRequestTunnelOptionsSpecificationTunnelIpsecConfig({
                ipsecPfs: 'disabled',
              }),
          }),
        ],
      }),
    );
    expect(
      modified.body?.tunnelOptionsSpecification?.tunnelOptions?.[1]?.tunnelIpsecConfig?.ipsecPfs,
    ).toBe('disabled');
    clock.advance(5000);

    const tunnelChange = await sdk.modifyTunnelAttribute(
      new ModifyTunnelAttributeRequest({
        regionId: 'cn-hangzhou',
        vpnConnectionId: id,
        tunnelId: slaveId,
        tunnelOptionsSpecification: new ModifyTunnelAttributeRequestTunnelOptionsSpecification({
          enableDpd: false,
          tunnelIkeConfig:
            new ModifyTunnelAttributeRequestTunnelOptionsSpecificationTunnelIkeConfig({
              psk: 'sdk-tunnel-key',
            }),
        }),
      }),
    );
    expect(tunnelChange.body).toMatchObject({ tunnelId: slaveId, enableDpd: false, role: 'slave' });
    expect(tunnelChange.body?.tunnelIkeConfig?.psk).toBe('sdk-tunnel-key');

    const refused = await sdkError(() =>
      sdk.createVpnConnection(
        new CreateVpnConnectionRequest({
          regionId: 'cn-hangzhou',
          vpnGatewayId: ids.gateways.dualTunnelFree,
          customerGatewayId: ids.customerGateways.dualFreeA,
          localSubnet: '172.23.0.0/16',
          remoteSubnet: '10.92.0.0/16',
        }),
      ),
    );
    expect([refused.code, refused.statusCode]).toEqual(['InvalidParameter', 400]);
  });

  it('creates on an SM dual-tunnel gateway with a CA certificate per tunnel', async () => {
    const sdk = sdkClient(emulator.url);
    const tunnel = (role: string, ca: string | undefined) =>
      new CreateVpnConnectionRequestTunnelOptionsSpecification({
        role,
        customerGatewayId: ids.customerGateways.shanghaiFree,
        ...(ca === undefined ? {} : { remoteCaCertificate: ca }),
      });
    const request = (ca2: string | undefined) =>
      new CreateVpnConnectionRequest({
        regionId: 'cn-shanghai',
        vpnGatewayId: ids.gateways.dualTunnelSm,
        localSubnet: '172.25.0.0/16',
        remoteSubnet: '10.93.0.0/16',
        tunnelOptionsSpecification: [tunnel('master', CA), tunnel('slave', ca2)],
      });
    const missing = await sdkError(() => sdk.createVpnConnection(request(undefined)));
    expect(missing.code).toBe('MissingParameter');
    expect(missing.message).toContain('TunnelOptionsSpecification.2.RemoteCaCertificate');
    const created = await sdk.createVpnConnection(request(CA));
    const described = await sdk.describeVpnConnection(
      new DescribeVpnConnectionRequest({
        regionId: 'cn-shanghai',
        vpnConnectionId: created.body?.vpnConnectionId ?? '',
      }),
    );
    const tunnels = described.body?.tunnelOptionsSpecification?.tunnelOptions ?? [];
    expect(
      tunnels.map((t) => [t.tunnelIkeConfig?.ikeEncAlg, t.tunnelIpsecConfig?.ipsecAuthAlg]),
    ).toEqual([
      ['sm4', 'sm3'],
      ['sm4', 'sm3'],
    ]);
    expect(tunnels.map((t) => t.internetIp)).toEqual(['192.0.2.160', '192.0.2.162']);
  });
});
