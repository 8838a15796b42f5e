import { describe, expect, it } from 'vitest';
import {
  expectAccepted,
  expectRefused,
  omit,
  type AcceptedCase,
  type RefusedCase,
} from '../../test/helpers';
import {
  createSslVpnServerSchema,
  gatewaySupportsMultiFactorAuth,
  modifySslVpnServerSchema,
  refineMultiFactorAuthGateway,
  SSL_FORBIDDEN_PORTS,
  type CreateSslVpnServerInput,
} from './schema';

const base = {
  regionId: 'cn-shanghai',
  vpnGatewayId: 'vpn-bp1hgim8by0kc9nga0001',
  clientIpPool: '192.168.1.0/24',
  localSubnet: ['10.0.0.0/8'],
} satisfies CreateSslVpnServerInput;
type Base = typeof base;

const accepted: AcceptedCase<Base>[] = [
  { rule: 'required fields only', value: (b) => b },
  {
    rule: 'local subnet /8 and /32',
    value: (b) => ({ ...b, localSubnet: ['10.0.0.0/8', '172.16.0.1/32'] }),
  },
  {
    rule: 'local subnet in 100.64/10 (cloud services such as OSS)',
    value: (b) => ({ ...b, localSubnet: ['100.100.0.0/16'] }),
  },
  {
    rule: 'client pool /16 and /29 bounds',
    value: (b) => ({ ...b, clientIpPool: '192.168.0.0/29' }),
  },
  { rule: 'port 1 and 65535', value: (b) => ({ ...b, port: 65535 }) },
  { rule: 'port 1', value: (b) => ({ ...b, port: 1 }) },
  {
    rule: 'TCP with AES-256-CBC, compression',
    value: (b) => ({ ...b, proto: 'TCP', cipher: 'AES-256-CBC', compress: true }),
  },
  { rule: 'cipher none', value: (b) => ({ ...b, cipher: 'none' }) },
  {
    rule: 'MFA with IDaaS instance and region',
    value: (b) => ({
      ...b,
      enableMultiFactorAuth: true,
      idaasInstanceId: 'idaas-cn-hangzhou-p0001',
      idaasRegionId: 'cn-hangzhou',
    }),
  },
  { rule: 'name with . _ -', value: (b) => ({ ...b, name: 'ssl.vpn_server-1' }) },
  // The current API's 1–100, not http(s):// (API.md; seed 003's 2–128 with a character rule is older).
  { rule: 'name of 1 character, a digit', value: (b) => ({ ...b, name: '1' }) },
  { rule: 'name with a slash and a space', value: (b) => ({ ...b, name: '9 ssl/vpn' }) },
];

