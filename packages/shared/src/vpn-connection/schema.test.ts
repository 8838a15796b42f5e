import { describe, expect, it } from 'vitest';
import {
  expectAccepted,
  expectRefused,
  omit,
  type AcceptedCase,
  type RefusedCase,
} from '../../test/helpers';
import {
  createVpnConnectionSchema,
  modifyVpnConnectionAttributeSchema,
  type CreateVpnConnectionInput,
} from './schema';

const standard = createVpnConnectionSchema({ gatewayType: 'standard' });
const sm = createVpnConnectionSchema({ gatewayType: 'sm' });

const base = {
  regionId: 'cn-shanghai',
  vpnGatewayId: 'vpn-bp1q8bgx4xnkm0001',
  customerGatewayId: 'cgw-bp1hgslrq1afztya0001',
  localSubnet: ['10.1.1.0/24', '10.1.2.0/24'],
  remoteSubnet: ['10.2.1.0/24', '10.2.2.0/24'],
} satisfies CreateVpnConnectionInput;
type Base = typeof base;

const bgp = {
  enableBgp: true,
  localAsn: 65001,
  tunnelCidr: '169.254.11.0/30',
  localBgpIp: '169.254.11.1',
};
const hc = { enable: true, dip: '192.168.10.1', sip: '10.10.1.1', interval: 3, retry: 3 };
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB7zCCAZW\n-----END CERTIFICATE-----';

const accepted: AcceptedCase<Base>[] = [
  { rule: 'required fields only', value: (b) => b },
  {
    rule: 'destination routing (0.0.0.0/0 both sides)',
    value: (b) => ({ ...b, localSubnet: ['0.0.0.0/0'], remoteSubnet: ['0.0.0.0/0'] }),
  },
  // Names: the current API's 1–100 characters, not http(s):// (API.md; seed 002's 2–128 rule is older).
  { rule: 'name 1 character', value: (b) => ({ ...b, name: 'a' }) },
  {
    rule: 'name starting with a digit, with a space and /',
    value: (b) => ({ ...b, name: '1 ab/cd' }),
  },
  {
    rule: 'name 100 characters outside the BMP (𠀀 counts as one)',
    value: (b) => ({ ...b, name: '\u{20000}'.repeat(100) }),
  },
  { rule: 'Chinese name', value: (b) => ({ ...b, name: '上海连接1' }) },
  { rule: 'PSK inside IkeConfig', value: (b) => ({ ...b, ikeConfig: { psk: 'Abc123!@#' } }) },
  {
    rule: 'aggressive mode with FQDN ids',
    value: (b) => ({
      ...b,
      ikeConfig: { ikeMode: 'aggressive', localId: 'a.example.com', remoteId: 'b.example.com' },
    }),
  },
  { rule: 'BGP full', value: (b) => ({ ...b, bgpConfig: bgp }) },
  {
    rule: 'BGP ASN max and a.b form',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localAsn: '65535.65535' } }),
  },
  {
    rule: 'BGP ASN as decimal string 45104',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localAsn: '45104' } }),
  },
  {
    rule: 'BGP disabled without tunnel',
    value: (b) => ({ ...b, bgpConfig: { enableBgp: false } }),
  },
  {
    rule: 'BGP local IP .2',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localBgpIp: '169.254.11.2' } }),
  },
  {
    rule: 'BGP tunnel 169.254.7.0/30 (first free block)',
    value: (b) => ({
      ...b,
      bgpConfig: { ...bgp, tunnelCidr: '169.254.7.0/30', localBgpIp: '169.254.7.1' },
    }),
  },
  { rule: 'health check full', value: (b) => ({ ...b, healthCheckConfig: hc }) },
  {
    rule: 'health check disabled without addresses',
    value: (b) => ({ ...b, healthCheckConfig: { enable: false } }),
  },
  {
    rule: 'all booleans',
    value: (b) => ({
      ...b,
      effectImmediately: true,
      autoConfigRoute: false,
      enableDpd: false,
      enableNatTraversal: false,
      dryRun: true,
    }),
  },
];

