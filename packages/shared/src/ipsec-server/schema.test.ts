import { describe, expect, it } from 'vitest';
import {
  expectAccepted,
  expectRefused,
  omit,
  type AcceptedCase,
  type RefusedCase,
} from '../../test/helpers';
import {
  createIpsecServerSchema,
  updateIpsecServerSchema,
  type CreateIpsecServerInput,
} from './schema';

const standard = createIpsecServerSchema({ gatewayType: 'standard' });
const sm = createIpsecServerSchema({ gatewayType: 'sm' });

const base = {
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-bp17lofy9fd0dnvzv0001',
  localSubnet: ['192.168.0.0/24', '192.168.1.0/24'],
  clientIpPool: '10.0.0.0/24',
  pskEnabled: true,
} satisfies CreateIpsecServerInput;

type Base = typeof base;

const accepted: AcceptedCase<Base>[] = [
  { rule: 'minimal value (required fields + auth method)', value: (b) => b },
  { rule: 'name of 1 character (seed 001: 1–100)', value: (b) => ({ ...b, ipsecServerName: '1' }) },
  { rule: 'name of 100 characters', value: (b) => ({ ...b, ipsecServerName: 'a'.repeat(100) }) },
  { rule: 'Chinese name', value: (b) => ({ ...b, ipsecServerName: '杭州服务端' }) },
  { rule: 'client pool /16', value: (b) => ({ ...b, clientIpPool: '10.1.0.0/16' }) },
  { rule: 'client pool /29', value: (b) => ({ ...b, clientIpPool: '10.0.0.8/29' }) },
  {
    rule: 'PSK with every documented symbol',
    value: (b) => ({ ...b, psk: 'aZ09~!`@#$%^&*()_-+={}[]|;:\'",.<>/?' }),
  },
  { rule: 'PSK of 100 characters', value: (b) => ({ ...b, psk: 'x'.repeat(100) }) },
  {
    rule: 'lifetimes at the bounds',
    value: (b) => ({ ...b, ikeConfig: { ikeLifetime: 0 }, ipsecConfig: { ipsecLifetime: 86400 } }),
  },
  {
    rule: 'every standard algorithm option',
    value: (b) => ({
      ...b,
      ikeConfig: {
        ikeVersion: 'ikev1',
        ikeMode: 'aggressive',
        ikeEncAlg: '3des',
        ikeAuthAlg: 'sha512',
        ikePfs: 'group14',
        localId: 'vpn.example.com',
        remoteId: '203.0.113.7',
      },
      ipsecConfig: { ipsecEncAlg: 'aes256', ipsecAuthAlg: 'md5', ipsecPfs: 'disabled' },
    }),
  },
  {
    rule: 'LocalId of 100 characters',
    value: (b) => ({ ...b, ikeConfig: { localId: 'a'.repeat(100) } }),
  },
  {
    rule: 'ClientToken of 64 ASCII characters',
    value: (b) => ({ ...b, clientToken: 'a'.repeat(64) }),
  },
  { rule: 'dry run', value: (b) => ({ ...b, dryRun: true }) },
];

