// CreateSslVpnServer (seed 003) and ModifySslVpnServer (reference §5.6): every documented rule through
// the console's schema (+ the server-side pool/VPC/MFA checks) + rpc.ts and as hand-built params.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  refineClientPoolSize,
  refineClientPoolVsVpc,
} from '@vpn-console/shared/common/client-pool';
import { ISSUE_CODES as C } from '@vpn-console/shared/errors/issue-codes';
import {
  toCreateSslVpnServerParams,
  toModifySslVpnServerParams,
} from '@vpn-console/shared/ssl-vpn-server/rpc';
import {
  createSslVpnServerSchema,
  modifySslVpnServerSchema,
  refineMultiFactorAuthGateway,
  SSL_FORBIDDEN_PORTS,
} from '@vpn-console/shared/ssl-vpn-server/schema';
import {
  DEMO_IDS,
  defineTable,
  expectRow,
  rep,
  rowsFor,
  runRow,
  startCloud,
  type AgreementCase,
  type Cloud,
  type GatewayFacts,
} from './harness';

const G = DEMO_IDS.gateways;
const HZ = DEMO_IDS.regions.hangzhou;
const IDAAS = DEMO_IDS.idaasInstance;

const createTable = defineTable({
  action: 'CreateSslVpnServer',
  mode: { kind: 'dryRun', dryRunWire: true },
  schema: (gw: GatewayFacts) =>
    createSslVpnServerSchema
      .superRefine(refineClientPoolSize(gw.sslMaxConnections))
      .superRefine(refineClientPoolVsVpc(gw.vpcCidrs))
      .superRefine(refineMultiFactorAuthGateway(gw.createTime)),
  toRpc: toCreateSslVpnServerParams,
});

const modifyTable = defineTable({
  action: 'ModifySslVpnServer',
  mode: { kind: 'dryRun', dryRunWire: true },
  schema: (gw: GatewayFacts) =>
    modifySslVpnServerSchema
      .superRefine(refineClientPoolSize(gw.sslMaxConnections))
      .superRefine(refineClientPoolVsVpc(gw.vpcCidrs))
      .superRefine(refineMultiFactorAuthGateway(gw.createTime)),
  toRpc: toModifySslVpnServerParams,
});

// ── CreateSslVpnServer on free1 (VPC 172.20.0.0/16, 5 SSL connections → pool /27 or larger) ──
const c = rowsFor({
  gateway: G.free1,
  form: {
    regionId: HZ,
    vpnGatewayId: G.free1,
    clientIpPool: '10.30.0.0/24',
    localSubnet: ['172.20.0.0/16'],
  },
  raw: {
    RegionId: HZ,
    VpnGatewayId: G.free1,
    ClientIpPool: '10.30.0.0/24',
    LocalSubnet: '172.20.0.0/16',
  },
});

const MFA = { enableMultiFactorAuth: true, idaasInstanceId: IDAAS, idaasRegionId: HZ };
const MFA_RAW = { EnableMultiFactorAuth: true, IDaaSInstanceId: IDAAS, IDaaSRegionId: HZ };