const refused: RefusedCase<Base>[] = [
  {
    rule: 'customerGatewayId required',
    value: (b) => omit(b, 'customerGatewayId'),
    path: 'customerGatewayId',
    code: 'REQUIRED',
  },
  {
    rule: 'remoteSubnet required',
    value: (b) => omit(b, 'remoteSubnet'),
    path: 'remoteSubnet',
    code: 'REQUIRED',
  },
  {
    rule: 'regionId required',
    value: (b) => omit(b, 'regionId'),
    path: 'regionId',
    code: 'REQUIRED',
  },
  {
    rule: 'unknown key',
    value: (b) => ({ ...b, tunnelOptionsSpecification: [] }),
    path: 'tunnelOptionsSpecification',
    code: 'UNKNOWN_KEY',
  },
  {
    rule: 'remote subnet canonical',
    value: (b) => ({ ...b, remoteSubnet: ['10.2.1.0/24', '10.2.2.1/24'] }),
    path: 'remoteSubnet.1',
    code: 'CIDR_NOT_CANONICAL',
  },
  {
    rule: 'local subnet duplicate',
    value: (b) => ({ ...b, localSubnet: ['10.1.1.0/24', '10.1.1.0/24'] }),
    path: 'localSubnet.1',
    code: 'CIDR_DUPLICATE',
  },
  {
    rule: 'local subnet malformed',
    value: (b) => ({ ...b, localSubnet: ['10.1.1.0/33'] }),
    path: 'localSubnet.0',
    code: 'CIDR_INVALID',
  },
  {
    rule: 'name 101 characters',
    value: (b) => ({ ...b, name: 'a'.repeat(101) }),
    path: 'name',
    code: 'NAME_LENGTH',
  },
  {
    rule: 'name http://',
    value: (b) => ({ ...b, name: 'http://abc' }),
    path: 'name',
    code: 'NAME_HTTP_PREFIX',
  },
  {
    rule: 'PSK with space',
    value: (b) => ({ ...b, ikeConfig: { psk: 'a b' } }),
    path: 'ikeConfig.psk',
    code: 'PSK_SPACE',
  },
  {
    rule: 'PSK over 100',
    value: (b) => ({ ...b, ikeConfig: { psk: 'a'.repeat(101) } }),
    path: 'ikeConfig.psk',
    code: 'PSK_LENGTH',
  },
  {
    rule: 'IKE enc sm4 on standard',
    value: (b) => ({ ...b, ikeConfig: { ikeEncAlg: 'sm4' } }),
    path: 'ikeConfig.ikeEncAlg',
    code: 'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
  },
  {
    rule: 'IKE auth enum',
    value: (b) => ({ ...b, ikeConfig: { ikeAuthAlg: 'sha386' } }),
    path: 'ikeConfig.ikeAuthAlg',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IKE lifetime range',
    value: (b) => ({ ...b, ikeConfig: { ikeLifetime: 100000 } }),
    path: 'ikeConfig.ikeLifetime',
    code: 'LIFETIME_RANGE',
  },
  {
    rule: 'IPsec PFS group24 (legacy only)',
    value: (b) => ({ ...b, ipsecConfig: { ipsecPfs: 'group24' } }),
    path: 'ipsecConfig.ipsecPfs',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IPsec lifetime range',
    value: (b) => ({ ...b, ipsecConfig: { ipsecLifetime: -5 } }),
    path: 'ipsecConfig.ipsecLifetime',
    code: 'LIFETIME_RANGE',
  },
  {
    rule: 'LocalId over 100',
    value: (b) => ({ ...b, ikeConfig: { localId: 'x'.repeat(101) } }),
    path: 'ikeConfig.localId',
    code: 'IKE_ID_TOO_LONG',
  },
  {
    rule: 'RemoteId with a space',
    value: (b) => ({ ...b, ikeConfig: { remoteId: 'CN=a b' } }),
    path: 'ikeConfig.remoteId',
    code: 'IKE_ID_SPACE',
  },
  {
    rule: 'RemoteCaCertificate refused on standard',
    value: (b) => ({ ...b, remoteCaCertificate: CERT }),
    path: 'remoteCaCertificate',
    code: 'REMOTE_CA_CERT_NOT_FOR_STANDARD',
  },
  {
    rule: 'BGP ASN 0',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localAsn: 0 } }),
    path: 'bgpConfig.localAsn',
    code: 'ASN_RANGE',
  },
  {
    rule: 'BGP ASN 4294967296',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localAsn: 4294967296 } }),
    path: 'bgpConfig.localAsn',
    code: 'ASN_RANGE',
  },
  {
    rule: 'BGP ASN not a number',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localAsn: 'AS65001' } }),
    path: 'bgpConfig.localAsn',
    code: 'ASN_INVALID',
  },
  {
    rule: 'BGP ASN a.b with b > 65535',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localAsn: '1.65536' } }),
    path: 'bgpConfig.localAsn',
    code: 'ASN_INVALID',
  },
  {
    rule: 'BGP tunnel not /30',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, tunnelCidr: '169.254.11.0/29' } }),
    path: 'bgpConfig.tunnelCidr',
    code: 'TUNNEL_CIDR_PREFIX',
  },
  {
    rule: 'BGP tunnel outside 169.254/16',
    value: (b) => ({
      ...b,
      bgpConfig: { ...bgp, tunnelCidr: '10.0.0.0/30', localBgpIp: '10.0.0.1' },
    }),
    path: 'bgpConfig.tunnelCidr',
    code: 'TUNNEL_CIDR_OUTSIDE_LINK_LOCAL',
  },
  {
    rule: 'BGP tunnel reserved 169.254.0.0/30',
    value: (b) => ({
      ...b,
      bgpConfig: { ...bgp, tunnelCidr: '169.254.0.0/30', localBgpIp: '169.254.0.1' },
    }),
    path: 'bgpConfig.tunnelCidr',
    code: 'TUNNEL_CIDR_RESERVED',
  },
  {
    rule: 'BGP tunnel reserved 169.254.6.0/30',
    value: (b) => ({
      ...b,
      bgpConfig: { ...bgp, tunnelCidr: '169.254.6.0/30', localBgpIp: '169.254.6.1' },
    }),
    path: 'bgpConfig.tunnelCidr',
    code: 'TUNNEL_CIDR_RESERVED',
  },
  {
    rule: 'BGP tunnel reserved 169.254.169.252/30',
    value: (b) => ({
      ...b,
      bgpConfig: { ...bgp, tunnelCidr: '169.254.169.252/30', localBgpIp: '169.254.169.253' },
    }),
    path: 'bgpConfig.tunnelCidr',
    code: 'TUNNEL_CIDR_RESERVED',
  },
  {
    rule: 'BGP tunnel canonical',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, tunnelCidr: '169.254.11.1/30' } }),
    path: 'bgpConfig.tunnelCidr',
    code: 'CIDR_NOT_CANONICAL',
  },
  {
    rule: 'BGP local IP outside tunnel',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localBgpIp: '169.254.11.5' } }),
    path: 'bgpConfig.localBgpIp',
    code: 'BGP_LOCAL_IP_OUTSIDE_TUNNEL',
  },
  {
    rule: 'BGP local IP = network address',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localBgpIp: '169.254.11.0' } }),
    path: 'bgpConfig.localBgpIp',
    code: 'BGP_LOCAL_IP_NOT_HOST',
  },
  {
    rule: 'BGP local IP not IPv4',
    value: (b) => ({ ...b, bgpConfig: { ...bgp, localBgpIp: '169.254.11' } }),
    path: 'bgpConfig.localBgpIp',
    code: 'IPV4_INVALID',
  },
  {
    rule: 'BGP enabled needs tunnel CIDR',
    value: (b) => ({ ...b, bgpConfig: { enableBgp: true, localBgpIp: '169.254.11.1' } }),
    path: 'bgpConfig.tunnelCidr',
    code: 'REQUIRED',
  },
  {
    rule: 'BGP enabled needs local IP',
    value: (b) => ({ ...b, bgpConfig: { enableBgp: true, tunnelCidr: '169.254.11.0/30' } }),
    path: 'bgpConfig.localBgpIp',
    code: 'REQUIRED',
  },
  {
    rule: 'health check dip IPv4',
    value: (b) => ({ ...b, healthCheckConfig: { ...hc, dip: '192.168.10.300' } }),
    path: 'healthCheckConfig.dip',
    code: 'IPV4_INVALID',
  },
  {
    rule: 'health check sip IPv4',
    value: (b) => ({ ...b, healthCheckConfig: { ...hc, sip: 'host' } }),
    path: 'healthCheckConfig.sip',
    code: 'IPV4_INVALID',
  },
  {
    rule: 'health check interval positive',
    value: (b) => ({ ...b, healthCheckConfig: { ...hc, interval: 0 } }),
    path: 'healthCheckConfig.interval',
    code: 'POSITIVE_INTEGER',
  },
  {
    rule: 'health check retry integer',
    value: (b) => ({ ...b, healthCheckConfig: { ...hc, retry: 2.5 } }),
    path: 'healthCheckConfig.retry',
    code: 'POSITIVE_INTEGER',
  },
  {
    rule: 'health check enabled needs dip',
    value: (b) => ({ ...b, healthCheckConfig: { enable: true, sip: '10.0.0.1' } }),
    path: 'healthCheckConfig.dip',
    code: 'REQUIRED',
  },
  {
    rule: 'health check enabled needs sip',
    value: (b) => ({ ...b, healthCheckConfig: { enable: true, dip: '10.0.0.1' } }),
    path: 'healthCheckConfig.sip',
    code: 'REQUIRED',
  },
  {
    rule: 'health check unknown key',
    value: (b) => ({ ...b, healthCheckConfig: { ...hc, policy: 'revoke_route' } }),
    path: 'healthCheckConfig.policy',
    code: 'UNKNOWN_KEY',
  },
  {
    rule: 'ClientToken over 64',
    value: (b) => ({ ...b, clientToken: 'x'.repeat(65) }),
    path: 'clientToken',
    code: 'CLIENT_TOKEN_LENGTH',
  },
];

