import { lookupCloudError } from '@vpn-console/shared/errors/cloud-errors';
import { formatIssueMessage } from '@vpn-console/shared/errors/issue-texts';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, detailOf, gatewayStandard, operation } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const base = '/regions/cn-hangzhou/gateways/vpn-std001';
const stepForm = (name: string) => screen.findByRole('form', { name });

describe('SSL-VPN server wizard', () => {
  it(
    'refuses forbidden ports and incomplete two-factor settings per step, then explains a failed operation',
    { timeout: 120_000 },
    async () => {
      const failed = operation('failed', {
        id: 'op-ssl',
        resourceKind: 'ssl-vpn-server',
        error: { code: 'VpnGateway.Configuring', httpStatus: 400, requestId: 'REQ-42' },
      });
      const { calls } = mockFetch([
        // A gateway without its SSL-VPN server yet: one per gateway (issue 17).
        {
          method: 'GET',
          path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
          respond: () => ({
            status: 200,
            body: { ...detailOf(gatewayStandard), sslVpnServers: [] },
          }),
        },
        ...baseRoutes('operator'),
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/ssl-vpn-servers',
          query: 'dryRun=true',
          respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
        },
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/ssl-vpn-servers',
          respond: () => ({
            status: 202,
            body: operation('queued', { id: 'op-ssl', resourceKind: 'ssl-vpn-server' }),
          }),
        },
        {
          method: 'GET',
          path: '/api/v1/operations/op-ssl',
          respond: () => ({ status: 200, body: failed }),
        },
      ]);
      renderApp(`${base}/ssl-vpn-servers/new`);
      expect(
        await screen.findByRole('heading', { name: 'Create an SSL-VPN server' }),
      ).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      const user = userEvent.setup();

      // Basics: the client pool prefix is limited to /16–/29.
      const pool = screen.getByRole('textbox', { name: /Client address pool/ });
      await user.type(pool, '10.0.0.0/8');
      expect(
        await screen.findByText(
          formatIssueMessage('CLIENT_POOL_PREFIX_RANGE', 'en', { min: 16, max: 29 }),
        ),
      ).toBeInTheDocument();
      await user.clear(pool);
      await user.type(pool, '10.20.0.0/16');
      await user.type(screen.getByRole('textbox', { name: 'Local subnets 1' }), '192.168.0.0/16');
      await user.type(screen.getByRole('textbox', { name: 'Name' }), 'staff');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Protocol: forbidden ports are refused as you type.
      expect(await stepForm('Protocol')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      const port = screen.getByRole('textbox', { name: 'Port' });
      await user.clear(port);
      await user.type(port, '443');
      expect(
        await screen.findByText(formatIssueMessage('PORT_FORBIDDEN', 'en', { port: 443 })),
      ).toBeInTheDocument();
      await user.clear(port);
      await user.type(port, '1195');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Two-factor: IDaaS instance and region are needed once it is on.
      expect(await stepForm('Two-factor (IDaaS)')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      await user.click(screen.getByRole('switch', { name: 'Two-factor authentication' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(
        await screen.findByText(formatIssueMessage('MFA_IDAAS_INSTANCE_REQUIRED', 'en')),
      ).toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: 'IDaaS instance ID' }), 'idaas-cn-001');
      await user.type(screen.getByRole('textbox', { name: 'IDaaS region' }), 'cn-hangzhou');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Review and submit: the failure is explained with what to do next.
      expect(await screen.findByText(/over UDP port 1195 with AES-128-CBC/)).toBeInTheDocument();
      expect(await screen.findByText('The cloud accepts this configuration.')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      expect(screen.getByText('idaas-cn-001')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Create' }));
      expect(await screen.findByText('The change failed')).toBeInTheDocument();
      expect(
        screen.getByText(lookupCloudError('VpnGateway.Configuring').whatToDo.en),
      ).toBeInTheDocument();
      expect(screen.getByText('REQ-42')).toBeInTheDocument();
      const create = calls.find((c) => c.method === 'POST' && c.query.get('dryRun') === null);
      expect(create?.body).toMatchObject({
        name: 'staff',
        port: 1195,
        enableMultiFactorAuth: true,
        idaasInstanceId: 'idaas-cn-001',
        idaasRegionId: 'cn-hangzhou',
      });
      // Correcting and retrying is a new intent with a new key.
      await user.click(screen.getByRole('button', { name: 'Correct and try again' }));
      expect(await stepForm('Basics')).toBeInTheDocument();

      // Two-factor off again: its IDaaS values leave the review (issue 17).
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await stepForm('Protocol')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.click(await screen.findByRole('switch', { name: 'Two-factor authentication' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await screen.findByText(/over UDP port 1195 with AES-128-CBC/)).toBeInTheDocument();
      expect(screen.queryByText('idaas-cn-001')).not.toBeInTheDocument();
    },
  );
});
