// Issue 17, wizard checks as you type: what passed before (a remote subnet inside the local one,
// a customer gateway at 0.0.0.0) is said at the field while typing, in both languages.
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { formatIssueMessage } from '@vpn-console/shared/errors/issue-texts';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, detailOf, gatewayStandard } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const customerGateways = {
  method: 'GET',
  path: '/api/v1/regions/cn-hangzhou/customer-gateways',
  respond: () => ({
    status: 200,
    body: {
      items: [
        {
          id: 'cgw-001',
          regionId: 'cn-hangzhou',
          name: 'branch',
          description: '',
          ipAddress: '198.51.100.7',
          hasAuthKey: false,
          usedBy: [],
        },
      ],
      totalCount: 1,
    },
  }),
};

const wizard = '/regions/cn-hangzhou/gateways/vpn-std001/connections/new';

describe('IPsec connection wizard checks as you type', () => {
  it(
    'says a remote subnet inside the local subnet overlaps it, before Next',
    { timeout: 120_000 },
    async () => {
      mockFetch([...baseRoutes('operator'), customerGateways]);
      renderApp(wizard);
      await screen.findByRole('heading', { name: 'Create an IPsec connection' });
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: 'Local subnets 1' }), '192.168.0.0/16');
      await user.type(screen.getByRole('textbox', { name: 'Remote subnets 1' }), '192.168.5.0/24');
      expect(
        await screen.findByText(
          /remote subnet 192\.168\.5\.0\/24 overlaps the local subnet 192\.168\.0\.0\/16/,
        ),
      ).toBeInTheDocument();
      const remote = screen.getByRole('textbox', { name: 'Remote subnets 1' });
      await user.clear(remote);
      await user.type(remote, '172.16.0.0/16');
      expect(screen.queryByText(/overlaps the local subnet/)).not.toBeInTheDocument();
    },
  );

  it('refuses 0.0.0.0 as the new customer gateway, in Chinese', { timeout: 120_000 }, async () => {
    mockFetch([...baseRoutes('operator'), customerGateways]);
    renderApp(wizard, 'zh-CN');
    await screen.findByRole('heading', { level: 1 });
    const user = userEvent.setup();
    await user.click(screen.getByRole('radio', { name: '现在新建' }));
    await user.type(screen.getByRole('textbox', { name: /公网 IP/ }), '0.0.0.0');
    expect(await screen.findByText(/0\.0\.0\.0\/8/)).toBeInTheDocument();
  });

  it(
    'says at the field that another connection of the gateway already uses the tunnel CIDR',
    { timeout: 120_000 },
    async () => {
      // The gateway's connection "branch-office" runs BGP on 169.254.10.0/30.
      const detail = detailOf(gatewayStandard);
      const [first, ...rest] = detail.vpnConnections;
      if (first === undefined) throw new Error('the fixture has a connection');
      const withBgp = {
        ...detail,
        vpnConnections: [
          {
            ...first,
            bgpConfig: {
              enableBgp: true,
              localAsn: 65000,
              tunnelCidr: '169.254.10.0/30',
              localBgpIp: '169.254.10.1',
            },
          },
          ...rest,
        ],
      };
      mockFetch([
        {
          method: 'GET',
          path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
          respond: () => ({ status: 200, body: withBgp }),
        },
        ...baseRoutes('operator'),
        customerGateways,
      ]);
      renderApp(wizard);
      await screen.findByRole('heading', { name: 'Create an IPsec connection' });
      const user = userEvent.setup();
      await user.click(screen.getByRole('radio', { name: 'Create one now' }));
      await user.type(screen.getByRole('textbox', { name: /Public IP address/ }), '203.0.113.10');
      await user.type(screen.getByRole('textbox', { name: 'Local subnets 1' }), '10.1.0.0/16');
      await user.type(screen.getByRole('textbox', { name: 'Remote subnets 1' }), '10.2.0.0/16');
      for (const step of ['Phase 1 (IKE)', 'Phase 2 (IPsec)', 'Advanced']) {
        await user.click(screen.getByRole('button', { name: 'Next' }));
        expect(await screen.findByRole('form', { name: step })).toBeInTheDocument();
      }
      await user.click(screen.getByRole('switch', { name: 'BGP' }));
      const cidr = screen.getByRole('textbox', { name: 'Tunnel CIDR' });
      await user.type(cidr, '169.254.10.0/30');
      const inUse = formatIssueMessage('TUNNEL_CIDR_IN_USE', 'en', {
        connection: 'branch-office',
      });
      expect(
        await screen.findByText(new RegExp(inUse.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))),
      ).toBeInTheDocument();
      expect(cidr).toHaveAttribute('aria-invalid', 'true');
      await user.clear(cidr);
      await user.type(cidr, '169.254.11.0/30');
      expect(screen.queryByText(/already uses this tunnel CIDR/)).not.toBeInTheDocument();
    },
  );
});
