import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

describe('audit page', () => {
  it('lists changes with their field diffs, secrets only as changed, filtered from the URL', async () => {
    const { calls } = mockFetch(baseRoutes('viewer'));
    renderApp('/audit?vpnGatewayId=vpn-std001');
    expect(await screen.findByRole('heading', { name: 'Audit log' })).toBeInTheDocument();
    // The action in words, not the stored name `changeVpnConnection` (issue 17).
    expect(screen.queryByText('changeVpnConnection')).not.toBeInTheDocument();
    const row = (await screen.findByText('Change IPsec connection')).closest('tr');
    if (row === null) throw new Error('no row');
    expect(within(row).getByText('operator')).toBeInTheDocument();
    expect(within(row).getByText('branch')).toBeInTheDocument();
    expect(within(row).getByText('branch-office')).toBeInTheDocument();
    expect(within(row).getByText('changed (hidden)')).toBeInTheDocument();
    // The gateway by its name beside its id (issue 17), as the resource.
    expect(
      within(row).getByText('cn-hangzhou / hq-gateway (vpn-std001) / branch-office (vco-001)'),
    ).toBeInTheDocument();
    expect(within(row).getByText('REQ-1')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Gateway ID' })).toHaveValue('vpn-std001');
    expect(calls.find((c) => c.path === '/api/v1/audit')?.query.get('vpnGatewayId')).toBe(
      'vpn-std001',
    );
    expect(await seriousViolations()).toEqual([]);
  });

  it('words actions in Chinese too', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp('/audit', 'zh-CN');
    expect(await screen.findByText('修改 IPsec 连接')).toBeInTheDocument();
    expect(
      screen.getByText('cn-hangzhou / hq-gateway（vpn-std001） / branch-office（vco-001）'),
    ).toBeInTheDocument();
    expect(screen.queryByText('changeVpnConnection')).not.toBeInTheDocument();
  });
});
