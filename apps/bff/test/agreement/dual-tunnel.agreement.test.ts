// Dual-tunnel IPsec connections (issue 12): CreateVpnConnection with TunnelOptionsSpecification,
// ModifyVpnConnectionAttribute with TunnelId, ModifyTunnelAttribute, and the refusal of the other
// mode's parameters — the console's choice by gateway (shared vpn-connection/by-gateway.ts) and its
// flattened mapping against the emulator, row by row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_CODES as C } from '@vpn-console/shared/errors/issue-codes';
import {
  toChangeAnyVpnConnectionParams,
  toCreateAnyVpnConnectionParams,
  vpnConnectionChangeSchemaFor,
  vpnConnectionCreateSchemaFor,
} from '@vpn-console/shared/vpn-connection/by-gateway';
import { modifyTunnelAttributeSchema } from '@vpn-console/shared/vpn-connection/dual-tunnel';
import { toModifyTunnelAttributeParams } from '@vpn-console/shared/vpn-connection/dual-tunnel-rpc';
import {
  DEMO_IDS,
  defineTable,
  expectRow,
  rowsFor,
  runRow,
  startCloud,
  type AgreementCase,
  type Cloud,
  type GatewayFacts,
} from './harness';

const G = DEMO_IDS.gateways;
const CGW = DEMO_IDS.customerGateways;
const T = DEMO_IDS.tunnels;
const HZ = DEMO_IDS.regions.hangzhou;
const SH = DEMO_IDS.regions.shanghai;
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB7zCCAZWgAwIBAgIDAGREE=\n-----END CERTIFICATE-----';
const TOS = 'TunnelOptionsSpecification';

const facts = (gw: GatewayFacts) => ({ gatewayType: gw.gatewayType, dualTunnel: gw.dualTunnel });

const createTable = defineTable({
  action: 'CreateVpnConnection',
  mode: { kind: 'dryRun', dryRunWire: true },
  schema: (gw: GatewayFacts) => vpnConnectionCreateSchemaFor(facts(gw)),
  toRpc: toCreateAnyVpnConnectionParams,
});
const modifyTable = defineTable({
  action: 'ModifyVpnConnectionAttribute',
  mode: { kind: 'reset' },
  schema: (gw: GatewayFacts) => vpnConnectionChangeSchemaFor(facts(gw)),
  toRpc: toChangeAnyVpnConnectionParams,
});
const tunnelTable = defineTable({
  action: 'ModifyTunnelAttribute',
  mode: { kind: 'reset' },
  schema: (gw: GatewayFacts) => modifyTunnelAttributeSchema({ gatewayType: gw.gatewayType }),
  toRpc: toModifyTunnelAttributeParams,
});

/** Raw `TunnelOptionsSpecification.N.*` keys. */
const raw = (n: number, spec: Record<string, string | number | boolean>) =>
  Object.fromEntries(Object.entries(spec).map(([k, v]) => [`${TOS}.${String(n)}.${k}`, v]));

const MASTER = { role: 'master', customerGatewayId: CGW.dualFreeA };
const SLAVE = { role: 'slave', customerGatewayId: CGW.dualFreeB };
const bgpOf = (n: number) => ({
  localAsn: 65001,
  tunnelCidr: `169.254.${String(n)}.0/30`,
  localBgpIp: `169.254.${String(n)}.1`,
});
const bgpRaw = (n: number) => ({
  'TunnelBgpConfig.LocalAsn': 65001,
  'TunnelBgpConfig.TunnelCidr': `169.254.${String(n)}.0/30`,
  'TunnelBgpConfig.LocalBgpIp': `169.254.${String(n)}.1`,
});

