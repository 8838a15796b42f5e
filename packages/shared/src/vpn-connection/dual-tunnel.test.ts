import { describe, expect, it } from 'vitest';
import { expectAccepted, expectRefused, type RefusedCase } from '../../test/helpers';
import {
  createDualTunnelVpnConnectionSchema,
  modifyDualTunnelVpnConnectionSchema,
  modifyTunnelAttributeSchema,
  type CreateDualTunnelVpnConnectionInput,
} from './dual-tunnel';

const standard = createDualTunnelVpnConnectionSchema({ gatewayType: 'standard' });
const sm = createDualTunnelVpnConnectionSchema({ gatewayType: 'sm' });
const CERT = '-----BEGIN CERTIFICATE-----\nMIIB7zCCAZW\n-----END CERTIFICATE-----';

const base = {
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-bp1demodualfree00001',
  localSubnet: ['172.23.0.0/16'],
  remoteSubnet: ['10.90.0.0/16'],
  tunnels: [
    { role: 'master', customerGatewayId: 'cgw-bp1demodualfreea0001' },
    { role: 'slave', customerGatewayId: 'cgw-bp1demodualfreeb0001' },
  ],
} satisfies CreateDualTunnelVpnConnectionInput;
type Base = typeof base;

const bgpOf = (n: number) => ({
  localAsn: 65001,
  tunnelCidr: `169.254.${String(n)}.0/30`,
  localBgpIp: `169.254.${String(n)}.1`,
});

const withTunnel = (b: Base, i: 0 | 1, patch: Record<string, unknown>) => ({
  ...b,
  tunnels: b.tunnels.map((t, j) => (j === i ? { ...t, ...patch } : t)),
});

describe('CreateVpnConnection on a dual-tunnel gateway', () => {
  it('accepts two tunnels, each with its own peer, and fills the documented defaults per tunnel', () => {
    const parsed = standard.parse(base);
    expect(parsed.effectImmediately).toBe(false);
    expect(parsed.autoConfigRoute).toBe(true);
    expect(parsed.enableTunnelsBgp).toBe(false);
    expect(parsed.tunnels[1]).toMatchObject({
      role: 'slave',
      enableDpd: true,
      enableNatTraversal: true,
      ikeConfig: { ikeVersion: 'ikev1', ikeMode: 'main', ikeEncAlg: 'aes', ikePfs: 'group2' },
      ipsecConfig: { ipsecEncAlg: 'aes', ipsecPfs: 'group2', ipsecLifetime: 86400 },
    });
    expect(parsed.tunnels[0]?.ikeConfig).not.toHaveProperty('psk');
  });

  it('accepts BGP on both tunnels, per-tunnel algorithms and the same peer on both', () => {
    expectAccepted(standard, {
      ...base,
      enableTunnelsBgp: true,
      tunnels: [
        { ...base.tunnels[0], bgpConfig: bgpOf(20), ikeConfig: { ikeVersion: 'ikev2' } },
        {
          ...base.tunnels[1],
          customerGatewayId: 'cgw-bp1demodualfreea0001',
          bgpConfig: bgpOf(21),
          ipsecConfig: { ipsecPfs: 'disabled' },
        },
      ],
    });
  });

  const refused: RefusedCase<Base>[] = [
    {
      rule: 'no tunnels',
      value: (b) => ({ ...b, tunnels: [] }),
      path: 'tunnels',
      code: 'TUNNEL_COUNT',
    },
    {
      rule: 'one tunnel',
      value: (b) => ({ ...b, tunnels: [b.tunnels[0]] }),
      path: 'tunnels',
      code: 'TUNNEL_COUNT',
    },
    {
      rule: 'two masters',
      value: (b) => withTunnel(b, 1, { role: 'master' }),
      path: 'tunnels.1.role',
      code: 'TUNNEL_ROLES',
    },
    {
      rule: 'an unknown role',
      value: (b) => withTunnel(b, 1, { role: 'backup' }),
      path: 'tunnels.1.role',
      code: 'INVALID_ENUM',
    },
    {
      rule: 'a tunnel without its customer gateway',
      value: (b) => withTunnel(b, 0, { customerGatewayId: undefined }),
      path: 'tunnels.0.customerGatewayId',
      code: 'REQUIRED',
    },
    {
      rule: 'single-tunnel customerGatewayId at the top',
      value: (b) => ({ ...b, customerGatewayId: 'cgw-bp1demodualfreea0001' }),
      path: 'customerGatewayId',
      code: 'UNKNOWN_KEY',
    },
    {
      rule: 'single-tunnel ikeConfig at the top',
      value: (b) => ({ ...b, ikeConfig: {} }),
      path: 'ikeConfig',
      code: 'UNKNOWN_KEY',
    },
    {
      rule: 'BGP on without a tunnel ASN',
      value: (b) => ({
        ...withTunnel(withTunnel(b, 0, { bgpConfig: bgpOf(20) }), 1, {
          bgpConfig: { tunnelCidr: '169.254.21.0/30', localBgpIp: '169.254.21.1' },
        }),
        enableTunnelsBgp: true,
      }),
      path: 'tunnels.1.bgpConfig.localAsn',
      code: 'REQUIRED',
    },
    {
      rule: 'BGP on without any tunnel BGP',
      value: (b) => ({ ...b, enableTunnelsBgp: true }),
      path: 'tunnels.0.bgpConfig.tunnelCidr',
      code: 'REQUIRED',
    },
    {
      rule: 'the same tunnel CIDR on both tunnels',
      value: (b) =>
        withTunnel(withTunnel(b, 0, { bgpConfig: bgpOf(20) }), 1, {
          bgpConfig: { ...bgpOf(20), localBgpIp: '169.254.20.2' },
        }),
      path: 'tunnels.1.bgpConfig.tunnelCidr',
      code: 'TUNNEL_CIDR_DUPLICATE',
    },
    {
      rule: 'a tunnel BGP IP outside its CIDR',
      value: (b) => withTunnel(b, 1, { bgpConfig: { ...bgpOf(21), localBgpIp: '169.254.22.1' } }),
      path: 'tunnels.1.bgpConfig.localBgpIp',
      code: 'BGP_LOCAL_IP_OUTSIDE_TUNNEL',
    },
    {
      rule: 'a reserved tunnel CIDR',
      value: (b) => withTunnel(b, 0, { bgpConfig: bgpOf(3) }),
      path: 'tunnels.0.bgpConfig.tunnelCidr',
      code: 'TUNNEL_CIDR_RESERVED',
    },
    {
      rule: 'an SM algorithm on a standard gateway',
      value: (b) => withTunnel(b, 1, { ikeConfig: { ikeEncAlg: 'sm4' } }),
      path: 'tunnels.1.ikeConfig.ikeEncAlg',
      code: 'ALGORITHM_NOT_FOR_GATEWAY_TYPE',
    },
    {
      rule: 'a CA certificate on a standard gateway',
      value: (b) => withTunnel(b, 0, { remoteCaCertificate: CERT }),
      path: 'tunnels.0.remoteCaCertificate',
      code: 'REMOTE_CA_CERT_NOT_FOR_STANDARD',
    },
    {
      rule: 'a PSK with a space',
      value: (b) => withTunnel(b, 0, { ikeConfig: { psk: 'a b' } }),
      path: 'tunnels.0.ikeConfig.psk',
      code: 'PSK_SPACE',
    },
  ];
  it.each(refused.map((c) => [c.rule, c] as const))('refuses %s', (_, c) => {
    expectRefused(standard, c.value(base), c.path, c.code);
  });

  it('SM gateways need a CA certificate on each tunnel and take SM algorithms', () => {
    expectRefused(
      sm,
      withTunnel(base, 0, { remoteCaCertificate: CERT }),
      'tunnels.1.remoteCaCertificate',
      'REMOTE_CA_CERT_REQUIRED_FOR_SM',
    );
    const parsed = sm.parse({
      ...base,
      tunnels: base.tunnels.map((t) => ({ ...t, remoteCaCertificate: CERT })),
    });
    expect(parsed.tunnels[0]?.ikeConfig).toMatchObject({ ikeEncAlg: 'sm4', ikeAuthAlg: 'sm3' });
  });
});

