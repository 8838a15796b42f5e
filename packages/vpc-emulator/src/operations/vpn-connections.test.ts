import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  call,
  callError,
  list,
  manualClock,
  popClient,
  str,
  withEmulator,
} from '../../test/helpers';
import { DEMO_IDS } from '../seed';
import type { RunningEmulator } from '../server';
import { cooperativePeer } from '../state';

const hz = { RegionId: 'cn-hangzhou' };
const free = DEMO_IDS.gateways.free1;

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

const connectionSchema = z.looseObject({
  VpnConnectionId: z.string(),
  Status: z.string(),
  State: z.string(),
  CreateTime: z.number(),
  IkeConfig: z.looseObject({
    Psk: z.string(),
    IkeVersion: z.string(),
    IkeAuthAlg: z.string(),
    IkeEncAlg: z.string(),
  }),
  IpsecConfig: z.looseObject({ IpsecAuthAlg: z.string() }),
});

const describeConnection = async (id: string, region = 'cn-hangzhou') =>
  connectionSchema.parse(
    await call(client, 'DescribeVpnConnection', { RegionId: region, VpnConnectionId: id }),
  );

const createParams = (extra: Record<string, string | number | boolean> = {}) => ({
  ...hz,
  VpnGatewayId: free,
  CustomerGatewayId: DEMO_IDS.customerGateways.free,
  LocalSubnet: '172.20.0.0/16',
  RemoteSubnet: '10.50.0.0/16',
  ...extra,
});

describe('negotiation status from the simulated peer', () => {
  it('demo connections show every negotiation state', async () => {
    const c = DEMO_IDS.connections;
    expect((await describeConnection(c.established)).Status).toBe('ipsec_sa_established');
    expect((await describeConnection(c.ikeNotEstablished)).Status).toBe('ike_sa_not_established');
    expect((await describeConnection(c.pskMismatch)).Status).toBe('ike_sa_not_established');
    expect((await describeConnection(c.ipsecNotEstablished)).Status).toBe(
      'ipsec_sa_not_established',
    );
    expect((await describeConnection(c.ikeEstablished)).Status).toBe('ike_sa_established');
    expect((await describeConnection(c.sm, 'cn-shanghai')).Status).toBe('ipsec_sa_established');
  });

  it('a new connection to a cooperative peer goes through phase 1 to ipsec_sa_established', async () => {
    const created = await call(client, 'CreateVpnConnection', createParams({ Name: 'to-branch' }));
    const id = str(created, 'VpnConnectionId');
    expect(id).toMatch(/^vco-/);
    let conn = await describeConnection(id);
    expect(conn.State).toBe('updating');
    expect(conn.Status).toBe('ike_sa_not_established');
    expect(conn.IkeConfig.Psk).toMatch(/^[A-Za-z0-9]{16}$/);
    expect(conn.IkeConfig.IkeVersion).toBe('ikev1');
    expect(conn.IkeConfig.IkeAuthAlg).toBe('md5');
    clock.advance(3000 + 1000);
    conn = await describeConnection(id);
    expect(conn.State).toBe('active');
    expect(conn.Status).toBe('ike_sa_established');
    clock.advance(1000);
    expect((await describeConnection(id)).Status).toBe('ipsec_sa_established');
  });

  it('stays at ike_sa_not_established when the peer refuses phase 1, ipsec_sa_not_established for phase 2', async () => {
    emulator.setPeerProfile(DEMO_IDS.customerGateways.free, {
      ...cooperativePeer,
      ikeVersions: ['ikev2'],
    });
    const id = str(await call(client, 'CreateVpnConnection', createParams()), 'VpnConnectionId');
    clock.advance(10_000);
    expect((await describeConnection(id)).Status).toBe('ike_sa_not_established');
    await call(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: id,
      IkeConfig: JSON.stringify({ IkeVersion: 'ikev2' }),
    });
    emulator.setPeerProfile(DEMO_IDS.customerGateways.free, {
      ...cooperativePeer,
      ipsecAuthAlgs: ['sha256'],
    });
    clock.advance(10_000);
    expect((await describeConnection(id)).Status).toBe('ipsec_sa_not_established');
    await call(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: id,
      IpsecConfig: JSON.stringify({ IpsecAuthAlg: 'sha256' }),
    });
    clock.advance(10_000);
    expect((await describeConnection(id)).Status).toBe('ipsec_sa_established');
  });

  it('a PSK that differs from the peer keeps phase 1 down until it is fixed', async () => {
    const id = DEMO_IDS.connections.pskMismatch;
    await call(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: id,
      IkeConfig: JSON.stringify({ Psk: DEMO_IDS.peerPsk }),
    });
    clock.advance(10_000);
    const conn = await describeConnection(id);
    expect(conn.Status).toBe('ipsec_sa_established');
    expect(conn.IkeConfig.Psk).toBe(DEMO_IDS.peerPsk);
  });
});