const refused: RefusedCase<Base>[] = [
  {
    rule: 'regionId required',
    value: (b) => omit(b, 'regionId'),
    path: 'regionId',
    code: 'REQUIRED',
  },
  {
    rule: 'vpnGatewayId required',
    value: (b) => omit(b, 'vpnGatewayId'),
    path: 'vpnGatewayId',
    code: 'REQUIRED',
  },
  {
    rule: 'vpnGatewayId format',
    value: (b) => ({ ...b, vpnGatewayId: 'cgw-123' }),
    path: 'vpnGatewayId',
    code: 'INVALID_FORMAT',
  },
  {
    rule: 'localSubnet required',
    value: (b) => omit(b, 'localSubnet'),
    path: 'localSubnet',
    code: 'REQUIRED',
  },
  {
    rule: 'localSubnet not empty',
    value: (b) => ({ ...b, localSubnet: [] }),
    path: 'localSubnet',
    code: 'CIDR_LIST_EMPTY',
  },
  {
    rule: 'clientIpPool required',
    value: (b) => omit(b, 'clientIpPool'),
    path: 'clientIpPool',
    code: 'REQUIRED',
  },
  {
    rule: 'unknown key refused',
    value: (b) => ({ ...b, vpcId: 'vpc-1' }),
    path: 'vpcId',
    code: 'UNKNOWN_KEY',
  },
  {
    rule: 'wrong type',
    value: (b) => ({ ...b, localSubnet: '192.168.0.0/24' }),
    path: 'localSubnet',
    code: 'INVALID_TYPE',
  },
  {
    rule: 'name empty (1–100)',
    value: (b) => ({ ...b, ipsecServerName: '' }),
    path: 'ipsecServerName',
    code: 'NAME_LENGTH',
  },
  {
    rule: 'name over 100',
    value: (b) => ({ ...b, ipsecServerName: 'a'.repeat(101) }),
    path: 'ipsecServerName',
    code: 'NAME_LENGTH',
  },
  {
    rule: 'name http://',
    value: (b) => ({ ...b, ipsecServerName: 'http://x' }),
    path: 'ipsecServerName',
    code: 'NAME_HTTP_PREFIX',
  },
  {
    rule: 'name https://',
    value: (b) => ({ ...b, ipsecServerName: 'https://x' }),
    path: 'ipsecServerName',
    code: 'NAME_HTTP_PREFIX',
  },
  {
    rule: 'local subnet malformed',
    value: (b) => ({ ...b, localSubnet: ['192.168.0.0/24', '192.168.1/24'] }),
    path: 'localSubnet.1',
    code: 'CIDR_INVALID',
  },
  {
    rule: 'local subnet canonical',
    value: (b) => ({ ...b, localSubnet: ['192.168.0.1/24'] }),
    path: 'localSubnet.0',
    code: 'CIDR_NOT_CANONICAL',
  },
  {
    rule: 'local subnet duplicates',
    value: (b) => ({ ...b, localSubnet: ['192.168.0.0/24', '192.168.0.0/24'] }),
    path: 'localSubnet.1',
    code: 'CIDR_DUPLICATE',
  },
  {
    rule: 'client pool canonical',
    value: (b) => ({ ...b, clientIpPool: '10.0.0.1/24' }),
    path: 'clientIpPool',
    code: 'CIDR_NOT_CANONICAL',
  },
  {
    rule: 'client pool /15',
    value: (b) => ({ ...b, clientIpPool: '10.0.0.0/15' }),
    path: 'clientIpPool',
    code: 'CLIENT_POOL_PREFIX_RANGE',
  },
  {
    rule: 'client pool /30',
    value: (b) => ({ ...b, clientIpPool: '10.0.0.0/30' }),
    path: 'clientIpPool',
    code: 'CLIENT_POOL_PREFIX_RANGE',
  },
  {
    rule: 'client pool reserved 100.64/10',
    value: (b) => ({ ...b, clientIpPool: '100.64.0.0/24' }),
    path: 'clientIpPool',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'client pool reserved 127/8',
    value: (b) => ({ ...b, clientIpPool: '127.0.0.0/24' }),
    path: 'clientIpPool',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'client pool reserved 169.254/16',
    value: (b) => ({ ...b, clientIpPool: '169.254.1.0/24' }),
    path: 'clientIpPool',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'client pool reserved 224/4',
    value: (b) => ({ ...b, clientIpPool: '230.0.0.0/24' }),
    path: 'clientIpPool',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'client pool reserved 255/8',
    value: (b) => ({ ...b, clientIpPool: '255.0.0.0/24' }),
    path: 'clientIpPool',
    code: 'CIDR_RESERVED',
  },
  {
    rule: 'client pool overlaps local subnet',
    value: (b) => ({ ...b, clientIpPool: '192.168.0.0/16' }),
    path: 'clientIpPool',
    code: 'CLIENT_POOL_OVERLAPS_LOCAL_SUBNET',
  },
  {
    rule: 'auth method needed (IllegalParam.AuthMethod)',
    value: (b) => omit(b, 'pskEnabled'),
    path: 'pskEnabled',
    code: 'AUTH_METHOD_REQUIRED',
  },
  {
    rule: 'PskEnabled only true',
    value: (b) => ({ ...b, pskEnabled: false }),
    path: 'pskEnabled',
    code: 'PSK_ENABLED_ONLY_TRUE',
  },
  { rule: 'PSK empty', value: (b) => ({ ...b, psk: '' }), path: 'psk', code: 'PSK_LENGTH' },
  {
    rule: 'PSK over 100',
    value: (b) => ({ ...b, psk: 'x'.repeat(101) }),
    path: 'psk',
    code: 'PSK_LENGTH',
  },
  {
    rule: 'PSK with a space',
    value: (b) => ({ ...b, psk: 'abc def' }),
    path: 'psk',
    code: 'PSK_SPACE',
  },
  {
    rule: 'PSK outside the charset',
    value: (b) => ({ ...b, psk: 'abc\\def' }),
    path: 'psk',
    code: 'PSK_CHARSET',
  },
  {
    rule: 'PSK Chinese',
    value: (b) => ({ ...b, psk: '密钥abc' }),
    path: 'psk',
    code: 'PSK_CHARSET',
  },
  {
    rule: 'IKE version enum',
    value: (b) => ({ ...b, ikeConfig: { ikeVersion: 'ikev3' } }),
    path: 'ikeConfig.ikeVersion',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IKE mode enum',
    value: (b) => ({ ...b, ikeConfig: { ikeMode: 'quick' } }),
    path: 'ikeConfig.ikeMode',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IKE enc enum',
    value: (b) => ({ ...b, ikeConfig: { ikeEncAlg: 'blowfish' } }),
    path: 'ikeConfig.ikeEncAlg',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IKE sm4 refused on standard',
    value: (b) => ({ ...b, ikeConfig: { ikeEncAlg: 'sm4' } }),
    path: 'ikeConfig.ikeEncAlg',
    code: 'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
  },
  {
    rule: 'IKE sm3 refused on standard',
    value: (b) => ({ ...b, ikeConfig: { ikeAuthAlg: 'sm3' } }),
    path: 'ikeConfig.ikeAuthAlg',
    code: 'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
  },
  {
    rule: 'IKE PFS enum',
    value: (b) => ({ ...b, ikeConfig: { ikePfs: 'group24' } }),
    path: 'ikeConfig.ikePfs',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IKE PFS has no "disabled"',
    value: (b) => ({ ...b, ikeConfig: { ikePfs: 'disabled' } }),
    path: 'ikeConfig.ikePfs',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IKE lifetime > 86400',
    value: (b) => ({ ...b, ikeConfig: { ikeLifetime: 86401 } }),
    path: 'ikeConfig.ikeLifetime',
    code: 'LIFETIME_RANGE',
  },
  {
    rule: 'IKE lifetime < 0',
    value: (b) => ({ ...b, ikeConfig: { ikeLifetime: -1 } }),
    path: 'ikeConfig.ikeLifetime',
    code: 'LIFETIME_RANGE',
  },
  {
    rule: 'IKE lifetime integer',
    value: (b) => ({ ...b, ikeConfig: { ikeLifetime: 1.5 } }),
    path: 'ikeConfig.ikeLifetime',
    code: 'NOT_INTEGER',
  },
  {
    rule: 'LocalId over 100',
    value: (b) => ({ ...b, ikeConfig: { localId: 'a'.repeat(101) } }),
    path: 'ikeConfig.localId',
    code: 'IKE_ID_TOO_LONG',
  },
  {
    rule: 'RemoteId with a space',
    value: (b) => ({ ...b, ikeConfig: { remoteId: 'a b' } }),
    path: 'ikeConfig.remoteId',
    code: 'IKE_ID_SPACE',
  },
  {
    rule: 'unknown IkeConfig key',
    value: (b) => ({ ...b, ikeConfig: { psk: 'abc' } }),
    path: 'ikeConfig.psk',
    code: 'UNKNOWN_KEY',
  },
  {
    rule: 'IPsec enc enum',
    value: (b) => ({ ...b, ipsecConfig: { ipsecEncAlg: 'rc4' } }),
    path: 'ipsecConfig.ipsecEncAlg',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IPsec auth sm3 on standard',
    value: (b) => ({ ...b, ipsecConfig: { ipsecAuthAlg: 'sm3' } }),
    path: 'ipsecConfig.ipsecAuthAlg',
    code: 'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
  },
  {
    rule: 'IPsec PFS enum',
    value: (b) => ({ ...b, ipsecConfig: { ipsecPfs: 'group3' } }),
    path: 'ipsecConfig.ipsecPfs',
    code: 'INVALID_ENUM',
  },
  {
    rule: 'IPsec lifetime > 86400',
    value: (b) => ({ ...b, ipsecConfig: { ipsecLifetime: 90000 } }),
    path: 'ipsecConfig.ipsecLifetime',
    code: 'LIFETIME_RANGE',
  },
  {
    rule: 'ClientToken over 64',
    value: (b) => ({ ...b, clientToken: 'a'.repeat(65) }),
    path: 'clientToken',
    code: 'CLIENT_TOKEN_LENGTH',
  },
  {
    rule: 'ClientToken non-ASCII',
    value: (b) => ({ ...b, clientToken: '令牌' }),
    path: 'clientToken',
    code: 'CLIENT_TOKEN_ASCII',
  },
  {
    rule: 'effectImmediately boolean',
    value: (b) => ({ ...b, effectImmediately: 'true' }),
    path: 'effectImmediately',
    code: 'INVALID_TYPE',
  },
];

