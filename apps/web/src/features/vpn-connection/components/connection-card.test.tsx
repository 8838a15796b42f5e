import { screen, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../../../test/fake-event-source';
import { mockFetch } from '../../../test/fetch-mock';
import { dualRoutes } from '../../../test/dual-tunnel-fixtures';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

describe('connection cards', () => {
  it('show a viewer each tunnel of a dual-tunnel connection: role, peer, algorithms, BGP, live status and what to check', async () => {
    mockFetch([...dualRoutes, ...baseRoutes('viewer')]);
    renderApp('/regions/cn-hangzhou/gateways/vpn-dual001?tab=connections');
    // The gateway's two IPs on the summary.
    expect(await screen.findByText('Public IP (tunnel 1)')).toBeInTheDocument();
    expect(screen.getByText('Second public IP (tunnel 2)')).toBeInTheDocument();
    expect(screen.getByText('192.0.2.132')).toBeInTheDocument();
    // The gateway's own BGP switch says nothing here: each connection turns its tunnels' BGP on.
    expect(screen.getByText('Tunnel BGP on 1 of 1 connections')).toBeInTheDocument();

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