describe('CreateVpnConnection / Modify / Delete', () => {
  it('renaming alone is synchronous; a config change makes the gateway updating', async () => {
    const id = DEMO_IDS.connections.established;
    const renamed = await call(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: id,
      Name: 'renamed',
    });
    expect(renamed.Name).toBe('renamed');
    expect(renamed.VpnGatewayId).toBe(DEMO_IDS.gateways.connections);
    const gw = async () =>
      str(
        await call(client, 'DescribeVpnGateway', {
          ...hz,
          VpnGatewayId: DEMO_IDS.gateways.connections,
        }),
        'Status',
      );
    expect(await gw()).toBe('active');
    await call(client, 'ModifyVpnConnectionAttribute', {
      ...hz,
      VpnConnectionId: id,
      RemoteSubnet: '10.1.0.0/16,10.2.0.0/16',
    });
    expect(await gw()).toBe('updating');
    expect((await describeConnection(id)).Status).toBe('ike_sa_not_established');
  });

  it('deletes, then answers not found', async () => {
    await call(client, 'DeleteVpnConnection', {
      ...hz,
      VpnConnectionId: DEMO_IDS.connections.ikeEstablished,
    });
    expect(
      (
        await callError(client, 'DescribeVpnConnection', {
          ...hz,
          VpnConnectionId: DEMO_IDS.connections.ikeEstablished,
        })
      ).code,
    ).toBe('InvalidVpnConnectionInstanceId.NotFound');
    expect(
      (
        await callError(client, 'DeleteVpnConnection', {
          ...hz,
          VpnConnectionId: DEMO_IDS.connections.established,
        })
      ).code,
    ).toBe('VpnGateway.Configuring');
  });

  it('accepts the names the current API allows: 1–100 characters, any first character', async () => {
    for (const Name of ['a', '1branch', 'to branch/2', '分支-1.a_b', '𠀀'.repeat(100)]) {
      const dry = await callError(
        client,
        'CreateVpnConnection',
        createParams({ Name, DryRun: true }),
      );
      expect(dry.code).toBe('DryRunOperation');
    }
  });

  it('DryRun answers DryRunOperation and creates nothing', async () => {
    expect(
      (await callError(client, 'CreateVpnConnection', createParams({ DryRun: true }))).code,
    ).toBe('DryRunOperation');
    const listed = await call(client, 'DescribeVpnConnections', { ...hz, VpnGatewayId: free });
    expect(listed.TotalCount).toBe(0);
  });

  it('SM gateways need sm4/sm3 and a peer CA certificate; standard ones refuse sm4', async () => {
    const PEM = '-----BEGIN CERTIFICATE-----\nMIIB7zCCAZWgAwIBAgIDEMO=\n-----END CERTIFICATE-----';
    const sh = { RegionId: 'cn-shanghai' };
    const base = {
      ...sh,
      VpnGatewayId: DEMO_IDS.gateways.sm,
      CustomerGatewayId: DEMO_IDS.customerGateways.shanghaiFree,
      LocalSubnet: '172.16.0.0/16',
      RemoteSubnet: '10.61.0.0/16',
    };
    expect((await callError(client, 'CreateVpnConnection', base)).code).toBe('MissingParameter');
    // Seed 002: the peer's CA certificate (PEM); other text is not a certificate.
    expect(
      (
        await callError(client, 'CreateVpnConnection', {
          ...base,
          RemoteCaCertificate: 'not a certificate',
        })
      ).code,
    ).toBe('InvalidParameter');
    expect(
      (
        await callError(client, 'CreateVpnConnection', {
          ...base,
          RemoteCaCertificate: PEM,
          IkeConfig: JSON.stringify({ IkeEncAlg: 'aes' }),
        })
      ).code,
    ).toBe('InvalidParameter');
    const created = await call(client, 'CreateVpnConnection', {
      ...base,
      RemoteCaCertificate: PEM,
    });
    const conn = await describeConnection(str(created, 'VpnConnectionId'), 'cn-shanghai');
    expect(conn.IkeConfig.IkeEncAlg).toBe('sm4');
    expect(conn.IpsecConfig.IpsecAuthAlg).toBe('sm3');
    expect(
      (
        await callError(
          client,
          'CreateVpnConnection',
          createParams({ IkeConfig: JSON.stringify({ IkeEncAlg: 'sm4' }) }),
        )
      ).code,
    ).toBe('InvalidParameter');
    expect(
      (await callError(client, 'CreateVpnConnection', createParams({ RemoteCaCertificate: PEM })))
        .code,
    ).toBe('InvalidParameter');
  });

  const cases: Array<[string, Record<string, string | number | boolean>, string]> = [
    ['unknown gateway', { VpnGatewayId: 'vpn-nope' }, 'InvalidVpnGatewayInstanceId.NotFound'],
    [
      'unknown customer gateway',
      { CustomerGatewayId: 'cgw-nope' },
      'InvalidCustomerGatewayInstanceId.NotFound',
    ],
    [
      'financially locked gateway',
      { VpnGatewayId: DEMO_IDS.gateways.locked },
      'VpnGateway.FinancialLocked',
    ],
    ['updating gateway', { VpnGatewayId: DEMO_IDS.gateways.updating }, 'VpnGateway.Configuring'],
    [
      'connection already exists',
      {
        VpnGatewayId: DEMO_IDS.gateways.connections,
        CustomerGatewayId: DEMO_IDS.customerGateways.cooperative,
      },
      'InvalidVpnConnection.AlreadyExists',
    ],
    ['local subnet not canonical', { LocalSubnet: '172.20.0.1/16' }, 'IllegalParam.LocalSubnet'],
    ['remote subnet malformed', { RemoteSubnet: '10.0.0.0/33' }, 'IllegalParam.RemoteSubnet'],
    [
      'too many policy routes',
      {
        LocalSubnet: Array.from({ length: 11 }, (_, i) => `172.20.${i}.0/24`).join(','),
        RemoteSubnet: Array.from({ length: 10 }, (_, i) => `10.9.${i}.0/24`).join(','),
      },
      'QuotaExceeded.PolicyBasedRoute',
    ],
    ['bad name', { Name: 'https://evil' }, 'InvalidName'],
    // Current API (newer than seed 002's 2–128 with a character rule): 1–100, not http(s)://.
    ['name starting with http://', { Name: 'http://branch' }, 'InvalidName'],
    ['name of 101 characters', { Name: 'a'.repeat(101) }, 'InvalidName'],
    ['bad PSK', { IkeConfig: JSON.stringify({ Psk: 'has space' }) }, 'InvalidParameter'],
    [
      'lifetime out of range',
      { IkeConfig: JSON.stringify({ IkeLifetime: 86401 }) },
      'InvalidParameter',
    ],
    [
      'BGP tunnel CIDR reserved',
      {
        BgpConfig: JSON.stringify({
          EnableBgp: 'true',
          TunnelCidr: '169.254.1.0/30',
          LocalBgpIp: '169.254.1.1',
        }),
      },
      'InvalidParameter',
    ],
    [
      'BGP IP outside tunnel',
      {
        BgpConfig: JSON.stringify({
          EnableBgp: 'true',
          TunnelCidr: '169.254.11.0/30',
          LocalBgpIp: '169.254.12.1',
        }),
      },
      'InvalidParameter',
    ],
    [
      'health check without dip',
      { HealthCheckConfig: JSON.stringify({ enable: 'true', sip: '172.20.0.1' }) },
      'InvalidParameter',
    ],
    ['IkeConfig not JSON', { IkeConfig: '{nope' }, 'InvalidParameter'],
  ];
  it.each(cases)('%s → %s', async (_label, extra, code) => {
    expect((await callError(client, 'CreateVpnConnection', createParams(extra))).code).toBe(code);
  });

  it('QuotaFull when the gateway has its maximum number of connections', async () => {
    for (let i = 0; i < 10; i += 1) {
      const ip = `198.51.100.${100 + i}`;
      const cgw = str(
        await call(client, 'CreateCustomerGateway', { ...hz, IpAddress: ip }),
        'CustomerGatewayId',
      );
      await call(
        client,
        'CreateVpnConnection',
        createParams({ CustomerGatewayId: cgw, RemoteSubnet: `10.${60 + i}.0.0/16` }),
      );
      clock.advance(3001);
    }
    const cgw = str(
      await call(client, 'CreateCustomerGateway', { ...hz, IpAddress: '198.51.100.200' }),
      'CustomerGatewayId',
    );
    expect(
      (
        await callError(
          client,
          'CreateVpnConnection',
          createParams({ CustomerGatewayId: cgw, RemoteSubnet: '10.99.0.0/16' }),
        )
      ).code,
    ).toBe('Resource.QuotaFull');
  });
});

describe('DescribeVpnConnections pagination', () => {
  it('pages with PageNumber/PageSize inside VpnConnections.VpnConnection', async () => {
    const page1 = await call(client, 'DescribeVpnConnections', {
      ...hz,
      VpnGatewayId: DEMO_IDS.gateways.connections,
      PageSize: 2,
    });
    expect(page1.TotalCount).toBe(5);
    expect(page1.PageNumber).toBe(1);
    expect(page1.PageSize).toBe(2);
    const page3 = await call(client, 'DescribeVpnConnections', {
      ...hz,
      VpnGatewayId: DEMO_IDS.gateways.connections,
      PageSize: 2,
      PageNumber: 3,
    });
    const items = [
      ...list(page1, 'VpnConnections', 'VpnConnection'),
      ...list(page3, 'VpnConnections', 'VpnConnection'),
    ];
    expect(items).toHaveLength(3);
    expect((await callError(client, 'DescribeVpnConnections', { ...hz, PageSize: 51 })).code).toBe(
      'InvalidParameter',
    );
  });
});
