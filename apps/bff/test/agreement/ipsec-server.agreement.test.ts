// CreateIpsecServer (seed 001, which wins over 000) and UpdateIpsecServer (seed 004): every documented
// rule, once through the console's schema + rpc.ts and once as hand-built params, against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refineClientPoolVsVpc } from '@vpn-console/shared/common/client-pool';
import { ISSUE_CODES as C } from '@vpn-console/shared/errors/issue-codes';
import {
  toCreateIpsecServerParams,
  toUpdateIpsecServerParams,
} from '@vpn-console/shared/ipsec-server/rpc';
import {
  createIpsecServerSchema,
  updateIpsecServerSchema,
} from '@vpn-console/shared/ipsec-server/schema';
import type { EmulatorState } from '@vpn-console/vpc-emulator/state';
import {
  DEMO_IDS,
  defineTable,
  expectRow,
  rep,
  rowsFor,
  ike,
  ikeRaw,
  ipsec,
  ipsecRaw,
  smAlgorithmRefusals,
  runRow,
  startCloud,
  type AgreementCase,
  type Cloud,
  type GatewayFacts,
} from './harness';

const G = DEMO_IDS.gateways;
const HZ = DEMO_IDS.regions.hangzhou;
const SH = DEMO_IDS.regions.shanghai;
const SM_SERVER = 'iss-uf6agreementsm000001';

const createTable = defineTable({
  action: 'CreateIpsecServer',
  mode: { kind: 'dryRun', dryRunWire: 'true' },
  schema: (gw: GatewayFacts) =>
    createIpsecServerSchema({ gatewayType: gw.gatewayType }).superRefine(
      refineClientPoolVsVpc(gw.vpcCidrs),
    ),
  toRpc: toCreateIpsecServerParams,
});

const updateTable = defineTable({
  action: 'UpdateIpsecServer',
  mode: { kind: 'dryRun', dryRunWire: 'true' },
  schema: (gw: GatewayFacts) =>
    updateIpsecServerSchema({ gatewayType: gw.gatewayType }).superRefine(
      refineClientPoolVsVpc(gw.vpcCidrs),
    ),
  toRpc: toUpdateIpsecServerParams,
});

// ── CreateIpsecServer on a standard gateway (free1: VPC 172.20.0.0/16) ──
const std = rowsFor({
  gateway: G.free1,
  form: {
    regionId: HZ,
    vpnGatewayId: G.free1,
    localSubnet: ['172.20.0.0/16'],
    clientIpPool: '10.30.0.0/24',
    pskEnabled: true,
  },
  raw: {
    RegionId: HZ,
    VpnGatewayId: G.free1,
    LocalSubnet: '172.20.0.0/16',
    ClientIpPool: '10.30.0.0/24',
    PskEnabled: true,
  },
});