describe('createVpnConnectionSchema (standard gateway)', () => {
  it.each(accepted)('accepts: $rule', ({ value }) => {
    expectAccepted(standard, value(base));
  });
  it.each(refused)('refuses: $rule → $path $code', ({ value, path, code }) => {
    expectRefused(standard, value(base), path, code);
  });

  it('applies the connection defaults (ikev1 / md5, unlike the IPsec server)', () => {
    const parsed = standard.parse(base);
    expect(parsed.ikeConfig).toEqual({
      ikeVersion: 'ikev1',
      ikeMode: 'main',
      ikeEncAlg: 'aes',
      ikeAuthAlg: 'md5',
      ikePfs: 'group2',
      ikeLifetime: 86400,
    });
    expect(parsed.ipsecConfig).toEqual({
      ipsecEncAlg: 'aes',
      ipsecAuthAlg: 'md5',
      ipsecPfs: 'group2',
      ipsecLifetime: 86400,
    });
    expect(parsed).toMatchObject({
      effectImmediately: false,
      autoConfigRoute: true,
      enableDpd: true,
      enableNatTraversal: true,
    });
    expect(parsed.bgpConfig).toBeUndefined();
    expect(standard.parse({ ...base, bgpConfig: {} }).bgpConfig).toEqual({
      enableBgp: false,
      localAsn: 45104,
    });
    expect(standard.parse({ ...base, healthCheckConfig: {} }).healthCheckConfig).toEqual({
      enable: false,
      interval: 3,
      retry: 3,
    });
    expect(
      standard.parse({ ...base, bgpConfig: { ...bgp, localAsn: '1.10' } }).bgpConfig?.localAsn,
    ).toBe(65546);
  });
});

