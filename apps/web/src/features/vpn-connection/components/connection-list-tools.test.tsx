// Issue 17: a gateway's connection list has search, a status filter and sort.
import type { VpnConnectionView } from '@vpn-console/shared/api/views';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, type MockRoute } from '../../../test/fetch-mock';
import { baseRoutes, detailOf, gatewayStandard } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { selectInput } from '../../../test/select-input';

const connection = (
  id: string,
  name: string,
  status: string,
  createdAt: string,
  remoteSubnet: string,
): VpnConnectionView => ({
  id,
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-std001',
  name,
  localSubnet: ['172.16.0.0/16'],
  remoteSubnet: [remoteSubnet],
  state: 'active',
  status,
  createTime: Date.parse(createdAt),
});

const connections = [
  connection(
    'vco-b',
    'beijing-office',
    'ipsec_sa_established',
    '2026-11-01T00:00:00Z',
    '10.1.0.0/16',
  ),
  connection(
    'vco-a',
    'adelaide-lab',
    'ike_sa_not_established',
    '2026-11-03T00:00:00Z',
    '10.2.0.0/16',
  ),
  connection('vco-c', 'chengdu-dc', 'ipsec_sa_established', '2026-11-02T00:00:00Z', '10.3.0.0/16'),
];

const names = () =>
  screen
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent)
    .filter((text) => connections.some((c) => text.includes(c.name)));

const gatewayWithConnections = (): MockRoute => ({
  method: 'GET',
  path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
  respond: () => ({
    status: 200,
    body: { ...detailOf(gatewayStandard), vpnConnections: connections },
  }),
});

describe('connection list tools', () => {
  it('searches by name or subnet, filters by status and sorts', async () => {
    mockFetch([gatewayWithConnections(), ...baseRoutes('viewer')]);
    renderApp('/regions/cn-hangzhou/gateways/vpn-std001?tab=connections');
    expect(await screen.findByText('3 of 3 connections shown')).toBeInTheDocument();
    expect(names()).toEqual(['adelaide-lab', 'beijing-office', 'chengdu-dc']);

    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Search connections' }), '10.3.');
    expect(screen.getByText('1 of 3 connections shown')).toBeInTheDocument();
    expect(names()).toEqual(['chengdu-dc']);
    await user.clear(screen.getByRole('textbox', { name: 'Search connections' }));

    await user.click(selectInput('Status'));
    await user.click(await screen.findByRole('option', { name: 'Not connected' }));
    expect(names()).toEqual(['adelaide-lab']);
    await user.click(selectInput('Status'));
    await user.click(await screen.findByRole('option', { name: 'All' }));

    await user.click(selectInput('Sort by'));
    await user.click(await screen.findByRole('option', { name: 'Newest first' }));
    expect(names()).toEqual(['adelaide-lab', 'chengdu-dc', 'beijing-office']);

    await user.type(screen.getByRole('textbox', { name: 'Search connections' }), 'nowhere');
    expect(screen.getByText(/No connection matches/)).toBeInTheDocument();
  });

  it('keeps search, filter and sort in the URL (issue 18): a link opens them, back walks them, a bad value is the default', async () => {
    mockFetch([gatewayWithConnections(), ...baseRoutes('viewer')]);
    const page = '/regions/cn-hangzhou/gateways/vpn-std001';
    const { router, unmount } = renderApp(`${page}?tab=connections&status=connected&sort=newest`);
    expect(await screen.findByText('2 of 3 connections shown')).toBeInTheDocument();
    expect(names()).toEqual(['chengdu-dc', 'beijing-office']);
    expect(selectInput('Status')).toHaveValue('Connected');
    expect(selectInput('Sort by')).toHaveValue('Newest first');

    const user = userEvent.setup();
    await user.click(selectInput('Sort by'));
    await user.click(await screen.findByRole('option', { name: 'Name' }));
    expect(names()).toEqual(['beijing-office', 'chengdu-dc']);
    expect(router.url()).not.toContain('sort=');
    router.go(-1);
    await waitFor(() => {
      expect(names()).toEqual(['chengdu-dc', 'beijing-office']);
    });

    // The list follows the typing at once; the URL once typing pauses, replacing the step:
    // back returns to the step before the filter, not to each word typed.
    await user.click(selectInput('Status'));
    await user.click(await screen.findByRole('option', { name: 'All' }));
    expect(router.url()).not.toContain('status=');
    await user.type(screen.getByRole('textbox', { name: 'Search connections' }), 'chengdu');
    expect(names()).toEqual(['chengdu-dc']);
    await waitFor(() => {
      expect(router.url()).toContain('q=chengdu');
    });
    router.go(-1);
    await waitFor(() => {
      expect(router.url()).toBe(`${page}?tab=connections&status=connected&sort=newest`);
    });
    expect(screen.getByRole('textbox', { name: 'Search connections' })).toHaveValue('');
    expect(names()).toEqual(['chengdu-dc', 'beijing-office']);
    unmount();

    renderApp(`${page}?tab=connections&status=sideways&sort=%3Cb%3E&q=lab`);
    expect(await screen.findByText('1 of 3 connections shown')).toBeInTheDocument();
    expect(names()).toEqual(['adelaide-lab']);
    expect(selectInput('Status')).toHaveValue('All');
    expect(selectInput('Sort by')).toHaveValue('Name');
  }, 60_000);
});