const createStandard: AgreementCase[] = [
  std.ok('documented defaults; minimal raw request (required params + PskEnabled)', {}, {}),
  // names (seed 001: 1–100 characters, not http(s)://)
  std.ok('name of 1 character', { ipsecServerName: 'a' }, { IpSecServerName: 'a' }),
  std.ok('name of 100 characters', { ipsecServerName: rep('n', 100) }),
  std.ok(
    'name of 100 characters outside the BMP (𠀀 counts as one)',
    { ipsecServerName: rep('\u{20000}', 100) },
    { IpSecServerName: rep('\u{20000}', 100) },
  ),
  std.ok('name starting with a digit, with spaces and Chinese', {
    ipsecServerName: '1 服务端 x',
  }),
  std.refused(
    'name of 101 characters',
    { ipsecServerName: rep('n', 101) },
    C.NAME_LENGTH,
    'InvalidName',
    {
      IpSecServerName: rep('n', 101),
    },
  ),
  std.refused(
    'name starting with http://',
    { ipsecServerName: 'http://x' },
    C.NAME_HTTP_PREFIX,
    'InvalidName',
    {
      IpSecServerName: 'http://x',
    },
  ),
  std.refused(
    'name starting with HTTPS:// (any case)',
    { ipsecServerName: 'HTTPS://x' },
    C.NAME_HTTP_PREFIX,
    'InvalidName',
    {
      IpSecServerName: 'HTTPS://x',
    },
  ),
  std.known(
    'empty name',
    { ipsecServerName: '' },
    { console: C.NAME_LENGTH, cloud: 'ok' },
    { IpSecServerName: '' },
    'An empty parameter on the wire is "not given" (the server keeps no name); the console asks the user to omit the field.',
  ),
  std.known(
    'name with a bidi override (U+202E)',
    { ipsecServerName: 'evil\u202Egnp' },
    { console: C.CONTROL_CHARACTER, cloud: 'ok' },
    { IpSecServerName: 'evil\u202Egnp' },
    'The documented name rule (1–100 characters, not http(s)://) allows it; the console refuses control and bidi characters in every free-text field (issue 10), so a name never reads differently from what is stored.',
  ),
  // local subnets
  std.ok(
    'two local subnets',
    { localSubnet: ['172.20.0.0/24', '172.20.1.0/24'] },
    {
      LocalSubnet: '172.20.0.0/24,172.20.1.0/24',
    },
  ),
  std.ok('nested local subnets (no overlap rule documented)', {
    localSubnet: ['172.20.0.0/16', '172.20.1.0/24'],
  }),
  std.refused(
    'local subnet not a network address',
    { localSubnet: ['172.20.0.1/16'] },
    C.CIDR_NOT_CANONICAL,
    'IllegalParam.LocalSubnet',
    {
      LocalSubnet: '172.20.0.1/16',
    },
  ),
  std.refused(
    'local subnet with prefix /33',
    { localSubnet: ['172.20.0.0/33'] },
    C.CIDR_INVALID,
    'IllegalParam.LocalSubnet',
    {
      LocalSubnet: '172.20.0.0/33',
    },
  ),
  std.refused(
    'local subnet with an octet > 255',
    { localSubnet: ['300.20.0.0/16'] },
    C.CIDR_INVALID,
    'IllegalParam.LocalSubnet',
    {
      LocalSubnet: '300.20.0.0/16',
    },
  ),
  std.refused('no local subnet', { localSubnet: [] }, C.CIDR_LIST_EMPTY, 'MissingParameter', {
    LocalSubnet: undefined,
  }),
  std.known(
    'the same local subnet twice',
    { localSubnet: ['172.20.0.0/24', '172.20.0.0/24'] },
    { console: C.CIDR_DUPLICATE, cloud: 'ok' },
    { LocalSubnet: '172.20.0.0/24,172.20.0.0/24' },
    'Duplicates: the seeds only say "comma-separated"; the console refuses a repeated block, the cloud keeps it.',
  ),
  // client pool (/16–/29, reserved ranges, not overlapping the VPC side)
  std.ok('client pool /16', { clientIpPool: '10.30.0.0/16' }, { ClientIpPool: '10.30.0.0/16' }),
  std.ok('client pool /29', { clientIpPool: '10.30.0.0/29' }, { ClientIpPool: '10.30.0.0/29' }),
  std.refused(
    'client pool /15',
    { clientIpPool: '10.30.0.0/15' },
    C.CLIENT_POOL_PREFIX_RANGE,
    'ClientIpPool.NetmaskInvalid',
    {
      ClientIpPool: '10.30.0.0/15',
    },
  ),
  std.refused(
    'client pool /30',
    { clientIpPool: '10.30.0.0/30' },
    C.CLIENT_POOL_PREFIX_RANGE,
    'ClientIpPool.NetmaskInvalid',
    {
      ClientIpPool: '10.30.0.0/30',
    },
  ),
  std.refused(
    'client pool not a network address',
    { clientIpPool: '10.30.0.1/24' },
    C.CIDR_NOT_CANONICAL,
    'ClientIpPool.SubnetInvalid',
    {
      ClientIpPool: '10.30.0.1/24',
    },
  ),
  ...['100.64.0.0/24', '127.0.0.0/24', '169.254.10.0/24', '224.0.0.0/24', '255.0.0.0/24'].map(
    (pool) =>
      std.refused(
        `client pool in the reserved range ${pool}`,
        { clientIpPool: pool },
        C.CIDR_RESERVED,
        'ClientIpPool.SubnetInvalid',
        {
          ClientIpPool: pool,
        },
      ),
  ),
  std.refused(
    'client pool overlapping a local subnet',
    { localSubnet: ['10.30.0.0/16'], clientIpPool: '10.30.1.0/24' },
    C.CLIENT_POOL_OVERLAPS_LOCAL_SUBNET,
    'InvalidClientIpPool.Conflict',
    {
      LocalSubnet: '10.30.0.0/16',
      ClientIpPool: '10.30.1.0/24',
    },
  ),
  std.refused(
    'client pool overlapping the VPC (server-side check)',
    { localSubnet: ['192.168.0.0/24'], clientIpPool: '172.20.5.0/24' },
    C.CLIENT_POOL_OVERLAPS_VPC,
    'InvalidClientIpPool.Conflict',
    {
      LocalSubnet: '192.168.0.0/24',
      ClientIpPool: '172.20.5.0/24',
    },
  ),
  // phase 1 (standard enums; seed 001 defaults ikev2/main/aes/sha1/group2/86400)
  ...['ikev1', 'ikev2'].map((v) =>
    std.ok(`IkeVersion ${v}`, ike({ ikeVersion: v }), ikeRaw({ IkeVersion: v })),
  ),
  std.refused(
    'IkeVersion ikev3',
    ike({ ikeVersion: 'ikev3' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkeVersion: 'ikev3' }),
  ),
  std.ok('IkeMode aggressive', ike({ ikeMode: 'aggressive' }), ikeRaw({ IkeMode: 'aggressive' })),
  std.refused(
    'IkeMode quick',
    ike({ ikeMode: 'quick' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkeMode: 'quick' }),
  ),
  ...['aes', 'aes192', 'aes256', 'des', '3des'].map((v) =>
    std.ok(`IkeEncAlg ${v}`, ike({ ikeEncAlg: v }), ikeRaw({ IkeEncAlg: v })),
  ),
  std.refused(
    'IkeEncAlg sm4 on a standard gateway',
    ike({ ikeEncAlg: 'sm4' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ikeRaw({ IkeEncAlg: 'sm4' }),
  ),
  std.refused(
    'IkeEncAlg aes128 (not documented)',
    ike({ ikeEncAlg: 'aes128' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkeEncAlg: 'aes128' }),
  ),
  ...['md5', 'sha1', 'sha256', 'sha384', 'sha512'].map((v) =>
    std.ok(`IkeAuthAlg ${v}`, ike({ ikeAuthAlg: v }), ikeRaw({ IkeAuthAlg: v })),
  ),
  std.refused(
    'IkeAuthAlg sm3 on a standard gateway',
    ike({ ikeAuthAlg: 'sm3' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ikeRaw({ IkeAuthAlg: 'sm3' }),
  ),
  std.refused(
    'IkeAuthAlg sha386 (legacy Terraform typo)',
    ike({ ikeAuthAlg: 'sha386' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkeAuthAlg: 'sha386' }),
  ),
  ...['group1', 'group2', 'group5', 'group14'].map((v) =>
    std.ok(`IkePfs ${v}`, ike({ ikePfs: v }), ikeRaw({ IkePfs: v })),
  ),
  std.refused(
    'IkePfs group24',
    ike({ ikePfs: 'group24' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkePfs: 'group24' }),
  ),
  std.refused(
    'IkePfs disabled (only phase 2 may disable PFS)',
    ike({ ikePfs: 'disabled' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkePfs: 'disabled' }),
  ),
  std.ok('IkeLifetime 0', ike({ ikeLifetime: 0 }), ikeRaw({ IkeLifetime: 0 })),
  std.ok('IkeLifetime 86400', ike({ ikeLifetime: 86400 }), ikeRaw({ IkeLifetime: 86400 })),
  std.refused(
    'IkeLifetime 86401',
    ike({ ikeLifetime: 86401 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ikeRaw({ IkeLifetime: 86401 }),
  ),
  std.refused(
    'IkeLifetime -1',
    ike({ ikeLifetime: -1 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ikeRaw({ IkeLifetime: -1 }),
  ),
  std.refused(
    'IkeLifetime 1.5',
    ike({ ikeLifetime: 1.5 }),
    C.NOT_INTEGER,
    'InvalidParameter',
    ikeRaw({ IkeLifetime: 1.5 }),
  ),
  std.ok(
    'LocalId / RemoteId as FQDN and IP',
    ike({ localId: 'vpn.example.com', remoteId: '203.0.113.7' }),
    ikeRaw({ LocalId: 'vpn.example.com', RemoteId: '203.0.113.7' }),
  ),
  std.ok(
    'LocalId of 100 characters',
    ike({ localId: rep('i', 100) }),
    ikeRaw({ LocalId: rep('i', 100) }),
  ),
  std.refused(
    'LocalId of 101 characters',
    ike({ localId: rep('i', 101) }),
    C.IKE_ID_TOO_LONG,
    'InvalidParameter',
    ikeRaw({ LocalId: rep('i', 101) }),
  ),
  std.refused(
    'RemoteId with a space',
    ike({ remoteId: 'peer one' }),
    C.IKE_ID_SPACE,
    'InvalidParameter',
    ikeRaw({ RemoteId: 'peer one' }),
  ),
  std.known(
    'empty LocalId',
    ike({ localId: '' }),
    { console: C.REQUIRED, cloud: 'ok' },
    ikeRaw({ LocalId: '' }),
    'Empty identifiers: the cloud takes "" as "use the default" (gateway IP); the console asks the user to omit the field instead.',
  ),
  // phase 2
  ...['aes', 'aes192', 'aes256', 'des', '3des'].map((v) =>
    std.ok(`IpsecEncAlg ${v}`, ipsec({ ipsecEncAlg: v }), ipsecRaw({ IpsecEncAlg: v })),
  ),
  ...['md5', 'sha1', 'sha256', 'sha384', 'sha512'].map((v) =>
    std.ok(`IpsecAuthAlg ${v}`, ipsec({ ipsecAuthAlg: v }), ipsecRaw({ IpsecAuthAlg: v })),
  ),
  std.refused(
    'IpsecEncAlg sm4 on a standard gateway',
    ipsec({ ipsecEncAlg: 'sm4' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ipsecRaw({ IpsecEncAlg: 'sm4' }),
  ),
  std.refused(
    'IpsecAuthAlg sm3 on a standard gateway',
    ipsec({ ipsecAuthAlg: 'sm3' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ipsecRaw({ IpsecAuthAlg: 'sm3' }),
  ),
  ...['disabled', 'group1', 'group2', 'group5', 'group14'].map((v) =>
    std.ok(`IpsecPfs ${v}`, ipsec({ ipsecPfs: v }), ipsecRaw({ IpsecPfs: v })),
  ),
  std.refused(
    'IpsecPfs group24',
    ipsec({ ipsecPfs: 'group24' }),
    C.INVALID_ENUM,
    'OperationUnsupported.IpsecPfs',
    ipsecRaw({ IpsecPfs: 'group24' }),
  ),
  std.ok('IpsecLifetime 0', ipsec({ ipsecLifetime: 0 }), ipsecRaw({ IpsecLifetime: 0 })),
  std.refused(
    'IpsecLifetime 86401',
    ipsec({ ipsecLifetime: 86401 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ipsecRaw({ IpsecLifetime: 86401 }),
  ),
  // authentication
  std.ok('PSK of letters and digits', { psk: 'Cfd123' }, { Psk: 'Cfd123' }),
  std.ok(
    'PSK with every documented symbol',
    { psk: '~!`@#$%^&*()_-+={}[]|;:\'",.<>/?' },
    { Psk: '~!`@#$%^&*()_-+={}[]|;:\'",.<>/?' },
  ),
  std.ok('PSK of 100 characters', { psk: rep('k', 100) }, { Psk: rep('k', 100) }),
  std.refused('PSK of 101 characters', { psk: rep('k', 101) }, C.PSK_LENGTH, 'InvalidParameter', {
    Psk: rep('k', 101),
  }),
  std.refused('PSK with a space', { psk: 'my key' }, C.PSK_SPACE, 'InvalidParameter', {
    Psk: 'my key',
  }),
  std.refused('PSK with Chinese', { psk: '密钥123' }, C.PSK_CHARSET, 'InvalidParameter', {
    Psk: '密钥123',
  }),
  std.refused('PSK with a backslash', { psk: 'a\\b' }, C.PSK_CHARSET, 'InvalidParameter', {
    Psk: 'a\\b',
  }),
  std.known(
    'empty PSK',
    { psk: '' },
    { console: C.PSK_LENGTH, cloud: 'ok' },
    { Psk: '' },
    'An empty Psk= on the wire is "not given": the cloud generates a random 16-character key; the console asks the user to omit the field.',
  ),
  std.refused(
    'PskEnabled false',
    { pskEnabled: false },
    C.PSK_ENABLED_ONLY_TRUE,
    'IllegalParam.AuthMethod',
    { PskEnabled: false },
  ),
  std.known(
    'PskEnabled omitted',
    { pskEnabled: undefined },
    { console: C.AUTH_METHOD_REQUIRED, cloud: 'ok' },
    { PskEnabled: undefined },
    'Seed 001 marks PskEnabled optional yet demands "Psk or IDaaS" (IllegalParam.AuthMethod); the emulator reads an omitted PskEnabled as true, the console requires it explicitly.',
  ),
  std.ok('EffectImmediately true', { effectImmediately: true }, { EffectImmediately: true }),
  // ClientToken (≤ 64 ASCII)
  std.ok(
    'ClientToken of 64 ASCII characters',
    { clientToken: rep('t', 64) },
    { ClientToken: rep('t', 64) },
  ),
  std.refused(
    'ClientToken of 65 characters',
    { clientToken: rep('t', 65) },
    C.CLIENT_TOKEN_LENGTH,
    'InvalidParameter',
    { ClientToken: rep('t', 65) },
  ),
  std.refused(
    'ClientToken with non-ASCII',
    { clientToken: 'tök-1' },
    C.CLIENT_TOKEN_ASCII,
    'InvalidParameter',
    { ClientToken: 'tök-1' },
  ),
];

/** Seed 001's gateway-state refusals: the form is valid, only the cloud knows the gateway's state. */
const GATEWAY_STATE =
  "Gateway state (seed 001's error table), not a form rule: the console validates the form, the BFF shows the cloud's error.";
const createGatewayState: AgreementCase[] = (
  [
    [G.old, 'OperationUnsupported.IPsecServer', 'gateway version without IPsec server support'],
    [G.sslDisabled, 'VpnGateway.SslVpnDisabled', 'gateway with SSL-VPN off'],
    [G.locked, 'VpnGateway.FinancialLocked', 'financially locked gateway'],
    [G.servers, 'OperationFailed.IPsecServerExist', 'gateway that already has an IPsec server'],
  ] as const
).map(([gateway, code, label]) =>
  rowsFor({
    gateway,
    form: {
      regionId: HZ,
      vpnGatewayId: gateway,
      localSubnet: ['10.77.0.0/16'],
      clientIpPool: '10.30.0.0/24',
      pskEnabled: true,
    },
    raw: {
      RegionId: HZ,
      VpnGatewayId: gateway,
      LocalSubnet: '10.77.0.0/16',
      ClientIpPool: '10.30.0.0/24',
      PskEnabled: true,
    },
  }).known(label, {}, { console: 'ok', cloud: code }, {}, GATEWAY_STATE),
);

// ── CreateIpsecServer on the SM (国密) gateway, with SSL-VPN turned on for the test ──
const sm = rowsFor({
  gateway: G.sm,
  form: {
    regionId: SH,
    vpnGatewayId: G.sm,
    localSubnet: ['172.16.0.0/16'],
    clientIpPool: '10.40.0.0/24',
    pskEnabled: true,
  },
  raw: {
    RegionId: SH,
    VpnGatewayId: G.sm,
    LocalSubnet: '172.16.0.0/16',
    ClientIpPool: '10.40.0.0/24',
    PskEnabled: true,
  },
});

const createSm: AgreementCase[] = [
  sm.ok(
    'SM defaults (ikev1/main/sm4/sm3); minimal raw request without IkeConfig/IpsecConfig',
    {},
    {},
  ),
  sm.ok(
    'SM explicit algorithms',
    ike({ ikeVersion: 'ikev1', ikeMode: 'main', ikeEncAlg: 'sm4', ikeAuthAlg: 'sm3' }),
    ikeRaw({ IkeVersion: 'ikev1', IkeMode: 'main', IkeEncAlg: 'sm4', IkeAuthAlg: 'sm3' }),
  ),
  ...smAlgorithmRefusals(sm, { ikeAuthAlg: 'sha1', ipsecEncAlg: 'aes256', ipsecAuthAlg: 'md5' }),
  sm.ok(
    'SM keeps the DH groups (IkePfs group14, IpsecPfs disabled)',
    { ikeConfig: { ikePfs: 'group14' }, ipsecConfig: { ipsecPfs: 'disabled' } },
    { ...ikeRaw({ IkePfs: 'group14' }), ...ipsecRaw({ IpsecPfs: 'disabled' }) },
  ),
  sm.ok(
    'SM with a PSK and LocalId',
    { psk: 'Sm-Key_1', ikeConfig: { localId: 'sm.example.com' } },
    { Psk: 'Sm-Key_1', ...ikeRaw({ LocalId: 'sm.example.com' }) },
  ),
];

// ── UpdateIpsecServer: the demo server (gateway `servers`: VPC 192.168.0.0/16, SSL pool 10.210.0.0/24) ──
const upd = rowsFor({
  gateway: G.servers,
  form: { regionId: HZ, ipsecServerId: DEMO_IDS.ipsecServer },
  raw: { RegionId: HZ, IpsecServerId: DEMO_IDS.ipsecServer },
});

const updateStandard: AgreementCase[] = [
  upd.ok('nothing but the id', {}, {}),
  upd.ok('rename (1 character)', { ipsecServerName: 'x' }, { IpsecServerName: 'x' }),
  upd.ok(
    'rename starting with a digit (seed 004 says letter first; 001 wins so a created name can be kept)',
    { ipsecServerName: '1-server' },
    { IpsecServerName: '1-server' },
  ),
  upd.refused(
    'rename to 101 characters',
    { ipsecServerName: rep('n', 101) },
    C.NAME_LENGTH,
    'InvalidName',
    { IpsecServerName: rep('n', 101) },
  ),
  upd.refused(
    'rename to https://…',
    { ipsecServerName: 'https://a' },
    C.NAME_HTTP_PREFIX,
    'InvalidName',
    { IpsecServerName: 'https://a' },
  ),
  upd.ok(
    'new local subnets',
    { localSubnet: ['192.168.0.0/24', '192.168.1.0/24'] },
    { LocalSubnet: '192.168.0.0/24,192.168.1.0/24' },
  ),
  upd.refused(
    'local subnet not a network address',
    { localSubnet: ['192.168.0.9/24'] },
    C.CIDR_NOT_CANONICAL,
    'IllegalParam.LocalSubnet',
    { LocalSubnet: '192.168.0.9/24' },
  ),
  upd.ok('new client pool', { clientIpPool: '10.201.0.0/24' }, { ClientIpPool: '10.201.0.0/24' }),
  upd.refused(
    'client pool /30',
    { clientIpPool: '10.201.0.0/30' },
    C.CLIENT_POOL_PREFIX_RANGE,
    'ClientIpPool.NetmaskInvalid',
    { ClientIpPool: '10.201.0.0/30' },
  ),
  upd.refused(
    'client pool in 169.254.0.0/16',
    { clientIpPool: '169.254.0.0/24' },
    C.CIDR_RESERVED,
    'ClientIpPool.SubnetInvalid',
    { ClientIpPool: '169.254.0.0/24' },
  ),
  upd.refused(
    'client pool inside the VPC (server-side check)',
    { clientIpPool: '192.168.5.0/24' },
    C.CLIENT_POOL_OVERLAPS_VPC,
    'InvalidClientIpPool.Conflict',
    { ClientIpPool: '192.168.5.0/24' },
  ),
  upd.refused(
    'client pool overlapping new local subnets',
    { localSubnet: ['10.202.0.0/16'], clientIpPool: '10.202.3.0/24' },
    C.CLIENT_POOL_OVERLAPS_LOCAL_SUBNET,
    'InvalidClientIpPool.Conflict',
    { LocalSubnet: '10.202.0.0/16', ClientIpPool: '10.202.3.0/24' },
  ),
  upd.known(
    "client pool overlapping the gateway's SSL-VPN pool",
    { clientIpPool: '10.210.0.0/24' },
    { console: 'ok', cloud: 'VpnRouteEntry.Conflict' },
    { ClientIpPool: '10.210.0.0/24' },
    "State only the cloud holds (the gateway's other route entries); the BFF shows the cloud's VpnRouteEntry.Conflict.",
  ),
  upd.known(
    'new local subnet overlapping the current client pool',
    { localSubnet: ['10.200.0.0/16'] },
    { console: 'ok', cloud: 'InvalidClientIpPool.Conflict' },
    { LocalSubnet: '10.200.0.0/16' },
    'The current client pool is server state: a change form that omits clientIpPool cannot compare against it; the cloud refuses.',
  ),
  upd.ok(
    'phase 1 change only (omitted = unchanged)',
    ike({ ikeVersion: 'ikev1', ikeAuthAlg: 'sha256' }),
    ikeRaw({ IkeVersion: 'ikev1', IkeAuthAlg: 'sha256' }),
  ),
  upd.refused(
    'IkeEncAlg sm4 on a standard gateway',
    ike({ ikeEncAlg: 'sm4' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ikeRaw({ IkeEncAlg: 'sm4' }),
  ),
  upd.refused(
    'IkeLifetime 86401',
    ike({ ikeLifetime: 86401 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ikeRaw({ IkeLifetime: 86401 }),
  ),
  upd.refused(
    'RemoteId of 101 characters',
    ike({ remoteId: rep('r', 101) }),
    C.IKE_ID_TOO_LONG,
    'InvalidParameter',
    ikeRaw({ RemoteId: rep('r', 101) }),
  ),
  upd.ok('IpsecPfs disabled', ipsec({ ipsecPfs: 'disabled' }), ipsecRaw({ IpsecPfs: 'disabled' })),
  upd.refused(
    'IpsecPfs group24',
    ipsec({ ipsecPfs: 'group24' }),
    C.INVALID_ENUM,
    'OperationUnsupported.IpsecPfs',
    ipsecRaw({ IpsecPfs: 'group24' }),
  ),
  upd.refused(
    'IpsecLifetime -1',
    ipsec({ ipsecLifetime: -1 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ipsecRaw({ IpsecLifetime: -1 }),
  ),
  upd.ok(
    'PskEnabled true and a new PSK',
    { pskEnabled: true, psk: 'New-Psk_2026' },
    { PskEnabled: true, Psk: 'New-Psk_2026' },
  ),
  upd.refused(
    'PskEnabled false (no IDaaS on this server)',
    { pskEnabled: false },
    C.PSK_ENABLED_ONLY_TRUE,
    'IllegalParam.AuthMethod',
    { PskEnabled: false },
  ),
  upd.refused('PSK with a space', { psk: 'a b' }, C.PSK_SPACE, 'InvalidParameter', { Psk: 'a b' }),
  upd.refused(
    'ClientToken of 65 characters',
    { clientToken: rep('t', 65) },
    C.CLIENT_TOKEN_LENGTH,
    'InvalidParameter',
    { ClientToken: rep('t', 65) },
  ),
];

// ── UpdateIpsecServer on an SM server (added to the SM gateway for the test) ──
const updSm = rowsFor({
  gateway: G.sm,
  form: { regionId: SH, ipsecServerId: SM_SERVER },
  raw: { RegionId: SH, IpsecServerId: SM_SERVER },
});

const updateSm: AgreementCase[] = [
  updSm.ok('SM lifetime change', ike({ ikeLifetime: 3600 }), ikeRaw({ IkeLifetime: 3600 })),
  updSm.ok(
    'SM explicit sm4/sm3 in phase 2',
    ipsec({ ipsecEncAlg: 'sm4', ipsecAuthAlg: 'sm3' }),
    ipsecRaw({ IpsecEncAlg: 'sm4', IpsecAuthAlg: 'sm3' }),
  ),
  updSm.refused(
    'SM change to ikev2',
    ike({ ikeVersion: 'ikev2' }),
    C.SM_REQUIRES_IKEV1,
    'InvalidParameter',
    ikeRaw({ IkeVersion: 'ikev2' }),
  ),
  updSm.refused(
    'SM change to aes',
    ike({ ikeEncAlg: 'aes' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ikeRaw({ IkeEncAlg: 'aes' }),
  ),
  updSm.refused(
    'SM change to sha1 in phase 2',
    ipsec({ ipsecAuthAlg: 'sha1' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ipsecRaw({ IpsecAuthAlg: 'sha1' }),
  ),
];

/** The demo seed has one SM gateway, with SSL-VPN off: turn it on so an IPsec server can be tried. */
function smWithSsl(state: EmulatorState): void {
  for (const g of state.gateways) if (g.VpnGatewayId === G.sm) g.SslVpn = 'enable';
}

/** …and give it an IPsec server with the SM defaults, for UpdateIpsecServer. */
function smWithServer(state: EmulatorState): void {
  smWithSsl(state);
  state.ipsecServers.push({
    IpsecServerId: SM_SERVER,
    IpsecServerName: 'sh-guomi-clients',
    VpnGatewayId: G.sm,
    RegionId: SH,
    CreationTime: '2025-01-15T09:00:00Z',
    LocalSubnet: '172.16.0.0/16',
    ClientIpPool: '10.40.0.0/24',
    EffectImmediately: false,
    Psk: 'SmDemoServerKey1',
    PskEnabled: true,
    MultiFactorAuthEnabled: false,
    IDaaSInstanceId: '',
    IkeConfig: {
      IkeVersion: 'ikev1',
      IkeMode: 'main',
      IkeEncAlg: 'sm4',
      IkeAuthAlg: 'sm3',
      IkePfs: 'group2',
      IkeLifetime: 86400,
      LocalId: '192.0.2.90',
      RemoteId: '',
    },
    IpsecConfig: {
      IpsecEncAlg: 'sm4',
      IpsecAuthAlg: 'sm3',
      IpsecPfs: 'group2',
      IpsecLifetime: 86400,
    },
    OnlineClientCount: 0,
    ResourceGroupId: 'rg-acfmdemo00000001',
  });
}

describe('CreateIpsecServer: console ⇔ cloud', () => {
  let standard: Cloud;
  let smCloud: Cloud;
  beforeAll(async () => {
    standard = await startCloud();
    smCloud = await startCloud(smWithSsl);
  });
  afterAll(async () => {
    await standard.close();
    await smCloud.close();
  });

  it.each(createStandard.map((c) => [c.name, c] as const))('standard: %s', async (_, row) => {
    expectRow(row, await runRow(standard, createTable, row));
  });

  it.each(createGatewayState.map((c) => [c.name, c] as const))('state: %s', async (_, row) => {
    expectRow(row, await runRow(standard, createTable, row));
  });

  it.each(createSm.map((c) => [c.name, c] as const))('SM: %s', async (_, row) => {
    expect((await smCloud.facts(row.gateway)).gatewayType).toBe('sm');
    expectRow(row, await runRow(smCloud, createTable, row));
  });

  it('sends the console defaults the seed documents, and DryRun changed nothing', async () => {
    const row = createStandard[0];
    if (row === undefined) throw new Error('empty table');
    const result = await runRow(standard, createTable, row);
    expect(result.params).toMatchObject({
      IkeConfig:
        '{"IkeVersion":"ikev2","IkeMode":"main","IkeEncAlg":"aes","IkeAuthAlg":"sha1","IkePfs":"group2","IkeLifetime":86400}',
      IpsecConfig:
        '{"IpsecEncAlg":"aes","IpsecAuthAlg":"sha1","IpsecPfs":"group2","IpsecLifetime":86400}',
      DryRun: 'true',
    });
    expect(standard.emulator.snapshot().ipsecServers.map((s) => s.VpnGatewayId)).not.toContain(
      G.free1,
    );
  });
});

describe('UpdateIpsecServer: console ⇔ cloud', () => {
  let standard: Cloud;
  let smCloud: Cloud;
  beforeAll(async () => {
    standard = await startCloud();
    smCloud = await startCloud(smWithServer);
  });
  afterAll(async () => {
    await standard.close();
    await smCloud.close();
  });

  it.each(updateStandard.map((c) => [c.name, c] as const))('standard: %s', async (_, row) => {
    expectRow(row, await runRow(standard, updateTable, row));
  });

  it.each(updateSm.map((c) => [c.name, c] as const))('SM: %s', async (_, row) => {
    expect((await smCloud.facts(row.gateway)).gatewayType).toBe('sm');
    expectRow(row, await runRow(smCloud, updateTable, row));
  });
});