describe('ModifyVpnConnectionAttribute and ModifyTunnelAttribute on a dual-tunnel connection', () => {
  const modify = modifyDualTunnelVpnConnectionSchema({ gatewayType: 'standard' });
  const tunnel = modifyTunnelAttributeSchema({ gatewayType: 'standard' });
  const id = { regionId: 'cn-hangzhou', vpnConnectionId: 'vco-bp1demodualhealthy01' };

  it('changes one tunnel by its id, only the fields given', () => {
    expect(
      modify.parse({
        ...id,
        tunnels: [{ tunnelId: 'tun-bp1demodualhealthy02', ikeConfig: { ikeLifetime: 28800 } }],
      }),
    ).toEqual({
      ...id,
      tunnels: [{ tunnelId: 'tun-bp1demodualhealthy02', ikeConfig: { ikeLifetime: 28800 } }],
    });
    expectAccepted(modify, { ...id, name: 'renamed', enableTunnelsBgp: false });
  });

  it('refuses a tunnel without an id, the same tunnel twice, two masters and single-tunnel fields', () => {
    expectRefused(
      modify,
      { ...id, tunnels: [{ enableDpd: false }] },
      'tunnels.0.tunnelId',
      'REQUIRED',
    );
    const twice = [
      { tunnelId: 'tun-bp1demodualhealthy01', enableDpd: false },
      { tunnelId: 'tun-bp1demodualhealthy01', enableNatTraversal: false },
    ];
    expectRefused(modify, { ...id, tunnels: twice }, 'tunnels.1.tunnelId', 'TUNNEL_ID_DUPLICATE');
    const masters = [
      { tunnelId: 'tun-bp1demodualhealthy01', role: 'master' },
      { tunnelId: 'tun-bp1demodualhealthy02', role: 'master' },
    ];
    expectRefused(modify, { ...id, tunnels: masters }, 'tunnels.1.role', 'TUNNEL_ROLES');
    expectRefused(modify, { ...id, enableDpd: true }, 'enableDpd', 'UNKNOWN_KEY');
  });

  it('ModifyTunnelAttribute takes one tunnel without a role', () => {
    expectAccepted(tunnel, {
      ...id,
      tunnelId: 'tun-bp1demodualhealthy02',
      ikeConfig: { psk: 'new-key-1' },
      bgpConfig: bgpOf(30),
    });
    expectRefused(tunnel, { ...id, tunnelId: 'tun-x', role: 'master' }, 'role', 'UNKNOWN_KEY');
    expectRefused(tunnel, { ...id }, 'tunnelId', 'REQUIRED');
  });
});
