// Issue 17, gateway facts: what the console knows about a gateway is on its page and in the
// list, and an action the gateway cannot take is disabled with the reason before any wizard.
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { VpnGatewayView } from '@vpn-console/shared/api/views';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../test/axe';
import { mockFetch } from '../test/fetch-mock';
import { baseRoutes, detailOf, gatewayPageOf, gatewayStandard } from '../test/fixtures';
import { renderApp } from '../test/render';

const overdue: VpnGatewayView = {
  ...gatewayStandard,
  id: 'vpn-locked01',
  name: 'hz-overdue',
  businessStatus: 'FinancialLocked',
  chargeType: 'PREPAY',
  endTime: Date.parse('2026-12-31T00:00:00.000Z'),
  version: 'v1.2.4',
  supportsIpsecServer: true,
  sslVpnInternetIp: '192.0.2.77',
  sslMaxConnections: 5,
};
const legacy: VpnGatewayView = {
  ...gatewayStandard,
  id: 'vpn-legacy01',
  name: 'hz-legacy',
  version: 'v1.0.0',
  supportsIpsecServer: false,
};
const sslOff: VpnGatewayView = {
  ...gatewayStandard,
  id: 'vpn-sslof01',
  name: 'hz-ipsec-only',
  sslVpn: false,
};

const routesFor = (role: 'operator' | 'viewer', ...gateways: VpnGatewayView[]) => [
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-gateways',
    respond: () => ({ status: 200, body: gatewayPageOf([gatewayStandard, ...gateways]) }),
  },
  ...gateways.map((g) => ({
    method: 'GET',
    path: `/api/v1/regions/cn-hangzhou/vpn-gateways/${g.id}`,
    respond: () => {
      const detail = detailOf(g);
      return {
        status: 200,
        body: {
          ...detail,
          ipsecServer: null,
          sslVpnServers: [],
          vpnConnections: detail.vpnConnections,
        },
      };
    },
  })),
  ...baseRoutes(role),
];

const page = (id: string, tab = '') =>
  `/regions/cn-hangzhou/gateways/${id}${tab === '' ? '' : `?tab=${tab}`}`;

describe('gateway facts and what a gateway can take', () => {
  it('shows an overdue gateway as locked, with its billing facts, and offers no create or edit', async () => {
    mockFetch(routesFor('operator', overdue));
    renderApp(page(overdue.id));
    await screen.findByRole('heading', { name: 'hz-overdue' });
    expect(screen.getByText('locked: payment overdue')).toBeInTheDocument();
    await waitFor(() => {
      expect(
        screen
          .getAllByRole('status')
          .some((el) => /locked for an overdue payment/.test(el.textContent)),
      ).toBe(true);
    });
    expect(screen.getByText('Subscription')).toBeInTheDocument();
    expect(screen.getByText('v1.2.4')).toBeInTheDocument();
    expect(screen.getByText('192.0.2.77')).toBeInTheDocument();
    expect(screen.getByText(/2026/)).toBeInTheDocument();

    const create = screen.getByRole('button', { name: 'Create IPsec server' });
    expect(create).toBeDisabled();
    await waitFor(() => {
      expect(create).toHaveAccessibleDescription(/locked for an overdue payment.*billing centre/);
    });
    expect(screen.queryByRole('link', { name: 'Create IPsec server' })).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('tab', { name: 'IPsec connections (1)' }));
    expect(await screen.findByRole('button', { name: 'Create IPsec connection' })).toBeDisabled();
    // Changes are refused; deleting still works (the cloud allows it on a locked gateway).
    expect(screen.getByRole('button', { name: 'Edit' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Delete' })).toBeEnabled();
    expect(await seriousViolations()).toEqual([]);
  });

  it('marks a version without IPsec server support and says so on the create button', async () => {
    mockFetch(routesFor('operator', legacy));
    renderApp(page(legacy.id));
    await screen.findByRole('heading', { name: 'hz-legacy' });
    expect(screen.getAllByText(/no IPsec server support/).length).toBeGreaterThan(0);
    await waitFor(() => {
      expect(
        screen.getByRole('button', { name: 'Create IPsec server' }),
      ).toHaveAccessibleDescription(/version \(v1\.0\.0\) does not support an IPsec server/);
    });
  });

  it('offers no SSL-VPN server on a gateway with SSL-VPN off', async () => {
    mockFetch(routesFor('operator', sslOff));
    renderApp(page(sslOff.id, 'ssl-vpn'));
    const create = await screen.findByRole('button', { name: 'Create SSL-VPN server' });
    expect(create).toBeDisabled();
    await waitFor(() => {
      expect(create).toHaveAccessibleDescription(/SSL-VPN is off on this gateway/);
    });
    // The IPsec server needs SSL-VPN too.
    await userEvent.click(screen.getByRole('tab', { name: 'IPsec server' }));
    expect(await screen.findByRole('button', { name: 'Create IPsec server' })).toBeDisabled();
  });

  it('flags locked and legacy gateways in the list, in Chinese too', async () => {
    mockFetch(routesFor('viewer', overdue, legacy));
    renderApp('/regions/cn-hangzhou', 'zh-CN');
    const row = (await screen.findByRole('link', { name: 'hz-overdue' })).closest('tr');
    if (row === null) throw new Error('no row');
    expect(within(row).getByText('欠费锁定')).toBeInTheDocument();
    const legacyRow = screen.getByRole('link', { name: 'hz-legacy' }).closest('tr');
    if (legacyRow === null) throw new Error('no row');
    expect(within(legacyRow).getByText('不支持 IPsec 服务端')).toBeInTheDocument();
    const normalRow = screen.getByRole('link', { name: 'hq-gateway' }).closest('tr');
    if (normalRow === null) throw new Error('no row');
    expect(within(normalRow).queryByText('欠费锁定')).not.toBeInTheDocument();
  });

  it('does not start a wizard the gateway cannot take, even from its address', async () => {
    mockFetch(routesFor('operator', overdue, sslOff));
    renderApp(`${page(sslOff.id)}/ssl-vpn-servers/new`);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(/This gateway cannot take this change.*SSL-VPN is off/);
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('link', { name: 'Back to the gateway' }));
    expect(await screen.findByRole('tab', { name: 'SSL-VPN servers (0)' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });

  it('does not start an edit on a locked gateway, in Chinese', async () => {
    mockFetch(routesFor('operator', overdue));
    renderApp(`${page(overdue.id)}/connections/vco-001/edit`, 'zh-CN');
    expect(await screen.findByRole('alert')).toHaveTextContent(/该网关无法进行此操作.*欠费被锁定/);
  });

  it('tells a viewer at a wizard address why it does not start, with the way back', async () => {
    mockFetch(routesFor('viewer', sslOff));
    renderApp(`${page(sslOff.id)}/connections/new`);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Your role can view but not change configurations.',
    );
    await userEvent.click(screen.getByRole('link', { name: 'Back to the gateway' }));
    expect(await screen.findByRole('tab', { name: /^IPsec connections/ })).toHaveAttribute(
      'aria-selected',
      'true',
    );
  });
});
