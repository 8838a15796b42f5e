// A dual-tunnel gateway with one healthy dual-tunnel connection (BGP on both tunnels), as the BFF
// answers it: for the connection card and the dual-tunnel wizard tests.
import type { VpnConnectionView, VpnGatewayView } from '@vpn-console/shared/api/views';
import type { MockRoute } from './fetch-mock';
import { detailOf, gatewayStandard } from './fixtures';

export const dualGateway: VpnGatewayView = {
  ...gatewayStandard,
  id: 'vpn-dual001',
  name: 'dual-gateway',
  internetIp: '192.0.2.131',
  disasterRecoveryInternetIp: '192.0.2.132',
  dualTunnel: true,
};

export const dualTunnel = (index: 1 | 2): NonNullable<VpnConnectionView['tunnels']>[number] => ({
  tunnelId: `tun-dual00${String(index)}`,
  tunnelIndex: index,
  role: index === 1 ? 'master' : 'slave',
  state: 'active',
  status: 'ipsec_sa_established',
  customerGatewayId: `cgw-dual00${String(index)}`,
  internetIp: index === 1 ? '192.0.2.131' : '192.0.2.132',
  zoneNo: index === 1 ? 'cn-hangzhou-k' : 'cn-hangzhou-j',
  enableDpd: true,
  enableNatTraversal: true,
  psk: { masked: '••••••••', fingerprint: `fp-tunnel-${String(index)}` },
  ikeConfig: {
    ikeVersion: 'ikev2',
    ikeMode: 'main',
    ikeEncAlg: 'aes256',
    ikeAuthAlg: 'sha256',
    ikePfs: 'group14',
    ikeLifetime: 86400,
  },
  ipsecConfig: {
    ipsecEncAlg: 'aes256',
    ipsecAuthAlg: 'sha256',
    ipsecPfs: 'group14',
    ipsecLifetime: 86400,
  },
  bgpConfig: {
    localAsn: 65530,
    peerAsn: 65010,
    tunnelCidr: `169.254.2${String(index)}.0/30`,
    localBgpIp: `169.254.2${String(index)}.1`,
    bgpStatus: 'success',
  },
});

export const dualConnection: VpnConnectionView = {
  id: 'vco-dual001',
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-dual001',
  name: 'to-branch-dual',
  localSubnet: ['172.22.0.0/16'],
  remoteSubnet: ['10.70.0.0/16'],
  state: 'active',
  status: 'ipsec_sa_established',
  createTime: Date.parse('2026-11-01T08:00:00Z'),
  enableTunnelsBgp: true,
  tunnels: [dualTunnel(1), dualTunnel(2)],
};

export const dualRoutes: MockRoute[] = [
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-dual001',
    respond: () => ({
      status: 200,
      body: { ...detailOf(dualGateway), vpnConnections: [dualConnection] },
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/customer-gateways',
    respond: () => ({
      status: 200,
      body: {
        items: [1, 2].map((i) => ({
          id: `cgw-dual00${String(i)}`,
          regionId: 'cn-hangzhou',
          name: `branch-dual-${String(i)}`,
          description: '',
          ipAddress: `203.0.113.7${String(i)}`,
          asn: 65010,
          hasAuthKey: false,
          usedBy: [],
        })),
        totalCount: 2,
      },
    }),
  },
];