/** Rows every SSL request shares (create and modify): name, proto, port, cipher, compress, MFA, token. */
function commonRows(r: ReturnType<typeof rowsFor>): AgreementCase[] {
  return [
    // names: the current API's 1–100 characters, not http(s):// (seed 003's 2–128 rule is older;
    // packages/shared/API.md)
    r.ok('name of 1 character, a digit', { name: '9' }, { Name: '9' }),
    r.ok('name with a slash and a space', { name: 'office/vpn 2' }, { Name: 'office/vpn 2' }),
    r.ok('Chinese name with digits . _ -', { name: '办公室-1.a_b' }, { Name: '办公室-1.a_b' }),
    r.ok(
      'name of 100 characters outside the BMP (𠀀 counts as one)',
      { name: rep('\u{20000}', 100) },
      { Name: rep('\u{20000}', 100) },
    ),
    r.refused('name of 101 characters', { name: rep('s', 101) }, C.NAME_LENGTH, 'InvalidName', {
      Name: rep('s', 101),
    }),
    r.refused(
      'name starting with https://',
      { name: 'https://x' },
      C.NAME_HTTP_PREFIX,
      'InvalidName',
      { Name: 'https://x' },
    ),
    // protocol and cipher enums
    ...['TCP', 'UDP'].map((proto) => r.ok(`Proto ${proto}`, { proto }, { Proto: proto })),
    r.refused('Proto udp (lower case)', { proto: 'udp' }, C.INVALID_ENUM, 'InvalidParameter', {
      Proto: 'udp',
    }),
    r.refused('Proto ICMP', { proto: 'ICMP' }, C.INVALID_ENUM, 'InvalidParameter', {
      Proto: 'ICMP',
    }),
    ...['AES-128-CBC', 'AES-192-CBC', 'AES-256-CBC', 'none'].map((cipher) =>
      r.ok(`Cipher ${cipher}`, { cipher }, { Cipher: cipher }),
    ),
    r.refused('Cipher AES-256-GCM', { cipher: 'AES-256-GCM' }, C.INVALID_ENUM, 'InvalidParameter', {
      Cipher: 'AES-256-GCM',
    }),
    // ports: 1–65535 except the 16 forbidden ones
    ...[1, 1194, 443 + 1, 65535].map((port) =>
      r.ok(`Port ${String(port)}`, { port }, { Port: port }),
    ),
    ...SSL_FORBIDDEN_PORTS.map((port) =>
      r.refused(`forbidden Port ${String(port)}`, { port }, C.PORT_FORBIDDEN, 'IllegalParam.Port', {
        Port: port,
      }),
    ),
    r.refused('Port 0', { port: 0 }, C.PORT_RANGE, 'InvalidParameter', { Port: 0 }),
    r.refused('Port 65536', { port: 65536 }, C.PORT_RANGE, 'InvalidParameter', { Port: 65536 }),
    r.refused('Port 1194.5', { port: 1194.5 }, C.NOT_INTEGER, 'InvalidParameter', { Port: 1194.5 }),
    r.ok('Compress on', { compress: true }, { Compress: true }),
    // two-factor authentication (IDaaS instance and region needed)
    r.ok('MFA with an IDaaS instance and region', MFA, MFA_RAW),
    r.ok(
      'MFA with an EIAM 2.0 application id',
      { ...MFA, idaasApplicationId: 'app_demo01' },
      { ...MFA_RAW, IDaaSApplicationId: 'app_demo01' },
    ),
    r.refused(
      'MFA without an IDaaS instance',
      { ...MFA, idaasInstanceId: undefined },
      C.MFA_IDAAS_INSTANCE_REQUIRED,
      'MissingParameter',
      { ...MFA_RAW, IDaaSInstanceId: undefined },
    ),
    r.refused(
      'MFA without the IDaaS region',
      { ...MFA, idaasRegionId: undefined },
      C.MFA_IDAAS_REGION_REQUIRED,
      'MissingParameter',
      { ...MFA_RAW, IDaaSRegionId: undefined },
    ),
    r.known(
      'MFA with an IDaaS instance that does not exist',
      { ...MFA, idaasInstanceId: 'idaas-cn-hangzhou-missing01' },
      { console: 'ok', cloud: 'InvalidIDaaSInstanceId.NotFound' },
      { ...MFA_RAW, IDaaSInstanceId: 'idaas-cn-hangzhou-missing01' },
      'Existence of the IDaaS instance is account state only the cloud knows; the BFF shows its error.',
    ),
    r.known(
      'MFA with an IDaaS instance the VPN service has no RAM permission on',
      { ...MFA, idaasInstanceId: DEMO_IDS.idaasNoPermission },
      { console: 'ok', cloud: 'OperationFailed.NoRamPermission' },
      { ...MFA_RAW, IDaaSInstanceId: DEMO_IDS.idaasNoPermission },
      'RAM permissions are account state only the cloud knows; the BFF shows its error.',
    ),
    r.ok('MFA off', { enableMultiFactorAuth: false }, { EnableMultiFactorAuth: false }),
    // ClientToken
    r.ok(
      'ClientToken of 64 characters',
      { clientToken: rep('k', 64) },
      { ClientToken: rep('k', 64) },
    ),
    r.refused(
      'ClientToken of 65 characters',
      { clientToken: rep('k', 65) },
      C.CLIENT_TOKEN_LENGTH,
      'InvalidParameter',
      { ClientToken: rep('k', 65) },
    ),
  ];
}