// ── CreateVpnConnection on the free standard dual-tunnel gateway ──
const dual = rowsFor({
  gateway: G.dualTunnelFree,
  form: {
    regionId: HZ,
    vpnGatewayId: G.dualTunnelFree,
    localSubnet: ['172.23.0.0/16'],
    remoteSubnet: ['10.90.0.0/16'],
    tunnels: [MASTER, SLAVE],
  },
  raw: {
    RegionId: HZ,
    VpnGatewayId: G.dualTunnelFree,
    LocalSubnet: '172.23.0.0/16',
    RemoteSubnet: '10.90.0.0/16',
    ...raw(1, { Role: 'master', CustomerGatewayId: CGW.dualFreeA }),
    ...raw(2, { Role: 'slave', CustomerGatewayId: CGW.dualFreeB }),
  },
});

const createDual: AgreementCase[] = [
  dual.ok(
    'two tunnels, each with its own customer gateway (documented defaults per tunnel)',
    {},
    {},
  ),
  dual.ok('both tunnels on the same customer gateway', {
    tunnels: [MASTER, { ...SLAVE, customerGatewayId: CGW.dualFreeA }],
  }),
  dual.ok(
    'BGP on both tunnels (LocalAsn, tunnel CIDR and local IP per tunnel)',
    {
      enableTunnelsBgp: true,
      tunnels: [
        { ...MASTER, bgpConfig: bgpOf(20) },
        { ...SLAVE, bgpConfig: bgpOf(21) },
      ],
    },
    { EnableTunnelsBgp: true, ...raw(1, bgpRaw(20)), ...raw(2, bgpRaw(21)) },
  ),
  dual.ok(
    'per-tunnel IKE and IPsec (tunnel 2 diverges), PSK on tunnel 1 only',
    {
      tunnels: [
        {
          ...MASTER,
          ikeConfig: { psk: 'tunnel-one-key', ikeVersion: 'ikev2', ikeEncAlg: 'aes256' },
        },
        { ...SLAVE, ikeConfig: { ikeAuthAlg: 'sha256' }, ipsecConfig: { ipsecPfs: 'disabled' } },
      ],
    },
    {
      ...raw(1, { 'TunnelIkeConfig.Psk': 'tunnel-one-key', 'TunnelIkeConfig.IkeVersion': 'ikev2' }),
      ...raw(2, { 'TunnelIpsecConfig.IpsecPfs': 'disabled' }),
    },
  ),
  dual.ok('DPD and NAT traversal off on one tunnel', {
    tunnels: [MASTER, { ...SLAVE, enableDpd: false, enableNatTraversal: false }],
  }),
  dual.refused(
    'single-tunnel CustomerGatewayId on a dual-tunnel gateway',
    { customerGatewayId: CGW.dualFreeA },
    C.SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY,
    'InvalidParameter',
    { CustomerGatewayId: CGW.dualFreeA },
  ),
  dual.refused(
    'single-tunnel IkeConfig on a dual-tunnel gateway',
    { ikeConfig: { ikeVersion: 'ikev2' } },
    C.SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY,
    'InvalidParameter',
    { IkeConfig: '{"IkeVersion":"ikev2"}' },
  ),
  dual.refused(
    'single-tunnel EnableDpd on a dual-tunnel gateway',
    { enableDpd: true },
    C.SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY,
    'InvalidParameter',
    { EnableDpd: true },
  ),
  dual.refused(
    'single-tunnel HealthCheckConfig on a dual-tunnel gateway',
    { healthCheckConfig: { enable: false } },
    C.SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY,
    'InvalidParameter',
    { HealthCheckConfig: '{"enable":"false"}' },
  ),
  dual.refused('no tunnels', { tunnels: undefined }, C.REQUIRED, 'MissingParameter', {
    [`${TOS}.1.Role`]: undefined,
    [`${TOS}.1.CustomerGatewayId`]: undefined,
    [`${TOS}.2.Role`]: undefined,
    [`${TOS}.2.CustomerGatewayId`]: undefined,
  }),
  dual.refused('one tunnel only', { tunnels: [MASTER] }, C.TUNNEL_COUNT, 'InvalidParameter', {
    [`${TOS}.2.Role`]: undefined,
    [`${TOS}.2.CustomerGatewayId`]: undefined,
  }),
  dual.refused(
    'two master tunnels',
    { tunnels: [MASTER, { ...SLAVE, role: 'master' }] },
    C.TUNNEL_ROLES,
    'InvalidParameter',
    raw(2, { Role: 'master' }),
  ),
  dual.refused(
    'a tunnel without its customer gateway',
    { tunnels: [MASTER, { role: 'slave' }] },
    C.REQUIRED,
    'MissingParameter',
    { [`${TOS}.2.CustomerGatewayId`]: undefined },
  ),
  dual.refused(
    'BGP on without the tunnel’s LocalAsn',
    {
      enableTunnelsBgp: true,
      tunnels: [
        { ...MASTER, bgpConfig: { tunnelCidr: '169.254.20.0/30', localBgpIp: '169.254.20.1' } },
        { ...SLAVE, bgpConfig: bgpOf(21) },
      ],
    },
    C.REQUIRED,
    'MissingParameter',
    {
      EnableTunnelsBgp: true,
      ...raw(1, {
        'TunnelBgpConfig.TunnelCidr': '169.254.20.0/30',
        'TunnelBgpConfig.LocalBgpIp': '169.254.20.1',
      }),
      ...raw(2, bgpRaw(21)),
    },
  ),
  dual.refused(
    'the same tunnel CIDR on both tunnels',
    {
      enableTunnelsBgp: true,
      tunnels: [
        { ...MASTER, bgpConfig: bgpOf(20) },
        { ...SLAVE, bgpConfig: { ...bgpOf(20), localBgpIp: '169.254.20.2' } },
      ],
    },
    C.TUNNEL_CIDR_DUPLICATE,
    'InvalidParameter',
    {
      EnableTunnelsBgp: true,
      ...raw(1, bgpRaw(20)),
      ...raw(2, { ...bgpRaw(20), 'TunnelBgpConfig.LocalBgpIp': '169.254.20.2' }),
    },
  ),
  dual.refused(
    'a reserved tunnel CIDR',
    {
      enableTunnelsBgp: true,
      tunnels: [
        { ...MASTER, bgpConfig: bgpOf(5) },
        { ...SLAVE, bgpConfig: bgpOf(21) },
      ],
    },
    C.TUNNEL_CIDR_RESERVED,
    'InvalidParameter',
    { EnableTunnelsBgp: true, ...raw(1, bgpRaw(5)), ...raw(2, bgpRaw(21)) },
  ),
  dual.refused(
    'a CA certificate on a standard gateway’s tunnel',
    { tunnels: [{ ...MASTER, remoteCaCertificate: PEM }, SLAVE] },
    C.REMOTE_CA_CERT_NOT_FOR_STANDARD,
    'InvalidParameter',
    raw(1, { RemoteCaCertificate: PEM }),
  ),
  dual.refused(
    'an SM algorithm in a standard tunnel',
    { tunnels: [MASTER, { ...SLAVE, ipsecConfig: { ipsecEncAlg: 'sm4' } }] },
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    raw(2, { 'TunnelIpsecConfig.IpsecEncAlg': 'sm4' }),
  ),
  dual.refused(
    'a tunnel PSK with a space',
    { tunnels: [{ ...MASTER, ikeConfig: { psk: 'a b' } }, SLAVE] },
    C.PSK_SPACE,
    'InvalidParameter',
    raw(1, { 'TunnelIkeConfig.Psk': 'a b' }),
  ),
];

