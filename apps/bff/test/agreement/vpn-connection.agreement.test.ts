// CreateVpnConnection (seed 002) and ModifyVpnConnectionAttribute (reference §5.4): every documented
// rule through the console's schema + rpc.ts and as hand-built params, against the emulator.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ISSUE_CODES as C } from '@vpn-console/shared/errors/issue-codes';
import {
  toCreateVpnConnectionParams,
  toModifyVpnConnectionAttributeParams,
} from '@vpn-console/shared/vpn-connection/rpc';
import {
  createVpnConnectionSchema,
  modifyVpnConnectionAttributeSchema,
} from '@vpn-console/shared/vpn-connection/schema';
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
const CGW = DEMO_IDS.customerGateways;
const HZ = DEMO_IDS.regions.hangzhou;
const SH = DEMO_IDS.regions.shanghai;
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB7zCCAZWgAwIBAgIDAGREE=\n-----END CERTIFICATE-----';

const createTable = defineTable({
  action: 'CreateVpnConnection',
  mode: { kind: 'dryRun', dryRunWire: true },
  schema: (gw: GatewayFacts) => createVpnConnectionSchema({ gatewayType: gw.gatewayType }),
  toRpc: toCreateVpnConnectionParams,
});

const modifyTable = defineTable({
  action: 'ModifyVpnConnectionAttribute',
  mode: { kind: 'reset' },
  schema: (gw: GatewayFacts) => modifyVpnConnectionAttributeSchema({ gatewayType: gw.gatewayType }),
  toRpc: toModifyVpnConnectionAttributeParams,
});

const bgp = (patch: Record<string, unknown>) => ({ bgpConfig: patch });
const bgpRaw = (json: Record<string, string>) => ({ BgpConfig: JSON.stringify(json) });
const hc = (patch: Record<string, unknown>) => ({ healthCheckConfig: patch });
const hcRaw = (json: Record<string, string>) => ({ HealthCheckConfig: JSON.stringify(json) });

