import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { VpnConnectionView } from '../api/views';
import { collectIssues } from '../errors/issues';
import { refineTunnelCidrsFree, tunnelCidrsInUse } from './tunnel-cidr';

const connection = (id: string, extra: Partial<VpnConnectionView>): VpnConnectionView => ({
  id,
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-1',
  name: '',
  localSubnet: ['10.0.0.0/16'],
  remoteSubnet: ['10.1.0.0/16'],
  ...extra,
});

const connections = [
  connection('vco-single', {
    name: 'branch',
    bgpConfig: { enableBgp: true, tunnelCidr: '169.254.10.0/30', localBgpIp: '169.254.10.1' },
  }),
  connection('vco-off', {
    bgpConfig: { enableBgp: false, tunnelCidr: '169.254.30.0/30' },
  }),
  connection('vco-dual', {
    enableTunnelsBgp: true,
    tunnels: [
      { tunnelId: 'tun-1', bgpConfig: { tunnelCidr: '169.254.21.0/30' } },
      { tunnelId: 'tun-2', bgpConfig: { tunnelCidr: '169.254.22.0/30' } },
    ],
  }),
];

describe('tunnel CIDRs in use on a gateway', () => {
  it('collects BGP tunnel CIDRs of single-tunnel connections and of both tunnels, named', () => {
    const used = tunnelCidrsInUse(connections);
    expect([...used.keys()].sort()).toEqual([
      '169.254.10.0/30',
      '169.254.21.0/30',
      '169.254.22.0/30',
    ]);
    expect(used.get('169.254.10.0/30')?.connection).toBe('branch');
    // A connection without a name is named by its id.
    expect(used.get('169.254.22.0/30')?.connection).toBe('vco-dual');
  });

  it('leaves out the connection being edited', () => {
    expect(tunnelCidrsInUse(connections, 'vco-single').has('169.254.10.0/30')).toBe(false);
  });

  it('refuses a used CIDR at its field, naming the connection', () => {
    const schema = z
      .object({ tunnelCidr: z.string() })
      .superRefine(
        refineTunnelCidrsFree(tunnelCidrsInUse(connections), (v: { tunnelCidr: string }) => [
          [['tunnelCidr'], v.tunnelCidr],
        ]),
      );
    const refused = schema.safeParse({ tunnelCidr: '169.254.21.0/30' });
    expect(refused.success).toBe(false);
    if (refused.success) return;
    expect(collectIssues(refused.error)).toEqual([
      { path: 'tunnelCidr', code: 'TUNNEL_CIDR_IN_USE', params: { connection: 'vco-dual' } },
    ]);
    expect(schema.safeParse({ tunnelCidr: '169.254.40.0/30' }).success).toBe(true);
  });
});
