import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../test/axe';
import { FakeEventSource } from '../test/fake-event-source';
import { mockFetch } from '../test/fetch-mock';
import { baseRoutes, operation } from '../test/fixtures';
import { renderApp } from '../test/render';

const page = '/regions/cn-hangzhou/gateways/vpn-std001';

describe('gateway page', () => {
  it('gives a viewer everything to read and no way to change anything', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp(page);
    expect(await screen.findByRole('heading', { name: 'hq-gateway' })).toBeInTheDocument();
    expect(screen.getByText('Viewer (support)')).toBeInTheDocument();
    // PSK masked with its fingerprint; no reveal.
    const panel = screen.getByRole('tabpanel', { name: 'IPsec server' });
    expect(within(panel).getByLabelText('Pre-shared key')).toHaveTextContent('••••••••');
    expect(within(panel).getByText('a1b2c3d4e5f6')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);

    for (const tab of ['IPsec server', 'SSL-VPN servers (1)', 'IPsec connections (1)']) {
      await userEvent.click(screen.getByRole('tab', { name: tab }));
      // A tab other than the first loads its code when opened: check it once it is drawn.
      await waitFor(() => {
        expect(screen.queryByLabelText('Loading…')).not.toBeInTheDocument();
      });
      expect(
        screen.queryByRole('button', { name: /Edit|Delete|Reveal|Create/ }),
      ).not.toBeInTheDocument();
      expect(screen.queryByRole('link', { name: /Edit|Create/ })).not.toBeInTheDocument();
    }
    // Connections show their live negotiation status.
    expect(await screen.findByText('phase 1 not established')).toBeInTheDocument();

    // Support reads the client certificates: each column says what it holds.
    await userEvent.click(screen.getByRole('tab', { name: 'SSL-VPN servers (1)' }));
    const certs = await screen.findByRole('table', { name: 'Client certificates' });
    expect(
      within(certs)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Name', 'Status', 'Created', 'Expires']);
    expect(within(certs).getByText('alice-laptop')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'IPsec connections (1)' }));
    act(() => {
      FakeEventSource.current().emit('connections', {
        type: 'connections',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-std001',
        connections: [
          { id: 'vco-001', name: 'branch-office', status: 'ipsec_sa_established', state: 'active' },
        ],
        observedAt: '2026-11-21T10:00:01.000Z',
      });
    });
    expect(await screen.findByText('connected')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Accounts' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'Recent activity' }));
    expect(await screen.findByText('Change IPsec connection')).toBeInTheDocument();
  });

  it('lets an operator reveal a PSK only after confirming, and edit or create', async () => {
    const { calls } = mockFetch([
      ...baseRoutes('operator'),
      {
        method: 'POST',
        path: '/api/v1/regions/cn-hangzhou/ipsec-servers/iss-001/psk/reveal',
        respond: () => ({ status: 200, body: { psk: 'S3cret-Key!', fingerprint: 'a1b2c3d4e5f6' } }),
      },
    ]);
    renderApp(page);
    await screen.findByRole('heading', { name: 'hq-gateway' });
    expect(screen.getByRole('link', { name: 'Edit' })).toHaveAttribute(
      'href',
      '/regions/cn-hangzhou/gateways/vpn-std001/ipsec-server/iss-001/edit',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Reveal' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reveal the pre-shared key?' });
    expect(calls.some((c) => c.path.endsWith('/psk/reveal'))).toBe(false);
    expect(await seriousViolations()).toEqual([]);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Reveal and record' }));
    expect(await screen.findByText('S3cret-Key!')).toBeInTheDocument();
    expect(calls.filter((c) => c.path.endsWith('/psk/reveal'))).toHaveLength(1);

    await userEvent.click(screen.getByRole('tab', { name: 'IPsec connections (1)' }));
    expect(screen.getByRole('link', { name: 'Create IPsec connection' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'SSL-VPN servers (1)' }));
    // Its one SSL-VPN server exists: no second one, and the button says why (issue 17).
    expect(screen.queryByRole('link', { name: 'Create SSL-VPN server' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create SSL-VPN server' })).toBeDisabled();
    await waitFor(() => {
      expect(
        screen.getByRole('button', { name: 'Create SSL-VPN server' }),
      ).toHaveAccessibleDescription(/already has its SSL-VPN server/);
    });
  });

  it('deletes only after the resource is named, then follows the operation', async () => {
    let polled = 0;
    const { calls } = mockFetch([
      ...baseRoutes('admin'),
      {
        method: 'DELETE',
        path: '/api/v1/regions/cn-hangzhou/vpn-connections/vco-001',
        respond: () => ({
          status: 202,
          body: operation('queued', { id: 'op-del', action: 'delete' }),
        }),
      },
      {
        method: 'GET',
        path: '/api/v1/operations/op-del',
        respond: () => {
          polled += 1;
          return {
            status: 200,
            body: operation(polled > 1 ? 'succeeded' : 'applying', {
              id: 'op-del',
              action: 'delete',
            }),
          };
        },
      },
    ]);
    renderApp(page);
    await screen.findByRole('heading', { name: 'hq-gateway' });
    expect(screen.getByRole('link', { name: 'Accounts' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('tab', { name: 'IPsec connections (1)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete "branch-office"?' });
    const confirm = within(dialog).getByRole('button', { name: 'Delete branch-office' });
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Type "branch-office" to confirm'),
      'branch',
    );
    expect(confirm).toBeDisabled();
    await userEvent.type(
      within(dialog).getByLabelText('Type "branch-office" to confirm'),
      '-office',
    );
    await userEvent.click(confirm);
    expect(await within(dialog).findByText('The change is live.')).toBeInTheDocument();
    const del = calls.find((c) => c.method === 'DELETE');
    expect(del?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(del?.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
  });

  it('says since when the status is stale', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp(page, 'zh-CN');
    await screen.findByRole('heading', { name: 'hq-gateway' });
    act(() => {
      FakeEventSource.current().emit('stale', {
        type: 'stale',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-std001',
        staleSince: '2026-11-21T10:00:00.000Z',
        staleReason: 'UpstreamUnavailable',
      });
    });
    expect(await screen.findByRole('status')).toHaveTextContent(
      /状态可能自 \d\d:\d\d:\d\d 起未更新/,
    );
  });

  it('asks to sign in again over the page when the stream says the session ended (the page stays)', async () => {
    mockFetch([
      ...baseRoutes('viewer'),
      { method: 'GET', path: '/api/v1/demo', respond: () => ({ status: 404 }) },
    ]);
    renderApp(page);
    await screen.findByRole('heading', { name: 'hq-gateway' });
    act(() => {
      FakeEventSource.current().emit('logout', { type: 'logout' });
    });
    const dialog = await screen.findByRole('dialog', { name: 'Your session has ended' });
    expect(within(dialog).getByRole('button', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'hq-gateway' })).toBeInTheDocument();
    expect(FakeEventSource.instances.every((s) => s.closed)).toBe(true);
  });
});