const BGP_ON = { enableBgp: true, tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.11.1' };
const BGP_ON_RAW = { EnableBgp: 'true', TunnelCidr: '169.254.11.0/30', LocalBgpIp: '169.254.11.1' };

// ── CreateVpnConnection on a standard gateway (free1) to an unused customer gateway ──
const std = rowsFor({
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

/** Name rows: the current API's 1–100, not http(s):// (seed 002's 2–128 rule is older; shared/API.md). */
function nameRows(rows: ReturnType<typeof rowsFor>): AgreementCase[] {
  return [
    rows.ok('name of 1 character', { name: 'a' }, { Name: 'a' }),
    rows.ok('name starting with a digit, with a space', { name: '1 branch' }, { Name: '1 branch' }),
    rows.ok('name of 100 characters', { name: rep('b', 100) }, { Name: rep('b', 100) }),
    rows.ok(
      'Chinese name with digits . _ -',
      { name: '杭州-分支1.a_b' },
      { Name: '杭州-分支1.a_b' },
    ),
    rows.refused('name of 101 characters', { name: rep('a', 101) }, C.NAME_LENGTH, 'InvalidName', {
      Name: rep('a', 101),
    }),
    rows.refused(
      'name starting with http://',
      { name: 'http://a' },
      C.NAME_HTTP_PREFIX,
      'InvalidName',
      {
        Name: 'http://a',
      },
    ),
  ];
}

const createStandard: AgreementCase[] = [
  std.ok('documented defaults; minimal raw request', {}, {}),
  ...nameRows(std),
  // subnets
  std.ok(
    'several local and remote subnets',
    {
      localSubnet: ['172.20.0.0/24', '172.20.1.0/24'],
      remoteSubnet: ['10.50.0.0/24', '10.51.0.0/24'],
    },
    { LocalSubnet: '172.20.0.0/24,172.20.1.0/24', RemoteSubnet: '10.50.0.0/24,10.51.0.0/24' },
  ),
  std.known(
    'remote subnet inside the local subnet',
    { localSubnet: ['172.20.0.0/16'], remoteSubnet: ['172.20.5.0/24'] },
    { console: C.REMOTE_SUBNET_OVERLAPS_LOCAL, cloud: 'ok' },
    { LocalSubnet: '172.20.0.0/16', RemoteSubnet: '172.20.5.0/24' },
    'The seed documents no overlap rule; traffic to an address on both sides cannot be routed through the tunnel, so the console refuses it (issue 17).',
  ),
  std.ok(
    '0.0.0.0/0 on both sides (destination-routing mode)',
    { localSubnet: ['0.0.0.0/0'], remoteSubnet: ['0.0.0.0/0'] },
    { LocalSubnet: '0.0.0.0/0', RemoteSubnet: '0.0.0.0/0' },
  ),
  std.refused(
    'local subnet not a network address',
    { localSubnet: ['172.20.0.1/16'] },
    C.CIDR_NOT_CANONICAL,
    'IllegalParam.LocalSubnet',
    { LocalSubnet: '172.20.0.1/16' },
  ),
  std.refused(
    'remote subnet not a network address',
    { remoteSubnet: ['10.50.0.1/16'] },
    C.CIDR_NOT_CANONICAL,
    'IllegalParam.RemoteSubnet',
    { RemoteSubnet: '10.50.0.1/16' },
  ),
  std.refused(
    'remote subnet malformed',
    { remoteSubnet: ['10.50.0.0/33'] },
    C.CIDR_INVALID,
    'IllegalParam.RemoteSubnet',
    { RemoteSubnet: '10.50.0.0/33' },
  ),
  std.refused(
    'remote subnet is not a CIDR',
    { remoteSubnet: ['branch-office'] },
    C.CIDR_INVALID,
    'IllegalParam.RemoteSubnet',
    { RemoteSubnet: 'branch-office' },
  ),
  std.refused('no local subnet', { localSubnet: [] }, C.CIDR_LIST_EMPTY, 'MissingParameter', {
    LocalSubnet: undefined,
  }),
  std.refused('no remote subnet', { remoteSubnet: [] }, C.CIDR_LIST_EMPTY, 'MissingParameter', {
    RemoteSubnet: undefined,
  }),
  std.known(
    'the same remote subnet twice',
    { remoteSubnet: ['10.50.0.0/24', '10.50.0.0/24'] },
    { console: C.CIDR_DUPLICATE, cloud: 'ok' },
    { RemoteSubnet: '10.50.0.0/24,10.50.0.0/24' },
    'Duplicates: seed 002 only says "comma-separated"; the console refuses a repeated block, the cloud keeps it.',
  ),
  // phase 1 (seed 002 defaults ikev1/main/aes/md5/group2/86400)
  std.ok(
    'IKEv2, aggressive mode',
    ike({ ikeVersion: 'ikev2', ikeMode: 'aggressive' }),
    ikeRaw({ IkeVersion: 'ikev2', IkeMode: 'aggressive' }),
  ),
  std.refused(
    'IkeVersion IKEv1 (case)',
    ike({ ikeVersion: 'IKEv1' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkeVersion: 'IKEv1' }),
  ),
  ...['aes', 'aes192', 'aes256', 'des', '3des'].map((v) =>
    std.ok(`IkeEncAlg ${v}`, ike({ ikeEncAlg: v }), ikeRaw({ IkeEncAlg: v })),
  ),
  ...['md5', 'sha1', 'sha256', 'sha384', 'sha512'].map((v) =>
    std.ok(`IkeAuthAlg ${v}`, ike({ ikeAuthAlg: v }), ikeRaw({ IkeAuthAlg: v })),
  ),
  std.refused(
    'IkeEncAlg sm4 on a standard gateway',
    ike({ ikeEncAlg: 'sm4' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ikeRaw({ IkeEncAlg: 'sm4' }),
  ),
  std.refused(
    'IkeAuthAlg sm3 on a standard gateway',
    ike({ ikeAuthAlg: 'sm3' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ikeRaw({ IkeAuthAlg: 'sm3' }),
  ),
  ...['group1', 'group5', 'group14'].map((v) =>
    std.ok(`IkePfs ${v}`, ike({ ikePfs: v }), ikeRaw({ IkePfs: v })),
  ),
  std.refused(
    'IkePfs group24',
    ike({ ikePfs: 'group24' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ikeRaw({ IkePfs: 'group24' }),
  ),
  std.ok('IkeLifetime 0', ike({ ikeLifetime: 0 }), ikeRaw({ IkeLifetime: 0 })),
  std.refused(
    'IkeLifetime 86401',
    ike({ ikeLifetime: 86401 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ikeRaw({ IkeLifetime: 86401 }),
  ),
  std.refused(
    'IkeLifetime 3600.5',
    ike({ ikeLifetime: 3600.5 }),
    C.NOT_INTEGER,
    'InvalidParameter',
    ikeRaw({ IkeLifetime: 3600.5 }),
  ),
  std.ok(
    'PSK inside IkeConfig',
    ike({ psk: 'Branch-Key_2026!' }),
    ikeRaw({ Psk: 'Branch-Key_2026!' }),
  ),
  std.ok('PSK of 100 characters', ike({ psk: rep('p', 100) }), ikeRaw({ Psk: rep('p', 100) })),
  std.refused(
    'PSK of 101 characters',
    ike({ psk: rep('p', 101) }),
    C.PSK_LENGTH,
    'InvalidParameter',
    ikeRaw({ Psk: rep('p', 101) }),
  ),
  std.refused(
    'PSK with a space',
    ike({ psk: 'has space' }),
    C.PSK_SPACE,
    'InvalidParameter',
    ikeRaw({ Psk: 'has space' }),
  ),
  std.refused(
    'PSK with Chinese',
    ike({ psk: '预共享' }),
    C.PSK_CHARSET,
    'InvalidParameter',
    ikeRaw({ Psk: '预共享' }),
  ),
  std.refused(
    'empty PSK inside IkeConfig',
    ike({ psk: '' }),
    C.PSK_LENGTH,
    'InvalidParameter',
    ikeRaw({ Psk: '' }),
  ),
  std.ok(
    'LocalId / RemoteId FQDN',
    ike({ localId: 'hz.example.com', remoteId: 'branch.example.com' }),
    ikeRaw({ LocalId: 'hz.example.com', RemoteId: 'branch.example.com' }),
  ),
  std.refused(
    'LocalId of 101 characters',
    ike({ localId: rep('l', 101) }),
    C.IKE_ID_TOO_LONG,
    'InvalidParameter',
    ikeRaw({ LocalId: rep('l', 101) }),
  ),
  std.refused(
    'RemoteId with a tab',
    ike({ remoteId: 'a\tb' }),
    // A tab is a control character: the free-text rule speaks first (issue 10).
    C.CONTROL_CHARACTER,
    'InvalidParameter',
    ikeRaw({ RemoteId: 'a\tb' }),
  ),
  // phase 2
  ...['aes', 'aes192', 'aes256', 'des', '3des'].map((v) =>
    std.ok(`IpsecEncAlg ${v}`, ipsec({ ipsecEncAlg: v }), ipsecRaw({ IpsecEncAlg: v })),
  ),
  ...['md5', 'sha1', 'sha256', 'sha384', 'sha512'].map((v) =>
    std.ok(`IpsecAuthAlg ${v}`, ipsec({ ipsecAuthAlg: v }), ipsecRaw({ IpsecAuthAlg: v })),
  ),
  ...['disabled', 'group1', 'group2', 'group5', 'group14'].map((v) =>
    std.ok(`IpsecPfs ${v}`, ipsec({ ipsecPfs: v }), ipsecRaw({ IpsecPfs: v })),
  ),
  std.refused(
    'IpsecPfs group24',
    ipsec({ ipsecPfs: 'group24' }),
    C.INVALID_ENUM,
    'InvalidParameter',
    ipsecRaw({ IpsecPfs: 'group24' }),
  ),
  std.refused(
    'IpsecEncAlg sm4 on a standard gateway',
    ipsec({ ipsecEncAlg: 'sm4' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ipsecRaw({ IpsecEncAlg: 'sm4' }),
  ),
  std.refused(
    'IpsecLifetime -1',
    ipsec({ ipsecLifetime: -1 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ipsecRaw({ IpsecLifetime: -1 }),
  ),
  // switches
  std.ok(
    'AutoConfigRoute, EnableDpd, EnableNatTraversal off; EffectImmediately on',
    {
      autoConfigRoute: false,
      enableDpd: false,
      enableNatTraversal: false,
      effectImmediately: true,
    },
    {
      AutoConfigRoute: false,
      EnableDpd: false,
      EnableNatTraversal: false,
      EffectImmediately: true,
    },
  ),
  std.refused(
    'RemoteCaCertificate on a standard gateway',
    { remoteCaCertificate: PEM },
    C.REMOTE_CA_CERT_NOT_FOR_STANDARD,
    'InvalidParameter',
    { RemoteCaCertificate: PEM },
  ),
  // BGP (LocalAsn 1–4294967295, TunnelCidr a /30 in 169.254.0.0/16 outside the reserved blocks)
  std.ok('BGP on with a tunnel CIDR and local BGP IP', bgp(BGP_ON), bgpRaw(BGP_ON_RAW)),
  std.ok(
    'BGP LocalAsn 4294967295',
    bgp({ ...BGP_ON, localAsn: 4294967295 }),
    bgpRaw({ ...BGP_ON_RAW, LocalAsn: '4294967295' }),
  ),
  std.ok(
    'BGP LocalAsn in the a.b form 1.10 (sent as 65546)',
    bgp({ ...BGP_ON, localAsn: '1.10' }),
    bgpRaw({ ...BGP_ON_RAW, LocalAsn: '65546' }),
  ),
  std.ok('BGP off (documented default)', bgp({ enableBgp: false }), bgpRaw({ EnableBgp: 'false' })),
  std.refused(
    'BGP LocalAsn 0',
    bgp({ ...BGP_ON, localAsn: 0 }),
    C.ASN_RANGE,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, LocalAsn: '0' }),
  ),
  std.refused(
    'BGP LocalAsn 4294967296',
    bgp({ ...BGP_ON, localAsn: 4294967296 }),
    C.ASN_RANGE,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, LocalAsn: '4294967296' }),
  ),
  std.refused(
    'BGP LocalAsn not a number',
    bgp({ ...BGP_ON, localAsn: 'AS65000' }),
    C.ASN_INVALID,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, LocalAsn: 'AS65000' }),
  ),
  std.refused(
    'BGP tunnel CIDR /29',
    bgp({ ...BGP_ON, tunnelCidr: '169.254.11.0/29' }),
    C.TUNNEL_CIDR_PREFIX,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, TunnelCidr: '169.254.11.0/29' }),
  ),
  std.refused(
    'BGP tunnel CIDR outside 169.254.0.0/16',
    bgp({ ...BGP_ON, tunnelCidr: '10.0.0.0/30', localBgpIp: '10.0.0.1' }),
    C.TUNNEL_CIDR_OUTSIDE_LINK_LOCAL,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, TunnelCidr: '10.0.0.0/30', LocalBgpIp: '10.0.0.1' }),
  ),
  std.refused(
    'BGP tunnel CIDR not a network address',
    bgp({ ...BGP_ON, tunnelCidr: '169.254.11.1/30' }),
    C.CIDR_NOT_CANONICAL,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, TunnelCidr: '169.254.11.1/30' }),
  ),
  ...[
    ['169.254.0.0/30', '169.254.0.1'],
    ['169.254.6.0/30', '169.254.6.2'],
    ['169.254.169.252/30', '169.254.169.253'],
  ].map(([cidr = '', ip = '']) =>
    std.refused(
      `BGP tunnel CIDR reserved ${cidr}`,
      bgp({ enableBgp: true, tunnelCidr: cidr, localBgpIp: ip }),
      C.TUNNEL_CIDR_RESERVED,
      'InvalidParameter',
      bgpRaw({ EnableBgp: 'true', TunnelCidr: cidr, LocalBgpIp: ip }),
    ),
  ),
  std.refused(
    'BGP local IP outside the tunnel CIDR',
    bgp({ ...BGP_ON, localBgpIp: '169.254.12.1' }),
    C.BGP_LOCAL_IP_OUTSIDE_TUNNEL,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, LocalBgpIp: '169.254.12.1' }),
  ),
  std.refused(
    'BGP on without a tunnel CIDR',
    bgp({ enableBgp: true }),
    C.REQUIRED,
    'InvalidParameter',
    bgpRaw({ EnableBgp: 'true' }),
  ),
  std.known(
    'BGP local IP = network address of the tunnel /30',
    bgp({ ...BGP_ON, localBgpIp: '169.254.11.0' }),
    { console: C.BGP_LOCAL_IP_NOT_HOST, cloud: 'ok' },
    bgpRaw({ ...BGP_ON_RAW, LocalBgpIp: '169.254.11.0' }),
    'Seed 002 only says "an IP address inside the tunnel CIDR"; the console also refuses the /30\'s network and broadcast addresses (an inference, API.md).',
  ),
  std.known(
    'BGP off with an invalid tunnel CIDR',
    bgp({ enableBgp: false, tunnelCidr: '10.0.0.0/30' }),
    { console: C.TUNNEL_CIDR_OUTSIDE_LINK_LOCAL, cloud: 'ok' },
    bgpRaw({ EnableBgp: 'false', TunnelCidr: '10.0.0.0/30' }),
    'The seed does not say whether TunnelCidr is checked while BGP is off; the cloud ignores it, the console checks every field it is given.',
  ),
  // health check (enable/dip/sip/interval/retry; dip and sip needed when enabled)
  std.ok(
    'health check on',
    hc({ enable: true, dip: '10.50.0.1', sip: '172.20.0.1', interval: 5, retry: 4 }),
    hcRaw({ enable: 'true', dip: '10.50.0.1', sip: '172.20.0.1', interval: '5', retry: '4' }),
  ),
  std.ok('health check off', hc({ enable: false }), hcRaw({ enable: 'false' })),
  std.ok(
    'health check interval 60 and 100 retries (the documented maxima)',
    hc({ enable: true, dip: '10.50.0.1', sip: '172.20.0.1', interval: 60, retry: 100 }),
    hcRaw({ enable: 'true', dip: '10.50.0.1', sip: '172.20.0.1', interval: '60', retry: '100' }),
  ),
  std.refused(
    'health check interval 61',
    hc({ enable: true, dip: '10.50.0.1', sip: '172.20.0.1', interval: 61 }),
    C.HEALTH_CHECK_INTERVAL_RANGE,
    'InvalidParameter',
    hcRaw({ enable: 'true', dip: '10.50.0.1', sip: '172.20.0.1', interval: '61' }),
  ),
  std.refused(
    'health check 200 retries',
    hc({ enable: true, dip: '10.50.0.1', sip: '172.20.0.1', retry: 200 }),
    C.HEALTH_CHECK_RETRY_RANGE,
    'InvalidParameter',
    hcRaw({ enable: 'true', dip: '10.50.0.1', sip: '172.20.0.1', retry: '200' }),
  ),
  std.known(
    'health check source IP inside the remote subnet',
    hc({ enable: true, dip: '10.50.0.1', sip: '10.50.0.9' }),
    { console: C.HEALTH_CHECK_SIP_IN_REMOTE_SUBNET, cloud: 'ok' },
    hcRaw({ enable: 'true', dip: '10.50.0.1', sip: '10.50.0.9' }),
    'The seed calls sip the source IP and says nothing of where it lies; a probe sourced from the customer side cannot test the tunnel from the VPC, so the console refuses it (issue 17).',
  ),
  std.refused(
    'health check on without dip',
    hc({ enable: true, sip: '172.20.0.1' }),
    C.REQUIRED,
    'InvalidParameter',
    hcRaw({ enable: 'true', sip: '172.20.0.1' }),
  ),
  std.refused(
    'health check dip not an IPv4 address',
    hc({ enable: true, dip: '10.50.0', sip: '172.20.0.1' }),
    C.IPV4_INVALID,
    'InvalidParameter',
    hcRaw({ enable: 'true', dip: '10.50.0', sip: '172.20.0.1' }),
  ),
  std.refused(
    'health check interval 0',
    hc({ enable: true, dip: '10.50.0.1', sip: '172.20.0.1', interval: 0 }),
    C.POSITIVE_INTEGER,
    'InvalidParameter',
    hcRaw({ enable: 'true', dip: '10.50.0.1', sip: '172.20.0.1', interval: '0' }),
  ),
  std.refused(
    'health check retry 0',
    hc({ enable: true, dip: '10.50.0.1', sip: '172.20.0.1', retry: 0 }),
    C.POSITIVE_INTEGER,
    'InvalidParameter',
    hcRaw({ enable: 'true', dip: '10.50.0.1', sip: '172.20.0.1', retry: '0' }),
  ),
  std.known(
    'health check off with an invalid dip',
    hc({ enable: false, dip: 'not-an-ip' }),
    { console: C.IPV4_INVALID, cloud: 'ok' },
    hcRaw({ enable: 'false', dip: 'not-an-ip' }),
    'The seed does not say whether dip/sip are checked while the health check is off; the cloud ignores them, the console checks every field it is given.',
  ),
  // ClientToken
  std.ok(
    'ClientToken of 64 characters',
    { clientToken: rep('c', 64) },
    { ClientToken: rep('c', 64) },
  ),
  std.refused(
    'ClientToken of 65 characters',
    { clientToken: rep('c', 65) },
    C.CLIENT_TOKEN_LENGTH,
    'InvalidParameter',
    { ClientToken: rep('c', 65) },
  ),
];

/** Seed 002's state refusals: the form is valid, only the cloud knows the gateway's state. */
const GATEWAY_STATE =
  "Gateway state (seed 002's error table), not a form rule: the console validates the form, the BFF shows the cloud's error.";
const createGatewayState: AgreementCase[] = (
  [
    [
      G.connections,
      CGW.cooperative,
      'InvalidVpnConnection.AlreadyExists',
      'a second connection to the same customer gateway',
    ],
    [G.locked, CGW.free, 'VpnGateway.FinancialLocked', 'financially locked gateway'],
  ] as const
).map(([gateway, cgw, code, label]) =>
  rowsFor({
    gateway,
    form: {
      regionId: HZ,
      vpnGatewayId: gateway,
      customerGatewayId: cgw,
      localSubnet: ['172.16.0.0/16'],
      remoteSubnet: ['10.50.0.0/16'],
    },
    raw: {
      RegionId: HZ,
      VpnGatewayId: gateway,
      CustomerGatewayId: cgw,
      LocalSubnet: '172.16.0.0/16',
      RemoteSubnet: '10.50.0.0/16',
    },
  }).known(label, {}, { console: 'ok', cloud: code }, {}, GATEWAY_STATE),
);

// ── CreateVpnConnection on the SM (国密) gateway to an unused Shanghai customer gateway ──
const sm = rowsFor({
  gateway: G.sm,
  form: {
    regionId: SH,
    vpnGatewayId: G.sm,
    customerGatewayId: CGW.shanghaiFree,
    localSubnet: ['172.16.0.0/16'],
    remoteSubnet: ['10.61.0.0/16'],
    remoteCaCertificate: PEM,
  },
  raw: {
    RegionId: SH,
    VpnGatewayId: G.sm,
    CustomerGatewayId: CGW.shanghaiFree,
    LocalSubnet: '172.16.0.0/16',
    RemoteSubnet: '10.61.0.0/16',
    RemoteCaCertificate: PEM,
  },
});

const createSm: AgreementCase[] = [
  sm.ok(
    'SM defaults (ikev1/main/sm4/sm3) with the peer CA certificate; minimal raw request',
    {},
    {},
  ),
  sm.ok(
    'SM RemoteId = subject DN of the peer CA',
    ike({ remoteId: 'CN=test,OU=test,O=test,C=CHN' }),
    ikeRaw({ RemoteId: 'CN=test,OU=test,O=test,C=CHN' }),
  ),
  sm.ok(
    'SM keeps DH groups and may carry a PSK / LocalId',
    {
      ikeConfig: { ikePfs: 'group14', psk: 'Sm-Key', localId: 'sh.example.com' },
      ipsecConfig: { ipsecPfs: 'group5' },
    },
    {
      ...ikeRaw({ IkePfs: 'group14', Psk: 'Sm-Key', LocalId: 'sh.example.com' }),
      ...ipsecRaw({ IpsecPfs: 'group5' }),
    },
  ),
  sm.refused(
    'SM without the peer CA certificate',
    { remoteCaCertificate: undefined },
    C.REMOTE_CA_CERT_REQUIRED_FOR_SM,
    'MissingParameter',
    { RemoteCaCertificate: undefined },
  ),
  sm.refused(
    'SM with a certificate that is not PEM',
    { remoteCaCertificate: 'MIIB7zCCAZW' },
    C.CERTIFICATE_FORMAT,
    'InvalidParameter',
    { RemoteCaCertificate: 'MIIB7zCCAZW' },
  ),
  ...smAlgorithmRefusals(sm, { ikeAuthAlg: 'md5', ipsecEncAlg: '3des', ipsecAuthAlg: 'sha256' }),
  sm.refused(
    'SM RemoteId DN with spaces',
    ike({ remoteId: 'CN=test, O=test' }),
    C.IKE_ID_SPACE,
    'InvalidParameter',
    ikeRaw({ RemoteId: 'CN=test, O=test' }),
  ),
];

// ── ModifyVpnConnectionAttribute (no DryRun: the emulator is reseeded before each call) ──
const mod = rowsFor({
  gateway: G.connections,
  form: { regionId: HZ, vpnConnectionId: DEMO_IDS.connections.established },
  raw: { RegionId: HZ, VpnConnectionId: DEMO_IDS.connections.established },
});

const modifyStandard: AgreementCase[] = [
  mod.ok('nothing but the id', {}, {}),
  ...nameRows(mod),
  mod.ok(
    'new subnets',
    { localSubnet: ['172.16.1.0/24'], remoteSubnet: ['10.1.0.0/24', '10.9.0.0/24'] },
    { LocalSubnet: '172.16.1.0/24', RemoteSubnet: '10.1.0.0/24,10.9.0.0/24' },
  ),
  mod.refused(
    'remote subnet not a network address',
    { remoteSubnet: ['10.1.0.5/24'] },
    C.CIDR_NOT_CANONICAL,
    'IllegalParam.RemoteSubnet',
    { RemoteSubnet: '10.1.0.5/24' },
  ),
  mod.refused(
    'local subnet malformed',
    { localSubnet: ['172.16.1.0/40'] },
    C.CIDR_INVALID,
    'IllegalParam.LocalSubnet',
    { LocalSubnet: '172.16.1.0/40' },
  ),
  mod.ok(
    'new PSK only (other phase 1 settings unchanged)',
    ike({ psk: 'Rotated-Key_1' }),
    ikeRaw({ Psk: 'Rotated-Key_1' }),
  ),
  mod.refused(
    'PSK with a space',
    ike({ psk: 'a b' }),
    C.PSK_SPACE,
    'InvalidParameter',
    ikeRaw({ Psk: 'a b' }),
  ),
  mod.refused(
    'IkeEncAlg sm4 on a standard gateway',
    ike({ ikeEncAlg: 'sm4' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ikeRaw({ IkeEncAlg: 'sm4' }),
  ),
  mod.ok('IpsecPfs disabled', ipsec({ ipsecPfs: 'disabled' }), ipsecRaw({ IpsecPfs: 'disabled' })),
  mod.refused(
    'IpsecLifetime 86401',
    ipsec({ ipsecLifetime: 86401 }),
    C.LIFETIME_RANGE,
    'InvalidParameter',
    ipsecRaw({ IpsecLifetime: 86401 }),
  ),
  mod.ok('turn BGP on', bgp(BGP_ON), bgpRaw(BGP_ON_RAW)),
  mod.refused(
    'turn BGP on without a tunnel CIDR',
    bgp({ enableBgp: true }),
    C.REQUIRED,
    'InvalidParameter',
    bgpRaw({ EnableBgp: 'true' }),
  ),
  mod.refused(
    'BGP tunnel CIDR reserved',
    bgp({ ...BGP_ON, tunnelCidr: '169.254.3.0/30', localBgpIp: '169.254.3.1' }),
    C.TUNNEL_CIDR_RESERVED,
    'InvalidParameter',
    bgpRaw({ ...BGP_ON_RAW, TunnelCidr: '169.254.3.0/30', LocalBgpIp: '169.254.3.1' }),
  ),
  mod.ok(
    'turn the health check on',
    hc({ enable: true, dip: '10.1.0.1', sip: '172.16.0.1' }),
    hcRaw({ enable: 'true', dip: '10.1.0.1', sip: '172.16.0.1' }),
  ),
  mod.refused(
    'turn the health check on without sip',
    hc({ enable: true, dip: '10.1.0.1' }),
    C.REQUIRED,
    'InvalidParameter',
    hcRaw({ enable: 'true', dip: '10.1.0.1' }),
  ),
  mod.ok(
    'switches',
    {
      autoConfigRoute: false,
      enableDpd: false,
      enableNatTraversal: false,
      effectImmediately: true,
    },
    {
      AutoConfigRoute: false,
      EnableDpd: false,
      EnableNatTraversal: false,
      EffectImmediately: true,
    },
  ),
  mod.refused(
    'RemoteCaCertificate on a standard gateway',
    { remoteCaCertificate: PEM },
    C.REMOTE_CA_CERT_NOT_FOR_STANDARD,
    'InvalidParameter',
    { RemoteCaCertificate: PEM },
  ),
  mod.refused(
    'ClientToken with non-ASCII',
    { clientToken: 'clé' },
    C.CLIENT_TOKEN_ASCII,
    'InvalidParameter',
    { ClientToken: 'clé' },
  ),
];

const modSm = rowsFor({
  gateway: G.sm,
  form: { regionId: SH, vpnConnectionId: DEMO_IDS.connections.sm },
  raw: { RegionId: SH, VpnConnectionId: DEMO_IDS.connections.sm },
});

const modifySm: AgreementCase[] = [
  modSm.ok('SM: nothing but the id (the certificate stays)', {}, {}),
  modSm.ok(
    'SM: a new peer CA certificate',
    { remoteCaCertificate: PEM },
    { RemoteCaCertificate: PEM },
  ),
  modSm.refused(
    'SM: a certificate that is not PEM',
    { remoteCaCertificate: 'garbage' },
    C.CERTIFICATE_FORMAT,
    'InvalidParameter',
    { RemoteCaCertificate: 'garbage' },
  ),
  modSm.refused(
    'SM: change to ikev2',
    ike({ ikeVersion: 'ikev2' }),
    C.SM_REQUIRES_IKEV1,
    'InvalidParameter',
    ikeRaw({ IkeVersion: 'ikev2' }),
  ),
  modSm.refused(
    'SM: change to aes256 in phase 2',
    ipsec({ ipsecEncAlg: 'aes256' }),
    C.ALGORITHM_NOT_FOR_GATEWAY_TYPE,
    'InvalidParameter',
    ipsecRaw({ IpsecEncAlg: 'aes256' }),
  ),
  modSm.ok(
    'SM: lifetimes',
    { ikeConfig: { ikeLifetime: 28800 }, ipsecConfig: { ipsecLifetime: 3600 } },
    { ...ikeRaw({ IkeLifetime: 28800 }), ...ipsecRaw({ IpsecLifetime: 3600 }) },
  ),
];

describe('CreateVpnConnection: console ⇔ cloud', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });

  it.each(createStandard.map((c) => [c.name, c] as const))('standard: %s', async (_, row) => {
    expect((await cloud.facts(row.gateway)).gatewayType).toBe('standard');
    expectRow(row, await runRow(cloud, createTable, row));
  });

  it.each(createSm.map((c) => [c.name, c] as const))('SM: %s', async (_, row) => {
    expect((await cloud.facts(row.gateway)).gatewayType).toBe('sm');
    expectRow(row, await runRow(cloud, createTable, row));
  });

  it.each(createGatewayState.map((c) => [c.name, c] as const))('state: %s', async (_, row) => {
    expectRow(row, await runRow(cloud, createTable, row));
  });

  it('DryRun left no connection behind', () => {
    const onFree = cloud.emulator.snapshot().connections.filter((c) => c.VpnGatewayId === G.free1);
    expect(onFree).toEqual([]);
  });
});

describe('ModifyVpnConnectionAttribute: console ⇔ cloud', () => {
  let cloud: Cloud;
  beforeAll(async () => {
    cloud = await startCloud();
  });
  afterAll(async () => {
    await cloud.close();
  });

  it.each(modifyStandard.map((c) => [c.name, c] as const))('standard: %s', async (_, row) => {
    expectRow(row, await runRow(cloud, modifyTable, row));
  });

  it.each(modifySm.map((c) => [c.name, c] as const))('SM: %s', async (_, row) => {
    expect((await cloud.facts(row.gateway)).gatewayType).toBe('sm');
    expectRow(row, await runRow(cloud, modifyTable, row));
  });

  it('an accepted change really landed (no DryRun here)', async () => {
    const row = mod.ok('rename', { name: 'renamed-branch' });
    expectRow(row, await runRow(cloud, modifyTable, row));
    const conn = cloud.emulator
      .snapshot()
      .connections.find((c) => c.VpnConnectionId === DEMO_IDS.connections.established);
    expect(conn?.Name).toBe('renamed-branch');
  });
});