// ── the other way round: a single-tunnel gateway refuses tunnels ──
const single = rowsFor({
  gateway: G.free1,
  form: {
    regionId: HZ,
    vpnGatewayId: G.free1,
    customerGatewayId: CGW.free,
    localSubnet: ['172.20.0.0/16'],
    remoteSubnet: ['10.50.0.0/16'],
  },
  raw: {
    RegionId: HZ,
    VpnGatewayId: G.free1,
    CustomerGatewayId: CGW.free,
    LocalSubnet: '172.20.0.0/16',
    RemoteSubnet: '10.50.0.0/16',
  },
});
const createSingle: AgreementCase[] = [
  single.ok('a single-tunnel gateway keeps the single-tunnel form', {}, {}),
  single.refused(
    'tunnels on a single-tunnel gateway',
    { tunnels: [MASTER, SLAVE] },
    C.TUNNELS_NOT_ON_SINGLE_TUNNEL_GATEWAY,
    'InvalidParameter',
    raw(1, { Role: 'master', CustomerGatewayId: CGW.free }),
  ),
  single.refused(
    'EnableTunnelsBgp on a single-tunnel gateway',
    { enableTunnelsBgp: false },
    C.TUNNELS_NOT_ON_SINGLE_TUNNEL_GATEWAY,
    'InvalidParameter',
    { EnableTunnelsBgp: false },
  ),
];

