// Issue 17: the pool-overlap message showed only after Next, and kept quoting an old subnet
// after it was fixed. Cross-field messages follow every change of either field.
import { formatIssueMessage } from '@vpn-console/shared/errors/issue-texts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, detailOf, gatewayStandard } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

describe('SSL-VPN server wizard, pool against local subnets', () => {
  it(
    'says the overlap as the local subnet is typed, and follows its fixes',
    { timeout: 120_000 },
    async () => {
      mockFetch([
        {
          method: 'GET',
          path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
          respond: () => ({
            status: 200,
            body: { ...detailOf(gatewayStandard), sslVpnServers: [] },
          }),
        },
        ...baseRoutes('operator'),
      ]);
      renderApp('/regions/cn-hangzhou/gateways/vpn-std001/ssl-vpn-servers/new');
      await screen.findByRole('heading', { name: 'Create an SSL-VPN server' });
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: /Client address pool/ }), '10.20.0.0/16');
      const local = screen.getByRole('textbox', { name: 'Local subnets 1' });
      await user.type(local, '10.20.5.0/24');
      const said = (other: string) =>
        formatIssueMessage('CLIENT_POOL_OVERLAPS_LOCAL_SUBNET', 'en', { other });
      expect(await screen.findByText(said('10.20.5.0/24'))).toBeInTheDocument();
      await user.clear(local);
      await user.type(local, '10.20.9.0/24');
      expect(await screen.findByText(said('10.20.9.0/24'))).toBeInTheDocument();
      expect(screen.queryByText(said('10.20.5.0/24'))).not.toBeInTheDocument();
      await user.clear(local);
      await user.type(local, '192.168.0.0/16');
      expect(screen.queryByText(/overlap/i)).not.toBeInTheDocument();
    },
  );
});
