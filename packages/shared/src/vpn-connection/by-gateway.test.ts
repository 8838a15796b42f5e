import { describe, expect, it } from 'vitest';
import { expectRefused, issuesOf } from '../../test/helpers';
import {
  toChangeAnyVpnConnectionParams,
  toCreateAnyVpnConnectionParams,
  vpnConnectionChangeSchemaFor,
  vpnConnectionCreateSchemaFor,
} from './by-gateway';

const single = vpnConnectionCreateSchemaFor({ gatewayType: 'standard', dualTunnel: false });
const dual = vpnConnectionCreateSchemaFor({ gatewayType: 'standard', dualTunnel: true });
const common = {
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-bp1demodualfree00001',
  localSubnet: ['172.23.0.0/16'],
  remoteSubnet: ['10.90.0.0/16'],
};
const tunnels = [
  { role: 'master', customerGatewayId: 'cgw-bp1demodualfreea0001' },
  { role: 'slave', customerGatewayId: 'cgw-bp1demodualfreeb0001' },
];

describe('the connection contract is chosen from the gateway', () => {
  it('a single-tunnel gateway: the seed-002 form, and tunnels are refused by name', () => {
    const value = single.parse({ ...common, customerGatewayId: 'cgw-bp1demofree000000001' });
    expect(toCreateAnyVpnConnectionParams(value).params).toMatchObject({
      CustomerGatewayId: 'cgw-bp1demofree000000001',
      EnableDpd: true,
    });
    expectRefused(
      single,
      { ...common, tunnels },
      'tunnels',
      'TUNNELS_NOT_ON_SINGLE_TUNNEL_GATEWAY',
    );
    expectRefused(
      single,
      { ...common, customerGatewayId: 'cgw-x1', enableTunnelsBgp: true },
      'enableTunnelsBgp',
      'TUNNELS_NOT_ON_SINGLE_TUNNEL_GATEWAY',
    );
  });

  it('a dual-tunnel gateway: two tunnels, and each single-tunnel field is refused by name', () => {
    const value = dual.parse({ ...common, tunnels });
    const { params } = toCreateAnyVpnConnectionParams(value);
    expect(params).toHaveProperty(['TunnelOptionsSpecification.2.Role'], 'slave');
    expect(params).not.toHaveProperty(['CustomerGatewayId']);
    const issues = issuesOf(dual, {
      ...common,
      customerGatewayId: 'cgw-bp1demodualfreea0001',
      ikeConfig: {},
      enableDpd: true,
    });
    expect(issues).toEqual([
      {
        path: 'customerGatewayId',
        code: 'SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY',
        params: { field: 'customerGatewayId' },
      },
      {
        path: 'ikeConfig',
        code: 'SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY',
        params: { field: 'ikeConfig' },
      },
      {
        path: 'enableDpd',
        code: 'SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY',
        params: { field: 'enableDpd' },
      },
    ]);
    expectRefused(dual, common, 'tunnels', 'REQUIRED');
  });

  it('a change follows the same choice', () => {
    const change = vpnConnectionChangeSchemaFor({ gatewayType: 'standard', dualTunnel: true });
    const value = change.parse({
      regionId: 'cn-hangzhou',
      vpnConnectionId: 'vco-bp1demodualhealthy01',
      enableTunnelsBgp: false,
    });
    expect(toChangeAnyVpnConnectionParams(value)).toEqual({
      action: 'ModifyVpnConnectionAttribute',
      params: {
        RegionId: 'cn-hangzhou',
        VpnConnectionId: 'vco-bp1demodualhealthy01',
        EnableTunnelsBgp: false,
      },
    });
    expectRefused(
      change,
      { regionId: 'cn-hangzhou', vpnConnectionId: 'vco-bp1demodualhealthy01', ipsecConfig: {} },
      'ipsecConfig',
      'SINGLE_TUNNEL_FIELD_ON_DUAL_TUNNEL_GATEWAY',
    );
  });
});
