import { describe, expect, it } from 'vitest';
import {
  createDualTunnelVpnConnectionSchema,
  modifyDualTunnelVpnConnectionSchema,
  modifyTunnelAttributeSchema,
} from './dual-tunnel';
import {
  toCreateDualTunnelVpnConnectionParams,
  toModifyDualTunnelVpnConnectionParams,
  toModifyTunnelAttributeParams,
} from './dual-tunnel-rpc';

const ctx = { gatewayType: 'standard' } as const;

describe('dual-tunnel RPC parameters (flattened for pop-core)', () => {
  it('CreateVpnConnection: tunnels as TunnelOptionsSpecification.N.*, never a single-tunnel parameter', () => {
    const value = createDualTunnelVpnConnectionSchema(ctx).parse({
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-bp1demodualfree00001',
      localSubnet: ['172.23.0.0/16'],
      remoteSubnet: ['10.90.0.0/16', '10.91.0.0/16'],
      name: 'dual',
      enableTunnelsBgp: true,
      tunnels: [
        {
          role: 'master',
          customerGatewayId: 'cgw-bp1demodualfreea0001',
          ikeConfig: { psk: 'key-one', ikeVersion: 'ikev2' },
          bgpConfig: { localAsn: 65001, tunnelCidr: '169.254.20.0/30', localBgpIp: '169.254.20.1' },
        },
        {
          role: 'slave',
          customerGatewayId: 'cgw-bp1demodualfreeb0001',
          enableDpd: false,
          bgpConfig: { localAsn: 65001, tunnelCidr: '169.254.21.0/30', localBgpIp: '169.254.21.1' },
        },
      ],
      clientToken: 'token-1',
    });
    const { action, params } = toCreateDualTunnelVpnConnectionParams(value);
    expect(action).toBe('CreateVpnConnection');
    expect(params).toMatchObject({
      RegionId: 'cn-hangzhou',
      VpnGatewayId: 'vpn-bp1demodualfree00001',
      LocalSubnet: '172.23.0.0/16',
      RemoteSubnet: '10.90.0.0/16,10.91.0.0/16',
      Name: 'dual',
      EnableTunnelsBgp: true,
      'TunnelOptionsSpecification.1.Role': 'master',
      'TunnelOptionsSpecification.1.CustomerGatewayId': 'cgw-bp1demodualfreea0001',
      'TunnelOptionsSpecification.1.EnableDpd': true,
      'TunnelOptionsSpecification.1.TunnelIkeConfig.Psk': 'key-one',
      'TunnelOptionsSpecification.1.TunnelIkeConfig.IkeVersion': 'ikev2',
      'TunnelOptionsSpecification.1.TunnelIkeConfig.IkeLifetime': 86400,
      'TunnelOptionsSpecification.1.TunnelIpsecConfig.IpsecPfs': 'group2',
      'TunnelOptionsSpecification.1.TunnelBgpConfig.LocalAsn': '65001',
      'TunnelOptionsSpecification.2.Role': 'slave',
      'TunnelOptionsSpecification.2.EnableDpd': false,
      'TunnelOptionsSpecification.2.TunnelBgpConfig.TunnelCidr': '169.254.21.0/30',
      ClientToken: 'token-1',
    });
    expect(params).not.toHaveProperty(['TunnelOptionsSpecification.2.TunnelIkeConfig.Psk']);
    expect(params).toHaveProperty(['TunnelOptionsSpecification.1.TunnelIkeConfig.Psk'], 'key-one');
    for (const single of [
      'CustomerGatewayId',
      'IkeConfig',
      'IpsecConfig',
      'BgpConfig',
      'EnableDpd',
    ]) {
      expect(params).not.toHaveProperty([single]);
    }
    // Every value is a flat string, number or boolean: nothing pop-core would send as [object Object].
    expect(Object.values(params).every((v) => typeof v !== 'object')).toBe(true);
  });

  it('ModifyVpnConnectionAttribute sends only what changed, each tunnel with its TunnelId', () => {
    const value = modifyDualTunnelVpnConnectionSchema(ctx).parse({
      regionId: 'cn-hangzhou',
      vpnConnectionId: 'vco-bp1demodualhealthy01',
      tunnels: [{ tunnelId: 'tun-bp1demodualhealthy02', ikeConfig: { ikeLifetime: 28800 } }],
    });
    expect(toModifyDualTunnelVpnConnectionParams(value)).toEqual({
      action: 'ModifyVpnConnectionAttribute',
      params: {
        RegionId: 'cn-hangzhou',
        VpnConnectionId: 'vco-bp1demodualhealthy01',
        'TunnelOptionsSpecification.1.TunnelId': 'tun-bp1demodualhealthy02',
        'TunnelOptionsSpecification.1.TunnelIkeConfig.IkeLifetime': 28800,
      },
    });
  });

  it('ModifyTunnelAttribute flattens one tunnel without an index', () => {
    const value = modifyTunnelAttributeSchema(ctx).parse({
      regionId: 'cn-shanghai',
      vpnConnectionId: 'vco-uf6demodualonedown01',
      tunnelId: 'tun-uf6demodualonedown02',
      ikeConfig: { psk: 'PeerSide-Psk-2026' },
      enableNatTraversal: false,
    });
    expect(toModifyTunnelAttributeParams(value)).toEqual({
      action: 'ModifyTunnelAttribute',
      params: {
        RegionId: 'cn-shanghai',
        VpnConnectionId: 'vco-uf6demodualonedown01',
        TunnelId: 'tun-uf6demodualonedown02',
        'TunnelOptionsSpecification.EnableNatTraversal': false,
        'TunnelOptionsSpecification.TunnelIkeConfig.Psk': 'PeerSide-Psk-2026',
      },
    });
  });
});