const createRows: AgreementCase[] = [
  c.ok('documented defaults (UDP/1194/AES-128-CBC/no compression); minimal raw request', {}, {}),
  ...commonRows(c),
  // client pool: /16–/29, reserved ranges, 4 addresses per allowed client, not overlapping the VPC side
  c.ok('client pool /16', { clientIpPool: '10.30.0.0/16' }, { ClientIpPool: '10.30.0.0/16' }),
  c.ok(
    'client pool /27 (5 clients × /30 fit)',
    { clientIpPool: '10.30.0.0/27' },
    { ClientIpPool: '10.30.0.0/27' },
  ),
  c.refused(
    'client pool /28 is too small for 5 clients (server-side check)',
    { clientIpPool: '10.30.0.0/28' },
    C.CLIENT_POOL_TOO_SMALL,
    'ClientIpPool.SubnetInvalid',
    { ClientIpPool: '10.30.0.0/28' },
  ),
  c.refused(
    'client pool /15',
    { clientIpPool: '10.30.0.0/15' },
    C.CLIENT_POOL_PREFIX_RANGE,
    'ClientIpPool.NetmaskInvalid',
    { ClientIpPool: '10.30.0.0/15' },
  ),
  c.refused(
    'client pool /30',
    { clientIpPool: '10.30.0.0/30' },
    C.CLIENT_POOL_PREFIX_RANGE,
    'ClientIpPool.NetmaskInvalid',
    { ClientIpPool: '10.30.0.0/30' },
  ),
  c.refused(
    'client pool not a network address',
    { clientIpPool: '10.30.0.7/24' },
    C.CIDR_NOT_CANONICAL,
    'ClientIpPool.SubnetInvalid',
    { ClientIpPool: '10.30.0.7/24' },
  ),
  ...['100.64.0.0/24', '127.0.0.0/24', '169.254.1.0/24', '239.0.0.0/24', '255.1.0.0/24'].map(
    (pool) =>
      c.refused(
        `client pool in the reserved range (${pool})`,
        { clientIpPool: pool },
        C.CIDR_RESERVED,
        'ClientIpPool.SubnetInvalid',
        { ClientIpPool: pool },
      ),
  ),
  c.refused(
    'client pool overlapping the local subnet',
    { localSubnet: ['10.30.0.0/16'], clientIpPool: '10.30.8.0/24' },
    C.CLIENT_POOL_OVERLAPS_LOCAL_SUBNET,
    'InvalidClientIpPool.Conflict',
    { LocalSubnet: '10.30.0.0/16', ClientIpPool: '10.30.8.0/24' },
  ),
  c.refused(
    'client pool overlapping the VPC (server-side check)',
    { localSubnet: ['192.168.0.0/24'], clientIpPool: '172.20.8.0/24' },
    C.CLIENT_POOL_OVERLAPS_VPC,
    'InvalidClientIpPool.Conflict',
    { LocalSubnet: '192.168.0.0/24', ClientIpPool: '172.20.8.0/24' },
  ),
  // local subnets: /8–/32, not 127/8, 169.254/16, 224/4, 255/8; 100.64/10 (cloud services) allowed
  c.ok(
    'local subnets /8 and /32',
    { localSubnet: ['10.0.0.0/8', '172.20.0.10/32'], clientIpPool: '192.168.200.0/24' },
    { LocalSubnet: '10.0.0.0/8,172.20.0.10/32', ClientIpPool: '192.168.200.0/24' },
  ),
  c.ok(
    'local subnet of a cloud service in 100.64.0.0/10',
    { localSubnet: ['100.100.0.0/16'] },
    { LocalSubnet: '100.100.0.0/16' },
  ),
  c.refused(
    'local subnet /7',
    { localSubnet: ['10.0.0.0/7'] },
    C.SSL_LOCAL_SUBNET_PREFIX_RANGE,
    'IllegalParam.LocalSubnet',
    { LocalSubnet: '10.0.0.0/7' },
  ),
  ...['127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/8', '255.0.0.0/8'].map((local) =>
    c.refused(
      `local subnet in the reserved range ${local}`,
      { localSubnet: [local] },
      C.CIDR_RESERVED,
      'IllegalParam.LocalSubnet',
      { LocalSubnet: local },
    ),
  ),
  c.refused(
    'local subnet not a network address',
    { localSubnet: ['172.20.0.1/16'] },
    C.CIDR_NOT_CANONICAL,
    'IllegalParam.LocalSubnet',
    { LocalSubnet: '172.20.0.1/16' },
  ),
  c.refused('no local subnet', { localSubnet: [] }, C.CIDR_LIST_EMPTY, 'MissingParameter', {
    LocalSubnet: undefined,
  }),
  c.known(
    'the same local subnet twice',
    { localSubnet: ['172.20.0.0/16', '172.20.0.0/16'] },
    { console: C.CIDR_DUPLICATE, cloud: 'ok' },
    { LocalSubnet: '172.20.0.0/16,172.20.0.0/16' },
    'Duplicates: seed 003 says nothing about them; the console refuses a repeated block, the cloud keeps it.',
  ),
];

