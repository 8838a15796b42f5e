import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { dualRoutes } from '../../../test/dual-tunnel-fixtures';
import { mockFetch, type MockRoute } from '../../../test/fetch-mock';
import { baseRoutes, operation } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { selectInput } from '../../../test/select-input';

const stepForm = (name: string) => screen.findByRole('form', { name });
/** The customer gateway select (required: its label ends with an asterisk). */
const cgwSelect = (): HTMLInputElement => {
  const input = screen
    .getAllByLabelText(/^Customer gateway/)
    .find((el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type !== 'hidden');
  if (input === undefined) throw new Error('no customer gateway select');
  return input;
};

const followed = (id: string, method: string, path: string | RegExp): MockRoute[] => {
  let polls = 0;
  return [
    {
      method,
      path,
      respond: () => ({
        status: 202,
        body: operation('queued', { id, resourceKind: 'vpn-connection' }),
      }),
    },
    {
      method: 'GET',
      path: `/api/v1/operations/${id}`,
      respond: () => {
        polls += 1;
        return {
          status: 200,
          body: operation(polls > 1 ? 'succeeded' : 'applying', {
            id,
            resourceKind: 'vpn-connection',
          }),
        };
      },
    },
  ];
};

describe('dual-tunnel connection wizard', () => {
  it(
    'asks for both tunnels, tunnel 2 a copy of tunnel 1 with its own peer and BGP addresses, warns of weak algorithms and creates once',
    { timeout: 180_000 },
    async () => {
      const { calls } = mockFetch([
        ...dualRoutes,
        ...baseRoutes('operator'),
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/vpn-connections',
          query: 'dryRun=true',
          respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
        },
        ...followed('op-dual', 'POST', '/api/v1/regions/cn-hangzhou/vpn-connections'),
      ]);
      renderApp('/regions/cn-hangzhou/gateways/vpn-dual001/connections/new');
      expect(
        // The wizard's chunk compiles on first use: slow on a busy machine.
        await screen.findByRole('heading', { name: 'Create an IPsec connection' }),
      ).toBeInTheDocument();
      expect(screen.getByText(/tunnel 1 \(active\) from 192\.0\.2\.131/)).toBeInTheDocument();
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: 'Name' }), 'to-branch-dual');
      await user.type(screen.getByRole('textbox', { name: 'Local subnets 1' }), '172.22.0.0/16');
      await user.type(screen.getByRole('textbox', { name: 'Remote subnets 1' }), '10.70.0.0/16');
      await user.click(screen.getByRole('switch', { name: 'BGP on both tunnels' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Tunnel 1: its customer gateway, algorithms (a weak one is warned of, never blocked), BGP.
      expect(await stepForm('Tunnel 1')).toBeInTheDocument();
      await user.click(cgwSelect());
      await user.click(await screen.findByRole('option', { name: /branch-dual-1/ }));
      expect(screen.getAllByText(/md5 is a broken hash/).length).toBeGreaterThan(0);
      const [useSha256] = screen.getAllByRole('button', { name: 'Use sha256' });
      if (useSha256 === undefined) throw new Error('no proposal');
      await user.click(useSha256);
      expect(selectInput('Integrity')).toHaveValue('sha256');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      // BGP on: the tunnel's addresses are required before going on.
      expect(await stepForm('Tunnel 1')).toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: 'Tunnel CIDR' }), '169.254.20.0/30');
      await user.type(screen.getByRole('textbox', { name: 'Local BGP IP' }), '169.254.20.1');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Tunnel 2: kept the same as tunnel 1, only its own peer and addresses asked.
      expect(await stepForm('Tunnel 2')).toBeInTheDocument();
      expect(screen.getByRole('switch', { name: 'Keep both tunnels the same' })).toBeChecked();
      expect(screen.queryByRole('textbox', { name: 'Pre-shared key' })).not.toBeInTheDocument();
      await user.click(cgwSelect());
      await user.click(await screen.findByRole('option', { name: /branch-dual-2/ }));
      await user.type(screen.getByRole('textbox', { name: 'Tunnel CIDR' }), '169.254.20.0/30');
      await user.type(screen.getByRole('textbox', { name: 'Local BGP IP' }), '169.254.20.2');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      // The same tunnel CIDR twice is refused at the field.
      expect(await stepForm('Tunnel 2')).toBeInTheDocument();
      const cidr = screen.getByRole('textbox', { name: 'Tunnel CIDR' });
      await user.clear(cidr);
      await user.type(cidr, '169.254.21.0/30');
      // A tunnel CIDR another connection of the gateway uses is refused at the field (issue 17).
      expect(
        await screen.findByText(
          /The IPsec connection "to-branch-dual" on this VPN gateway already uses this tunnel CIDR/,
        ),
      ).toBeInTheDocument();
      await user.clear(cidr);
      await user.type(cidr, '169.254.23.0/30');
      const ip = screen.getByRole('textbox', { name: 'Local BGP IP' });
      await user.clear(ip);
      await user.type(ip, '169.254.23.1');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Review, tunnel by tunnel.
      expect(
        await screen.findByText(/Tunnel 1 \(active\) to customer gateway cgw-dual001/),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/Tunnel 2 \(standby\) to customer gateway cgw-dual002/),
      ).toBeInTheDocument();
      expect(screen.getByRole('table', { name: 'Tunnel 2' })).toHaveTextContent('169.254.23.0/30');
      expect(await screen.findByText('The cloud accepts this configuration.')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Create' }));
      expect(await screen.findByRole('heading', { name: 'dual-gateway' })).toBeInTheDocument();

      const creates = calls.filter(
        (c) => c.method === 'POST' && c.path.endsWith('/vpn-connections') && !c.query.has('dryRun'),
      );
      expect(creates).toHaveLength(1);
      expect(creates[0]?.body).toMatchObject({
        name: 'to-branch-dual',
        enableTunnelsBgp: true,
        tunnels: [
          {
            role: 'master',
            customerGatewayId: 'cgw-dual001',
            ikeConfig: { ikeAuthAlg: 'sha256' },
            bgpConfig: { tunnelCidr: '169.254.20.0/30', localBgpIp: '169.254.20.1' },
          },
          {
            role: 'slave',
            customerGatewayId: 'cgw-dual002',
            ikeConfig: { ikeAuthAlg: 'sha256' },
            bgpConfig: { tunnelCidr: '169.254.23.0/30', localBgpIp: '169.254.23.1' },
          },
        ],
      });
      // No single-tunnel field reaches a dual-tunnel gateway.
      expect(creates[0]?.body).not.toHaveProperty('customerGatewayId');
      expect(creates[0]?.body).not.toHaveProperty('ikeConfig');
    },
  );

  it(
    "edits one tunnel's IKE settings: the diff shows only that tunnel and the tunnel route applies it, in both languages",
    { timeout: 180_000 },
    async () => {
      const { calls } = mockFetch([
        ...dualRoutes,
        ...baseRoutes('operator'),
        ...followed(
          'op-tun',
          'PATCH',
          '/api/v1/regions/cn-hangzhou/vpn-connections/vco-dual001/tunnels/tun-dual002',
        ),
      ]);
      renderApp('/regions/cn-hangzhou/gateways/vpn-dual001/connections/vco-dual001/edit');
      expect(
        await screen.findByRole('heading', { name: 'Change the IPsec connection' }),
      ).toBeInTheDocument();
      const user = userEvent.setup();
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await stepForm('Tunnel 1')).toBeInTheDocument();
      // The cloud's values, not defaults.
      expect(selectInput('Integrity')).toHaveValue('sha256');
      expect(screen.getByRole('textbox', { name: 'Tunnel CIDR' })).toHaveValue('169.254.21.0/30');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await stepForm('Tunnel 2')).toBeInTheDocument();
      await user.click(selectInput('DH group'));
      await user.click(await screen.findByRole('option', { name: 'group5' }));
      expect(screen.getByText(/group5 is too small a DH group/)).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Next' }));

      expect(await screen.findByText(/Only Tunnel 2 changes/)).toBeInTheDocument();
      const diff = screen.getByRole('table', { name: 'What changes · Tunnel 2' });
      expect(within(diff).getByText('group14')).toBeInTheDocument();
      expect(within(diff).getByText('group5')).toBeInTheDocument();
      expect(screen.queryByRole('table', { name: 'What changes · Tunnel 1' })).toBeNull();
      expect(screen.getAllByText('Unchanged.')).toHaveLength(2);

      await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
      expect(await screen.findByText(/仅隧道 2有变更/)).toBeInTheDocument();
      expect(screen.getByRole('table', { name: '变更内容 · 隧道 2' })).toBeInTheDocument();
      expect(screen.getAllByText('无变更。')).toHaveLength(2);

      await user.click(await screen.findByRole('button', { name: '应用变更' }));
      expect(await screen.findByRole('heading', { name: 'dual-gateway' })).toBeInTheDocument();
      const patch = calls.find((c) => c.method === 'PATCH');
      expect(patch?.path).toBe(
        '/api/v1/regions/cn-hangzhou/vpn-connections/vco-dual001/tunnels/tun-dual002',
      );
      expect(patch?.body).toEqual({ ikeConfig: { ikePfs: 'group5' } });
    },
  );
});
