// Issue 17, "live means live": a second tab watching a gateway sees the page's data follow the
// stream (someone else's write, a new connection, the gateway's state), not only the badge.
import { screen, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../test/fake-event-source';
import { mockFetch } from '../test/fetch-mock';
import { auditPage, baseRoutes, detailOf, gatewayStandard, operation } from '../test/fixtures';
import { renderApp } from '../test/render';

const page = '/regions/cn-hangzhou/gateways/vpn-std001';
const detailPath = '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001';

const hello = () => {
  act(() => {
    FakeEventSource.current().emit('hello', { type: 'hello', streamId: 's-1', heartbeatMs: 15000 });
  });
};

describe('gateway page, live', () => {
  it("shows another person's SSL-VPN change once their operation ends", async () => {
    let port = 1194;
    mockFetch([
      {
        method: 'GET',
        path: detailPath,
        respond: () => {
          const detail = detailOf(gatewayStandard);
          return {
            status: 200,
            body: {
              ...detail,
              sslVpnServers: detail.sslVpnServers.map((s) => ({ ...s, port })),
            },
          };
        },
      },
      ...baseRoutes('viewer'),
    ]);
    renderApp(`${page}?tab=ssl-vpn`);
    expect(await screen.findByText('UDP 1194')).toBeInTheDocument();
    hello();
    port = 1195;
    // Someone else's write: its operation steps reach every tab watching the gateway.
    act(() => {
      FakeEventSource.current().emit('operation', {
        type: 'operation',
        operation: operation('applying', {
          id: 'op-other',
          action: 'change',
          resourceKind: 'ssl-vpn-server',
          resourceId: 'vss-001',
        }),
      });
    });
    expect(screen.getByText('UDP 1194')).toBeInTheDocument();
    act(() => {
      FakeEventSource.current().emit('operation', {
        type: 'operation',
        operation: operation('succeeded', {
          id: 'op-other',
          action: 'change',
          resourceKind: 'ssl-vpn-server',
          resourceId: 'vss-001',
        }),
      });
    });
    expect(await screen.findByText('UDP 1195')).toBeInTheDocument();
    expect(screen.queryByText('UDP 1194')).not.toBeInTheDocument();
  });

  it('shows a connection created elsewhere as soon as the stream lists it', async () => {
    let withSecond = false;
    mockFetch([
      {
        method: 'GET',
        path: detailPath,
        respond: () => {
          const detail = detailOf(gatewayStandard);
          const first = detail.vpnConnections[0];
          return {
            status: 200,
            body:
              withSecond && first !== undefined
                ? {
                    ...detail,
                    vpnConnections: [
                      first,
                      {
                        ...first,
                        id: 'vco-002',
                        name: 'second-branch',
                        customerGatewayId: 'cgw-2',
                      },
                    ],
                  }
                : detail,
          };
        },
      },
      ...baseRoutes('viewer'),
    ]);
    renderApp(`${page}?tab=connections`);
    expect(await screen.findByRole('tab', { name: 'IPsec connections (1)' })).toBeInTheDocument();
    hello();
    const status = (id: string, name: string) => ({
      id,
      name,
      status: 'ike_sa_not_established',
      state: 'active',
    });
    act(() => {
      FakeEventSource.current().emit('connections', {
        type: 'connections',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-std001',
        connections: [status('vco-001', 'branch-office')],
        observedAt: '2026-11-21T10:00:01.000Z',
      });
    });
    withSecond = true;
    act(() => {
      FakeEventSource.current().emit('connections', {
        type: 'connections',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-std001',
        connections: [status('vco-001', 'branch-office'), status('vco-002', 'second-branch')],
        observedAt: '2026-11-21T10:00:02.000Z',
      });
    });
    expect(await screen.findByRole('tab', { name: 'IPsec connections (2)' })).toBeInTheDocument();
    expect(await screen.findByText('second-branch')).toBeInTheDocument();
  });

  it('updates the recent activity while an operation runs', async () => {
    let entries = auditPage.items;
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: '/api/v1/audit',
        respond: () => ({ status: 200, body: { items: entries, nextCursor: null } }),
      },
      ...baseRoutes('viewer'),
    ]);
    renderApp(`${page}?tab=activity`);
    const panel = await screen.findByRole('tabpanel', { name: 'Recent activity' });
    expect(await within(panel).findByText('Change IPsec connection')).toBeInTheDocument();
    hello();
    const first = auditPage.items[0];
    if (first === undefined) throw new Error('fixture has an audit entry');
    entries = [{ ...first, id: 8, action: 'deleteSslVpnServer', changes: [] }, ...entries];
    const before = calls.filter((c) => c.path === '/api/v1/audit').length;
    act(() => {
      FakeEventSource.current().emit('operation', {
        type: 'operation',
        operation: operation('queued', { id: 'op-x', action: 'delete' }),
      });
    });
    expect(await within(panel).findByText('Delete SSL-VPN server')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/audit').length).toBe(before + 1);
  });
});