describe('createIpsecServerSchema (standard gateway)', () => {
  it.each(accepted)('accepts: $rule', ({ value }) => {
    expectAccepted(standard, value(base));
  });
  it.each(refused)('refuses: $rule → $path $code', ({ value, path, code }) => {
    expectRefused(standard, value(base), path, code);
  });

  it('applies the IPsec server defaults (ikev2 / sha1, not the connection ones)', () => {
    const parsed = standard.parse(base);
    expect(parsed.ikeConfig).toEqual({
      ikeVersion: 'ikev2',
      ikeMode: 'main',
      ikeEncAlg: 'aes',
      ikeAuthAlg: 'sha1',
      ikePfs: 'group2',
      ikeLifetime: 86400,
    });
    expect(parsed.ipsecConfig).toEqual({
      ipsecEncAlg: 'aes',
      ipsecAuthAlg: 'sha1',
      ipsecPfs: 'group2',
      ipsecLifetime: 86400,
    });
    expect(parsed.effectImmediately).toBe(false);
    expect(parsed.dryRun).toBe(false);
    expect(parsed.psk).toBeUndefined();
  });
});

describe('createIpsecServerSchema (SM gateway)', () => {
  it('defaults to ikev1 / main / sm4 / sm3', () => {
    const parsed = sm.parse(base);
    expect(parsed.ikeConfig).toMatchObject({
      ikeVersion: 'ikev1',
      ikeMode: 'main',
      ikeEncAlg: 'sm4',
      ikeAuthAlg: 'sm3',
    });
    expect(parsed.ipsecConfig).toMatchObject({ ipsecEncAlg: 'sm4', ipsecAuthAlg: 'sm3' });
  });
  it('refuses standard algorithms, ikev2 and aggressive mode', () => {
    expectRefused(
      sm,
      { ...base, ikeConfig: { ikeEncAlg: 'aes' } },
      'ikeConfig.ikeEncAlg',
      'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    );
    expectRefused(
      sm,
      { ...base, ipsecConfig: { ipsecAuthAlg: 'sha1' } },
      'ipsecConfig.ipsecAuthAlg',
      'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    );
    expectRefused(
      sm,
      { ...base, ikeConfig: { ikeVersion: 'ikev2' } },
      'ikeConfig.ikeVersion',
      'SM_REQUIRES_IKEV1',
    );
    expectRefused(
      sm,
      { ...base, ikeConfig: { ikeMode: 'aggressive' } },
      'ikeConfig.ikeMode',
      'SM_REQUIRES_MAIN_MODE',
    );
  });
});

describe('updateIpsecServerSchema', () => {
  const update = updateIpsecServerSchema({ gatewayType: 'standard' });
  const minimal = { regionId: 'cn-shanghai', ipsecServerId: 'iss-bp1bo3xuvcxo7ixll0001' };

  it('accepts the seed 004 minimal request and applies no defaults', () => {
    expect(update.parse(minimal)).toEqual(minimal);
    expect(update.parse({ ...minimal, ikeConfig: { ikeLifetime: 600 } })).toEqual({
      ...minimal,
      ikeConfig: { ikeLifetime: 600 },
    });
  });
  it('requires the server id and refuses a bad one', () => {
    expectRefused(update, { regionId: 'cn-shanghai' }, 'ipsecServerId', 'REQUIRED');
    expectRefused(
      update,
      { ...minimal, ipsecServerId: 'vpn-1' },
      'ipsecServerId',
      'INVALID_FORMAT',
    );
  });
  it('checks the same field rules as create', () => {
    expectAccepted(update, { ...minimal, ipsecServerName: 'x', clientIpPool: '10.9.0.0/16' });
    expectRefused(
      update,
      { ...minimal, clientIpPool: '10.0.0.0/30' },
      'clientIpPool',
      'CLIENT_POOL_PREFIX_RANGE',
    );
    expectRefused(
      update,
      { ...minimal, localSubnet: ['10.0.0.0/8'], clientIpPool: '10.9.0.0/16' },
      'clientIpPool',
      'CLIENT_POOL_OVERLAPS_LOCAL_SUBNET',
    );
    expectRefused(update, { ...minimal, psk: 'a b' }, 'psk', 'PSK_SPACE');
    expectRefused(
      update,
      { ...minimal, ipsecServerName: 'https://a' },
      'ipsecServerName',
      'NAME_HTTP_PREFIX',
    );
    expectRefused(update, { ...minimal, vpnGatewayId: 'vpn-1' }, 'vpnGatewayId', 'UNKNOWN_KEY');
  });
});
