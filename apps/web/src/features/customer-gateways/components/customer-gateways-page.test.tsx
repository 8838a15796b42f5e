import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CustomerGatewayView } from '@vpn-console/shared/api/views';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch, type MockRoute } from '../../../test/fetch-mock';
import { baseRoutes, operation } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const CGW = '/api/v1/regions/cn-hangzhou/customer-gateways';

const list: { items: CustomerGatewayView[]; totalCount: number } = {
  items: [
    {
      id: 'cgw-used001',
      regionId: 'cn-hangzhou',
      name: 'branch-used',
      description: 'HQ',
      ipAddress: '198.51.100.7',
      asn: 65010,
      hasAuthKey: false,
      createTime: Date.parse('2026-11-20T08:00:00Z'),
      usedBy: [
        { vpnConnectionId: 'vco-001', name: 'branch-office', vpnGatewayId: 'vpn-std001' },
        {
          vpnConnectionId: 'vco-dual01',
          name: 'dual',
          vpnGatewayId: 'vpn-std001',
          tunnelId: 'tun-001',
        },
      ],
    },
    {
      id: 'cgw-free001',
      regionId: 'cn-hangzhou',
      name: 'branch-free',
      description: '',
      ipAddress: '198.51.100.9',
      hasAuthKey: false,
      usedBy: [],
    },
  ],
  totalCount: 2,
};

const pageRoutes = (extra: MockRoute[] = []): MockRoute[] => [
  ...extra,
  { method: 'GET', path: CGW, respond: () => ({ status: 200, body: list }) },
  ...baseRoutes('operator'),
];

const rowOf = async (name: string) => {
  const row = (await screen.findByText(name)).closest('tr');
  if (row === null) throw new Error(`no row for ${name}`);
  return within(row);
};

describe('customer gateways page', () => {
  it('lists a region’s customer gateways with the connections using each; Delete waits until none does', async () => {
    mockFetch(pageRoutes());
    renderApp('/regions/cn-hangzhou/customer-gateways');
    expect(await screen.findByRole('heading', { name: 'Customer gateways' })).toBeInTheDocument();
    const used = await rowOf('branch-used');
    expect(used.getByRole('link', { name: 'branch-office' })).toHaveAttribute(
      'href',
      '/regions/cn-hangzhou/gateways/vpn-std001',
    );
    expect(used.getByText('(tunnel tun-001)')).toBeInTheDocument();
    expect(used.getByText('65010')).toBeInTheDocument();
    expect(used.getByRole('button', { name: 'Delete branch-used' })).toBeDisabled();
    expect(used.getByText(/^Connections using it: 2\./)).toBeInTheDocument();
    const free = await rowOf('branch-free');
    expect(free.getByText('No connection')).toBeInTheDocument();
    expect(free.getByRole('button', { name: 'Delete branch-free' })).toBeEnabled();
    expect(screen.getByText('2 of 2 shown')).toBeInTheDocument();
    await userEvent.type(screen.getByRole('textbox', { name: /Search/ }), '198.51.100.9');
    expect(screen.getByText('1 of 2 shown')).toBeInTheDocument();
    expect(screen.queryByText('branch-used')).not.toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
  });

  it('renames one: only the changed field is sent, a bad name is refused at its field first', async () => {
    const { calls } = mockFetch(
      pageRoutes([
        {
          method: 'PATCH',
          path: `${CGW}/cgw-free001`,
          respond: () => ({
            status: 202,
            body: operation('queued', { action: 'change', resourceKind: 'customer-gateway' }),
          }),
        },
        {
          method: 'GET',
          path: '/api/v1/operations/op-1',
          respond: () => ({
            status: 200,
            body: operation('succeeded', { action: 'change', resourceKind: 'customer-gateway' }),
          }),
        },
      ]),
    );
    renderApp('/regions/cn-hangzhou/customer-gateways');
    await userEvent.click(
      (await rowOf('branch-free')).getByRole('button', { name: 'Edit branch-free' }),
    );
    const dialog = await screen.findByRole('dialog');
    const name = within(dialog).getByRole('textbox', { name: 'Name' });
    await userEvent.clear(name);
    await userEvent.type(name, 'https://x');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await within(dialog).findByText(/http/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await userEvent.clear(name);
    await userEvent.type(name, 'branch-renamed');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Customer gateway branch-renamed saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ name: 'branch-renamed' });
  });

  it('deletes an unused one after the name is typed, and says why the cloud refused one in use', async () => {
    const { calls } = mockFetch(
      pageRoutes([
        {
          method: 'DELETE',
          path: `${CGW}/cgw-free001`,
          respond: () => ({
            status: 409,
            body: {
              error: {
                code: 'CustomerGatewayInUse',
                message: 'Used by vco-new.',
                httpStatus: 409,
              },
            },
          }),
        },
      ]),
    );
    renderApp('/regions/cn-hangzhou/customer-gateways', 'zh-CN');
    await userEvent.click(
      (await rowOf('branch-free')).getByRole('button', { name: '删除 branch-free' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByRole('textbox'), 'branch-free');
    await userEvent.click(within(dialog).getByRole('button', { name: '删除 branch-free' }));
    expect(
      await within(dialog).findByText('该用户网关仍被IPsec连接使用，不能删除。'),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
    });
  });
});
