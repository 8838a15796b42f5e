import type { VpnConnectionView, VpnGatewayView } from '@vpn-console/shared/api/views';
import { screen, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../../../test/fake-event-source';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, detailOf, gatewayStandard } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const dualGateway: VpnGatewayView = {
  ...gatewayStandard,
  id: 'vpn-dual001',
  name: 'dual-gateway',
  internetIp: '192.0.2.131',
  disasterRecoveryInternetIp: '192.0.2.132',
  dualTunnel: true,
};

const tunnel = (index: 1 | 2): NonNullable<VpnConnectionView['tunnels']>[number] => ({
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

const dualConnection: VpnConnectionView = {
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
  tunnels: [tunnel(1), tunnel(2)],
};

const dualRoutes = [
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
        })),
        totalCount: 2,
      },
    }),
  },
];

describe('connection cards', () => {
  it('show a viewer each tunnel of a dual-tunnel connection: role, peer, algorithms, BGP, live status and what to check', async () => {
    mockFetch([...dualRoutes, ...baseRoutes('viewer')]);
    renderApp('/regions/cn-hangzhou/gateways/vpn-dual001?tab=connections');
    // The gateway's two IPs on the summary.
    expect(await screen.findByText('Public IP (tunnel 1)')).toBeInTheDocument();
    expect(screen.getByText('Second public IP (tunnel 2)')).toBeInTheDocument();
    expect(screen.getByText('192.0.2.132')).toBeInTheDocument();

    const first = await screen.findByRole('region', { name: 'Tunnel 1' });
    const second = screen.getByRole('region', { name: 'Tunnel 2' });
    expect(within(first).getByRole('heading', { name: 'Tunnel 1 · active' })).toBeInTheDocument();
    expect(within(second).getByRole('heading', { name: 'Tunnel 2 · standby' })).toBeInTheDocument();
    expect(await within(first).findByText('203.0.113.71')).toBeInTheDocument();
    expect(within(second).getByText('203.0.113.72')).toBeInTheDocument();
    expect(within(first).getByText('ikev2 / main / aes256 / sha256 / group14')).toBeInTheDocument();
    expect(within(second).getByText(/peer ASN 65010/)).toBeInTheDocument();
    expect(within(second).getByText('up')).toBeInTheDocument();
    expect(within(second).getByText('fp-tunnel-2')).toBeInTheDocument();
    // No single-tunnel field is shown empty, and a viewer gets no edit control.
    expect(screen.queryByText('Customer gateway')).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Edit/ })).not.toBeInTheDocument();

    // Tunnel 2 goes down: its card says so and what to check, live.
    act(() => {
      FakeEventSource.current().emit('connections', {
        type: 'connections',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-dual001',
        connections: [
          {
            id: 'vco-dual001',
            name: 'to-branch-dual',
            status: 'ipsec_sa_established',
            state: 'active',
            tunnels: [
              { tunnelId: 'tun-dual001', role: 'master', status: 'ipsec_sa_established' },
              {
                tunnelId: 'tun-dual002',
                role: 'slave',
                status: 'ike_sa_not_established',
                bgpStatus: 'failed',
              },
            ],
          },
        ],
        observedAt: '2026-11-21T10:00:01.000Z',
      });
    });
    expect(await within(second).findByText('phase 1 not established')).toBeInTheDocument();
    expect(within(second).getByText(/pre-shared key, IKE version/)).toBeInTheDocument();
    expect(within(second).getByText('down')).toBeInTheDocument();
    expect(within(first).getByText('connected')).toBeInTheDocument();
  });

  it('show a viewer the phase 1/2 algorithms of a single-tunnel connection and its peer by address', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp('/regions/cn-hangzhou/gateways/vpn-std001?tab=connections');
    expect(await screen.findByText('ikev1 / main / aes / md5 / group2')).toBeInTheDocument();
    expect(screen.getByText('aes / md5 / group2')).toBeInTheDocument();
    expect(await screen.findByText('198.51.100.7')).toBeInTheDocument();
    expect(screen.getByText('Public IP')).toBeInTheDocument();
  });
});