// ── SM dual-tunnel gateway: a CA certificate per tunnel ──
const sm = rowsFor({
  gateway: G.dualTunnelSm,
  form: {
    regionId: SH,
    vpnGatewayId: G.dualTunnelSm,
    localSubnet: ['172.25.0.0/16'],
    remoteSubnet: ['10.93.0.0/16'],
    tunnels: [
      { role: 'master', customerGatewayId: CGW.shanghaiFree, remoteCaCertificate: PEM },
      { role: 'slave', customerGatewayId: CGW.shanghaiFree, remoteCaCertificate: PEM },
    ],
  },
  raw: {
    RegionId: SH,
    VpnGatewayId: G.dualTunnelSm,
    LocalSubnet: '172.25.0.0/16',
    RemoteSubnet: '10.93.0.0/16',
    ...raw(1, { Role: 'master', CustomerGatewayId: CGW.shanghaiFree, RemoteCaCertificate: PEM }),
    ...raw(2, { Role: 'slave', CustomerGatewayId: CGW.shanghaiFree, RemoteCaCertificate: PEM }),
  },
});
const createSm: AgreementCase[] = [
  sm.ok('SM: both tunnels with a CA certificate, SM algorithms by default', {}, {}),
  sm.refused(
    'SM: tunnel 2 without its CA certificate',
    {
      tunnels: [
        { role: 'master', customerGatewayId: CGW.shanghaiFree, remoteCaCertificate: PEM },
        { role: 'slave', customerGatewayId: CGW.shanghaiFree },
      ],
    },
    C.REMOTE_CA_CERT_REQUIRED_FOR_SM,
    'MissingParameter',
    { [`${TOS}.2.RemoteCaCertificate`]: undefined },
  ),
];

// ── ModifyVpnConnectionAttribute on the healthy dual-tunnel connection ──
const mod = rowsFor({
  gateway: G.dualTunnel,
  form: { regionId: HZ, vpnConnectionId: DEMO_IDS.connections.dualHealthy },
  raw: { RegionId: HZ, VpnConnectionId: DEMO_IDS.connections.dualHealthy },
});
const modify: AgreementCase[] = [
  mod.ok('rename only', { name: 'dual renamed' }, { Name: 'dual renamed' }),
  mod.ok(
    'one tunnel’s IKE by TunnelId',
    { tunnels: [{ tunnelId: T.dualHealthySlave, ikeConfig: { ikeLifetime: 28800 } }] },
    raw(1, { TunnelId: T.dualHealthySlave, 'TunnelIkeConfig.IkeLifetime': 28800 }),
  ),
  mod.ok(
    'swap the roles of both tunnels',
    {
      tunnels: [
        { tunnelId: T.dualHealthyMaster, role: 'slave' },
        { tunnelId: T.dualHealthySlave, role: 'master' },
      ],
    },
    {
      ...raw(1, { TunnelId: T.dualHealthyMaster, Role: 'slave' }),
      ...raw(2, { TunnelId: T.dualHealthySlave, Role: 'master' }),
    },
  ),
  mod.refused(
    'single-tunnel IpsecConfig on a dual-tunnel connection',
    { ipsecConfig: { ipsecPfs: 'group14' } },
    C.SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY,
    'InvalidParameter',
    { IpsecConfig: '{"IpsecPfs":"group14"}' },
  ),
  mod.refused(
    'both tunnels master',
    {
      tunnels: [
        { tunnelId: T.dualHealthyMaster, role: 'master' },
        { tunnelId: T.dualHealthySlave, role: 'master' },
      ],
    },
    C.TUNNEL_ROLES,
    'InvalidParameter',
    {
      ...raw(1, { TunnelId: T.dualHealthyMaster, Role: 'master' }),
      ...raw(2, { TunnelId: T.dualHealthySlave, Role: 'master' }),
    },
  ),
  mod.refused(
    'a tunnel without its TunnelId',
    { tunnels: [{ enableDpd: false }] },
    C.REQUIRED,
    'MissingParameter',
    raw(1, { EnableDpd: false }),
  ),
];