const refused: RefusedCase<Base>[] = [
  {
    rule: 'clientIpPool required',
    value: (b) => omit(b, 'clientIpPool'),
    path: 'clientIpPool',
    code: 'REQUIRED',
  },
  {
    rule: 'localSubnet required',
    value: (b) => omit(b, 'localSubnet'),
    path: 'localSubnet',
    code: 'REQUIRED',
  },
  {
    rule: 'vpnGatewayId required',
    value: (b) => omit(b, 'vpnGatewayId'),
    path: 'vpnGatewayId',
    code: 'REQUIRED',
  },
  {
    rule: 'unknown key',
    value: (b) => ({ ...b, dnsServers: '1.1.1.1' }),
    path: 'dnsServers',
    code: 'UNKNOWN_KEY',
  },
  {
    rule: 'client pool /15',
    value: (b) => ({ ...b, clientIpPool: '192.168.0.0/15' }),
    path: 'clientIpPool',
    code: 'CLIENT_POOL_PREFIX_RANGE',
  },
  {
    rule: 'client pool /14 canonical but too big',
    value: (b) => ({ ...b, clientIpPool: '192.168.0.0/14' }),
    path: 'clientIpPool',
    code: 'CLIENT_POOL_PREFIX_RANGE',
  },
  {
    rule: 'client pool /30',
    value: (b) => ({ ...b, clientIpPool: '192.168.1.0/30' }),
    path: 'clientIpPool',
    code: 'CLIENT_POOL_PREFIX_RANGE',
  },
  {
    rule: 'client pool reserved 100.64/10',
    value: (b) => ({ ...b, clientIpPool: '100.64.0.0/16' }),
    path: 'clientIpPool',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'client pool reserved 224/4',
    value: (b) => ({ ...b, clientIpPool: '224.0.0.0/24' }),
    path: 'clientIpPool',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'client pool canonical',
    value: (b) => ({ ...b, clientIpPool: '192.168.1.1/24' }),
    path: 'clientIpPool',
    code: 'CIDR_NOT_CANONICAL',
  },
  {
    rule: 'client pool overlaps local subnet',
    value: (b) => ({ ...b, clientIpPool: '10.1.0.0/24' }),
    path: 'clientIpPool',
    code: 'CLIENT_POOL_OVERLAPS_LOCAL_SUBNET',
  },
  {
    rule: 'local subnet /7',
    value: (b) => ({ ...b, localSubnet: ['10.0.0.0/7'] }),
    path: 'localSubnet.0',
    code: 'SSL_LOCAL_SUBNET_PREFIX_RANGE',
  },
  {
    rule: 'local subnet canonical',
    value: (b) => ({ ...b, localSubnet: ['10.1.0.0/8'] }),
    path: 'localSubnet.0',
    code: 'CIDR_NOT_CANONICAL',
  },
  {
    rule: 'second local subnet /7',
    value: (b) => ({ ...b, localSubnet: ['10.0.0.0/8', '8.0.0.0/7'] }),
    path: 'localSubnet.1',
    code: 'SSL_LOCAL_SUBNET_PREFIX_RANGE',
  },
  {
    rule: 'local subnet reserved 127/8',
    value: (b) => ({ ...b, localSubnet: ['127.0.0.0/8'] }),
    path: 'localSubnet.0',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'local subnet reserved 169.254/16',
    value: (b) => ({ ...b, localSubnet: ['169.254.0.0/16'] }),
    path: 'localSubnet.0',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'local subnet reserved 224/4',
    value: (b) => ({ ...b, localSubnet: ['239.0.0.0/8'] }),
    path: 'localSubnet.0',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'local subnet reserved 255/8',
    value: (b) => ({ ...b, localSubnet: ['255.255.255.255/32'] }),
    path: 'localSubnet.0',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'local subnet duplicate',
    value: (b) => ({ ...b, localSubnet: ['10.0.0.0/8', '10.0.0.0/8'] }),
    path: 'localSubnet.1',
    code: 'CIDR_DUPLICATE',
  },
  { rule: 'port 0', value: (b) => ({ ...b, port: 0 }), path: 'port', code: 'PORT_RANGE' },
  { rule: 'port 65536', value: (b) => ({ ...b, port: 65536 }), path: 'port', code: 'PORT_RANGE' },
  {
    rule: 'port integer',
    value: (b) => ({ ...b, port: 1194.5 }),
    path: 'port',
    code: 'NOT_INTEGER',
  },
  {
    rule: 'proto enum',
    value: (b) => ({ ...b, proto: 'udp' }),
    path: 'proto',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'cipher enum',
    value: (b) => ({ ...b, cipher: 'AES-128-GCM' }),
    path: 'cipher',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'MFA without IDaaS instance',
    value: (b) => ({ ...b, enableMultiFactorAuth: true, idaasRegionId: 'cn-hangzhou' }),
    path: 'idaasInstanceId',
    code: 'MFA_IDAAS_INSTANCE_REQUIRED',
  },
  {
    rule: 'MFA without IDaaS region',
    value: (b) => ({ ...b, enableMultiFactorAuth: true, idaasInstanceId: 'idaas-1' }),
    path: 'idaasRegionId',
    code: 'MFA_IDAAS_REGION_REQUIRED',
  },
  {
    rule: 'name https://',
    value: (b) => ({ ...b, name: 'https://ssl' }),
    path: 'name',
    code: 'NAME_HTTP_PREFIX',
  },
  {
    rule: 'name too long (101 characters)',
    value: (b) => ({ ...b, name: 's'.repeat(101) }),
    path: 'name',
    code: 'NAME_LENGTH',
  },
  {
    rule: 'ClientToken non-ASCII',
    value: (b) => ({ ...b, clientToken: 'tök' }),
    path: 'clientToken',
    code: 'CLIENT_TOKEN_ASCII',
  },
];