/** Seed 003's state refusals: the form is valid, only the cloud knows the gateway's state. */
const GATEWAY_STATE =
  "Gateway state (seed 003's error table), not a form rule: the console validates the form, the BFF shows the cloud's error.";
const createGatewayState: AgreementCase[] = (
  [
    [
      G.servers,
      'Resource.QuotaFull',
      'gateway that already has an SSL-VPN server',
      '10.220.0.0/24',
    ],
    [G.sslDisabled, 'VpnGateway.SslVpnDisabled', 'gateway with SSL-VPN off', '10.30.0.0/24'],
    [G.locked, 'VpnGateway.FinancialLocked', 'financially locked gateway', '10.30.0.0/24'],
  ] as const
).map(([gateway, code, label, pool]) =>
  rowsFor({
    gateway,
    form: {
      regionId: HZ,
      vpnGatewayId: gateway,
      clientIpPool: pool,
      localSubnet: ['10.77.0.0/16'],
    },
    raw: { RegionId: HZ, VpnGatewayId: gateway, ClientIpPool: pool, LocalSubnet: '10.77.0.0/16' },
  }).known(label, {}, { console: 'ok', cloud: code }, {}, GATEWAY_STATE),
);

// ── ModifySslVpnServer on the demo server of gateway `servers` (VPC 192.168.0.0/16, 50 clients, IPsec pool 10.200.0.0/24) ──
const m = rowsFor({
  gateway: G.servers,
  form: { regionId: HZ, sslVpnServerId: DEMO_IDS.sslServers.hangzhou },
  raw: { RegionId: HZ, SslVpnServerId: DEMO_IDS.sslServers.hangzhou },
});

const modifyRows: AgreementCase[] = [
  m.ok('nothing but the id', {}, {}),
  ...commonRows(m),
  m.ok(
    'new client pool /24 (50 clients × /30 fit)',
    { clientIpPool: '10.211.0.0/24' },
    { ClientIpPool: '10.211.0.0/24' },
  ),
  m.refused(
    'new client pool /25 is too small for 50 clients (server-side check)',
    { clientIpPool: '10.211.0.0/25' },
    C.CLIENT_POOL_TOO_SMALL,
    'ClientIpPool.SubnetInvalid',
    { ClientIpPool: '10.211.0.0/25' },
  ),
  m.refused(
    'new client pool inside the VPC (server-side check)',
    { clientIpPool: '192.168.100.0/24' },
    C.CLIENT_POOL_OVERLAPS_VPC,
    'InvalidClientIpPool.Conflict',
    { ClientIpPool: '192.168.100.0/24' },
  ),
  m.known(
    "new client pool overlapping the gateway's IPsec server pool",
    { clientIpPool: '10.200.0.0/24' },
    { console: 'ok', cloud: 'VpnRouteEntry.Conflict' },
    { ClientIpPool: '10.200.0.0/24' },
    "State only the cloud holds (the gateway's other route entries); the BFF shows the cloud's VpnRouteEntry.Conflict.",
  ),
  m.ok(
    'new local subnets',
    { localSubnet: ['192.168.0.0/24', '100.100.2.0/24'] },
    { LocalSubnet: '192.168.0.0/24,100.100.2.0/24' },
  ),
  m.refused(
    'local subnet in 224.0.0.0/4',
    { localSubnet: ['230.0.0.0/8'] },
    C.CIDR_RESERVED,
    'IllegalParam.LocalSubnet',
    { LocalSubnet: '230.0.0.0/8' },
  ),
];

describe('CreateSslVpnServer: console ⇔ cloud', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });

  it.each(createRows.map((r) => [r.name, r] as const))('%s', async (_, row) => {
    expectRow(row, await runRow(cloud, createTable, row));
  });

  it.each(createGatewayState.map((r) => [r.name, r] as const))('state: %s', async (_, row) => {
    expectRow(row, await runRow(cloud, createTable, row));
  });

  it('sends the seed 003 defaults and DryRun changed nothing', async () => {
    const row = createRows[0];
    if (row === undefined) throw new Error('empty table');
    const result = await runRow(cloud, createTable, row);
    expect(result.params).toMatchObject({
      Proto: 'UDP',
      Port: 1194,
      Cipher: 'AES-128-CBC',
      Compress: false,
      DryRun: true,
    });
    expect(cloud.emulator.snapshot().sslServers.map((s) => s.VpnGatewayId)).not.toContain(G.free1);
  });
});

describe('ModifySslVpnServer: console ⇔ cloud', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });

  it.each(modifyRows.map((r) => [r.name, r] as const))('%s', async (_, row) => {
    expectRow(row, await runRow(cloud, modifyTable, row));
  });
});