describe('createVpnConnectionSchema (SM gateway)', () => {
  const smBase = { ...base, remoteCaCertificate: CERT };
  it('accepts sm4/sm3 with the peer CA certificate and defaults to them', () => {
    expectAccepted(sm, { ...smBase, ikeConfig: { remoteId: 'CN=test,OU=test,O=test,C=CHN' } });
    const parsed = sm.parse(smBase);
    expect(parsed.ikeConfig).toMatchObject({
      ikeVersion: 'ikev1',
      ikeMode: 'main',
      ikeEncAlg: 'sm4',
      ikeAuthAlg: 'sm3',
    });
    expect(parsed.ipsecConfig).toMatchObject({ ipsecEncAlg: 'sm4', ipsecAuthAlg: 'sm3' });
  });
  it('requires the peer CA certificate', () => {
    expectRefused(sm, base, 'remoteCaCertificate', 'REMOTE_CA_CERT_REQUIRED_FOR_SM');
    expectRefused(
      sm,
      { ...base, remoteCaCertificate: 'MIIB7z' },
      'remoteCaCertificate',
      'CERTIFICATE_FORMAT',
    );
  });
  it('refuses standard algorithms, ikev2 and aggressive mode', () => {
    expectRefused(
      sm,
      { ...smBase, ikeConfig: { ikeEncAlg: 'aes' } },
      'ikeConfig.ikeEncAlg',
      'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    );
    expectRefused(
      sm,
      { ...smBase, ikeConfig: { ikeAuthAlg: 'sha1' } },
      'ikeConfig.ikeAuthAlg',
      'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    );
    expectRefused(
      sm,
      { ...smBase, ipsecConfig: { ipsecEncAlg: 'aes256' } },
      'ipsecConfig.ipsecEncAlg',
      'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    );
    expectRefused(
      sm,
      { ...smBase, ipsecConfig: { ipsecAuthAlg: 'md5' } },
      'ipsecConfig.ipsecAuthAlg',
      'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    );
    expectRefused(
      sm,
      { ...smBase, ikeConfig: { ikeVersion: 'ikev2' } },
      'ikeConfig.ikeVersion',
      'SM_REQUIRES_IKEV1',
    );
    expectRefused(
      sm,
      { ...smBase, ikeConfig: { ikeMode: 'aggressive' } },
      'ikeConfig.ikeMode',
      'SM_REQUIRES_MAIN_MODE',
    );
  });
});

describe('modifyVpnConnectionAttributeSchema', () => {
  const modify = modifyVpnConnectionAttributeSchema({ gatewayType: 'standard' });
  const modifySm = modifyVpnConnectionAttributeSchema({ gatewayType: 'sm' });
  const minimal = { regionId: 'cn-shanghai', vpnConnectionId: 'vco-bp1dfksi8lnbvbegl0001' };

  it('accepts a partial change and applies no defaults', () => {
    expect(modify.parse({ ...minimal, ikeConfig: { psk: 'newKey1' } })).toEqual({
      ...minimal,
      ikeConfig: { psk: 'newKey1' },
    });
    expect(modify.parse({ ...minimal, bgpConfig: { localAsn: 65010 } })).toEqual({
      ...minimal,
      bgpConfig: { localAsn: 65010 },
    });
    expectAccepted(modifySm, minimal);
  });
  it('keeps the create rules', () => {
    expectRefused(modify, { regionId: 'cn-shanghai' }, 'vpnConnectionId', 'REQUIRED');
    expectRefused(modify, { ...minimal, name: 'https://name' }, 'name', 'NAME_HTTP_PREFIX');
    expectRefused(
      modify,
      { ...minimal, remoteCaCertificate: CERT },
      'remoteCaCertificate',
      'REMOTE_CA_CERT_NOT_FOR_STANDARD',
    );
    expectRefused(
      modifySm,
      { ...minimal, ikeConfig: { ikeEncAlg: 'aes' } },
      'ikeConfig.ikeEncAlg',
      'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    );
    expectRefused(
      modify,
      { ...minimal, bgpConfig: { tunnelCidr: '169.254.11.0/30', localBgpIp: '169.254.12.1' } },
      'bgpConfig.localBgpIp',
      'BGP_LOCAL_IP_OUTSIDE_TUNNEL',
    );
    expectRefused(modify, { ...minimal, dryRun: true }, 'dryRun', 'UNKNOWN_KEY');
  });
});