describe('createSslVpnServerSchema', () => {
  it.each(accepted)('accepts: $rule', ({ value }) => {
    expectAccepted(createSslVpnServerSchema, value(base));
  });
  it.each(refused)('refuses: $rule → $path $code', ({ value, path, code }) => {
    expectRefused(createSslVpnServerSchema, value(base), path, code);
  });
  it.each(SSL_FORBIDDEN_PORTS)('refuses forbidden port %i', (port) => {
    expectRefused(createSslVpnServerSchema, { ...base, port }, 'port', 'PORT_FORBIDDEN');
  });
  it('has exactly the 16 forbidden ports of seed 003', () => {
    expect([...SSL_FORBIDDEN_PORTS].sort((a, b) => a - b)).toEqual([
      22, 53, 68, 80, 123, 443, 500, 2222, 4500, 4510, 4560, 7505, 9000, 9001, 9002, 22222,
    ]);
  });
  it('applies the documented defaults (UDP, 1194, AES-128-CBC, no compression, no MFA)', () => {
    expect(createSslVpnServerSchema.parse(base)).toEqual({
      ...base,
      proto: 'UDP',
      port: 1194,
      cipher: 'AES-128-CBC',
      compress: false,
      enableMultiFactorAuth: false,
    });
  });
});

describe('modifySslVpnServerSchema', () => {
  const minimal = { regionId: 'cn-shanghai', sslVpnServerId: 'vss-bp18q7hzj6largv4v0001' };
  it('accepts a partial change without defaults', () => {
    expect(modifySslVpnServerSchema.parse({ ...minimal, port: 1195 })).toEqual({
      ...minimal,
      port: 1195,
    });
  });
  it('keeps the create rules', () => {
    expectRefused(
      modifySslVpnServerSchema,
      { regionId: 'cn-shanghai' },
      'sslVpnServerId',
      'REQUIRED',
    );
    expectRefused(modifySslVpnServerSchema, { ...minimal, port: 443 }, 'port', 'PORT_FORBIDDEN');
    expectRefused(
      modifySslVpnServerSchema,
      { ...minimal, enableMultiFactorAuth: true },
      'idaasInstanceId',
      'MFA_IDAAS_INSTANCE_REQUIRED',
    );
    expectRefused(
      modifySslVpnServerSchema,
      { ...minimal, clientIpPool: '10.0.0.0/24', localSubnet: ['10.0.0.0/16'] },
      'clientIpPool',
      'CLIENT_POOL_OVERLAPS_LOCAL_SUBNET',
    );
  });
});

describe('MFA needs a gateway created on or after 2020-03-05 (Beijing time)', () => {
  const mfa = {
    ...base,
    enableMultiFactorAuth: true,
    idaasInstanceId: 'idaas-1',
    idaasRegionId: 'cn-hangzhou',
  };
  it('tells old and new gateways apart at midnight Beijing time', () => {
    expect(gatewaySupportsMultiFactorAuth(Date.parse('2020-03-05T00:00:00+08:00'))).toBe(true);
    expect(gatewaySupportsMultiFactorAuth(Date.parse('2020-03-04T23:59:59+08:00'))).toBe(false);
  });
  it('lets the BFF refuse MFA on an old gateway', () => {
    const old = createSslVpnServerSchema.superRefine(
      refineMultiFactorAuthGateway(Date.parse('2019-01-01T00:00:00Z')),
    );
    const recent = createSslVpnServerSchema.superRefine(
      refineMultiFactorAuthGateway(Date.parse('2024-01-01T00:00:00Z')),
    );
    expectRefused(old, mfa, 'enableMultiFactorAuth', 'MFA_GATEWAY_TOO_OLD');
    expectAccepted(old, base);
    expectAccepted(recent, mfa);
  });
});