// ── ModifyTunnelAttribute on the down standby tunnel ──
const tun = rowsFor({
  gateway: G.dualTunnelDown,
  form: {
    regionId: SH,
    vpnConnectionId: DEMO_IDS.connections.dualOneTunnelDown,
    tunnelId: T.dualDownSlave,
  },
  raw: {
    RegionId: SH,
    VpnConnectionId: DEMO_IDS.connections.dualOneTunnelDown,
    TunnelId: T.dualDownSlave,
  },
});
const tunnel: AgreementCase[] = [
  tun.ok(
    'the PSK of one tunnel',
    { ikeConfig: { psk: DEMO_IDS.peerPsk } },
    { [`${TOS}.TunnelIkeConfig.Psk`]: DEMO_IDS.peerPsk },
  ),
  tun.ok(
    'one tunnel’s peer and DPD',
    { customerGatewayId: CGW.dualDownA, enableDpd: false },
    { [`${TOS}.CustomerGatewayId`]: CGW.dualDownA, [`${TOS}.EnableDpd`]: false },
  ),
  tun.refused(
    'an unknown IKE version',
    { ikeConfig: { ikeVersion: 'ikev3' } },
    C.INVALID_ENUM,
    'InvalidParameter',
    { [`${TOS}.TunnelIkeConfig.IkeVersion`]: 'ikev3' },
  ),
  tun.refused(
    'a tunnel id that is not a tun-… id',
    { tunnelId: 'tunnel-2' },
    C.INVALID_FORMAT,
    'InvalidParameter',
    { TunnelId: 'tunnel-2' },
  ),
];

describe('dual-tunnel connections: console ⇔ cloud', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });

  it.each(createDual.map((c) => [c.name, c] as const))('create: %s', async (_, row) => {
    expect((await cloud.facts(row.gateway)).dualTunnel).toBe(true);
    expectRow(row, await runRow(cloud, createTable, row));
  });
  it.each(createSingle.map((c) => [c.name, c] as const))('create: %s', async (_, row) => {
    expect((await cloud.facts(row.gateway)).dualTunnel).toBe(false);
    expectRow(row, await runRow(cloud, createTable, row));
  });
  it.each(createSm.map((c) => [c.name, c] as const))('create: %s', async (_, row) => {
    expect(await cloud.facts(row.gateway)).toMatchObject({ gatewayType: 'sm', dualTunnel: true });
    expectRow(row, await runRow(cloud, createTable, row));
  });
  it.each(modify.map((c) => [c.name, c] as const))('modify: %s', async (_, row) => {
    expectRow(row, await runRow(cloud, modifyTable, row));
  });
  it.each(tunnel.map((c) => [c.name, c] as const))('ModifyTunnelAttribute: %s', async (_, row) => {
    expectRow(row, await runRow(cloud, tunnelTable, row));
  });

  it('an accepted tunnel change really landed, on that tunnel only', async () => {
    const row = tunnel[0];
    if (row === undefined) throw new Error('no row');
    expectRow(row, await runRow(cloud, tunnelTable, row));
    const conn = cloud.emulator
      .snapshot()
      .connections.find((c) => c.VpnConnectionId === DEMO_IDS.connections.dualOneTunnelDown);
    expect(conn?.Tunnels.map((t) => [t.TunnelId, t.Psk === DEMO_IDS.peerPsk])).toEqual([
      [T.dualDownMaster, false],
      [T.dualDownSlave, true],
    ]);
  });
});
