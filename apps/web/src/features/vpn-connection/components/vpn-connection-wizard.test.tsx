import type { ApiError } from '@vpn-console/shared/api/errors';
import { formatIssueMessage } from '@vpn-console/shared/errors/issue-texts';
import { apiRoutes, type ApiRoute } from '@vpn-console/shared/api/routes';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, operation } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { selectInput } from '../../../test/select-input';

const stepForm = (name: string) => screen.findByRole('form', { name });
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

/** A create whose inline customer gateway is made and whose connection then fails with `error`. */
const failingCreateRoutes = (error: ApiError) => [
  ...baseRoutes('operator'),
  customerGateways,
  {
    method: 'POST',
    path: '/api/v1/regions/cn-hangzhou/customer-gateways',
    query: 'dryRun=true',
    respond: () => ({ status: 200, body: { dryRun: true, ok: true, checkedBy: 'console' } }),
  },
  {
    method: 'POST',
    path: '/api/v1/regions/cn-hangzhou/vpn-connections',
    query: 'dryRun=true',
    respond: () => ({ status: 200, body: { dryRun: true, ok: true, checkedBy: 'cloud' } }),
  },
  {
    method: 'POST',
    path: '/api/v1/regions/cn-hangzhou/customer-gateways',
    respond: () => ({
      status: 202,
      body: operation('queued', { id: 'op-cgw', resourceKind: 'customer-gateway' }),
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/operations/op-cgw',
    respond: () => ({
      status: 200,
      body: operation('succeeded', {
        id: 'op-cgw',
        resourceKind: 'customer-gateway',
        resourceId: 'cgw-new001',
      }),
    }),
  },
  {
    method: 'POST',
    path: '/api/v1/regions/cn-hangzhou/vpn-connections',
    respond: () => ({
      status: 202,
      body: operation('queued', { id: 'op-vco', resourceKind: 'vpn-connection' }),
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/operations/op-vco',
    respond: () => ({
      status: 200,
      body: operation('failed', {
        id: 'op-vco',
        resourceKind: 'vpn-connection',
        error,
      }),
    }),
  },
  {
    method: 'DELETE',
    path: '/api/v1/regions/cn-hangzhou/customer-gateways/cgw-new001',
    respond: () => ({
      status: 202,
      body: operation('queued', {
        id: 'op-del',
        action: 'delete',
        resourceKind: 'customer-gateway',
        resourceId: 'cgw-new001',
      }),
    }),
  },
  {
    method: 'GET',
    path: '/api/v1/operations/op-del',
    respond: () => ({
      status: 200,
      body: operation('succeeded', {
        id: 'op-del',
        action: 'delete',
        resourceKind: 'customer-gateway',
        resourceId: 'cgw-new001',
      }),
    }),
  },
];

/** The standard gateway's wizard filled with a new customer gateway, up to the review's Create. */
const fillAndCreate = async (bgpCidr?: string) => {
  renderApp('/regions/cn-hangzhou/gateways/vpn-std001/connections/new');
  await screen.findByRole('heading', { name: 'Create an IPsec connection' });
  const user = userEvent.setup();
  await user.click(screen.getByRole('radio', { name: 'Create one now' }));
  await user.type(screen.getByRole('textbox', { name: /Public IP address/ }), '203.0.113.10');
  await user.type(screen.getByRole('textbox', { name: 'Local subnets 1' }), '10.1.0.0/16');
  await user.type(screen.getByRole('textbox', { name: 'Remote subnets 1' }), '10.2.0.0/16');
  for (const step of ['Phase 1 (IKE)', 'Phase 2 (IPsec)', 'Advanced']) {
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await stepForm(step)).toBeInTheDocument();
  }
  if (bgpCidr !== undefined) {
    await user.click(screen.getByRole('switch', { name: 'BGP' }));
    await user.type(screen.getByRole('textbox', { name: 'Tunnel CIDR' }), bgpCidr);
    await user.type(
      screen.getByRole('textbox', { name: 'Local BGP IP' }),
      bgpCidr.replace(/0\/30$/, '1'),
    );
  }
  await user.click(screen.getByRole('button', { name: 'Next' }));
  expect(await screen.findByText('The cloud accepts this configuration.')).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Create' }));
  return user;
};

describe('IPsec connection wizard', () => {
  it(
    'on an SM gateway offers only SM algorithms, asks for the peer CA, and creates the customer gateway inline first',
    { timeout: 120_000 },
    async () => {
      const ops: Record<string, number> = {};
      const poll = (id: string, extra: Parameters<typeof operation>[1]) => () => {
        ops[id] = (ops[id] ?? 0) + 1;
        return {
          status: 200,
          body: operation((ops[id] ?? 0) > 1 ? 'succeeded' : 'applying', { id, ...extra }),
        };
      };
      const { calls } = mockFetch([
        ...baseRoutes('operator'),
        customerGateways,
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/customer-gateways',
          query: 'dryRun=true',
          respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
        },
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/customer-gateways',
          respond: () => ({
            status: 202,
            body: operation('queued', { id: 'op-cgw', resourceKind: 'customer-gateway' }),
          }),
        },
        {
          method: 'GET',
          path: '/api/v1/operations/op-cgw',
          respond: poll('op-cgw', { resourceKind: 'customer-gateway', resourceId: 'cgw-new001' }),
        },
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/vpn-connections',
          query: 'dryRun=true',
          respond: () => ({ status: 200, body: { dryRun: true, ok: true, checkedBy: 'cloud' } }),
        },
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/vpn-connections',
          respond: () => ({
            status: 202,
            body: operation('queued', { id: 'op-vco', resourceKind: 'vpn-connection' }),
          }),
        },
        {
          method: 'GET',
          path: '/api/v1/operations/op-vco',
          respond: poll('op-vco', { resourceKind: 'vpn-connection' }),
        },
      ]);
      renderApp('/regions/cn-hangzhou/gateways/vpn-sm002/connections/new');
      expect(
        await screen.findByRole('heading', { name: 'Create an IPsec connection' }),
      ).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      const user = userEvent.setup();

      await user.click(screen.getByRole('radio', { name: 'Create one now' }));
      const ip = screen.getByRole('textbox', { name: /Public IP address/ });
      await user.type(ip, '127.0.0.1');
      expect(await screen.findByText(/127\.0\.0\.0\/8|reserved/i)).toBeInTheDocument();
      await user.clear(ip);
      await user.type(ip, '203.0.113.10');
      await user.type(screen.getByRole('textbox', { name: 'Name' }), 'to-branch');
      await user.type(screen.getByRole('textbox', { name: 'Local subnets 1' }), '192.168.0.0/16');
      await user.type(screen.getByRole('textbox', { name: 'Remote subnets 1' }), '172.16.0.0/16');
      expect(await seriousViolations()).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Phase 1 on an SM (国密) gateway: sm4/sm3, and the peer CA certificate is required.
      expect(await stepForm('Phase 1 (IKE)')).toBeInTheDocument();
      expect(selectInput('Encryption')).toHaveValue('sm4');
      expect(selectInput('Integrity')).toHaveValue('sm3');
      // Issue 17: no "the cloud generates one" on SM: certificates authenticate.
      expect(
        screen.getByText(/SM \(国密\) gateways authenticate with certificates/),
      ).toBeInTheDocument();
      expect(screen.queryByText(/the cloud generates one/)).toBeNull();
      await user.click(selectInput('Encryption'));
      const listbox = await screen.findByRole('listbox');
      expect(
        within(listbox)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['sm4']);
      await user.keyboard('{Escape}');
      expect(await seriousViolations()).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(
        await screen.findByText(formatIssueMessage('REMOTE_CA_CERT_REQUIRED_FOR_SM', 'en')),
      ).toBeInTheDocument();
      await user.type(
        screen.getByRole('textbox', { name: 'Peer CA certificate (SM)' }),
        '-----BEGIN CERTIFICATE-----{Enter}MIIB',
      );
      await user.click(screen.getByRole('button', { name: 'Next' }));

      expect(await stepForm('Phase 2 (IPsec)')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await stepForm('Advanced')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      await user.click(screen.getByRole('switch', { name: 'BGP' }));
      await user.type(screen.getByRole('textbox', { name: 'Tunnel CIDR' }), '10.0.0.0/30');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(await screen.findByText(/169\.254/)).toBeInTheDocument();
      const tunnel = screen.getByRole('textbox', { name: 'Tunnel CIDR' });
      await user.clear(tunnel);
      await user.type(tunnel, '169.254.10.0/30');
      await user.type(screen.getByRole('textbox', { name: 'Local BGP IP' }), '169.254.10.1');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Review: the new customer gateway is checked by the console, the connection by the cloud's
      // dry run with an existing customer gateway standing in; the new one is created last.
      expect(
        await screen.findByText(/links 192.168.0.0\/16 with 172.16.0.0\/16/),
      ).toBeInTheDocument();
      expect(screen.getByText('not entered: certificates authenticate (SM)')).toBeInTheDocument();
      expect(await screen.findByText('The cloud accepts this configuration.')).toBeInTheDocument();
      const dry = calls.find(
        (c) => c.path.endsWith('/vpn-connections') && c.query.get('dryRun') === 'true',
      );
      expect(dry?.body).toMatchObject({ customerGatewayId: 'cgw-001', vpnGatewayId: 'vpn-sm002' });
      expect(
        calls.some(
          (c) =>
            c.method === 'POST' &&
            c.path.endsWith('/customer-gateways') &&
            c.query.get('dryRun') === null,
        ),
      ).toBe(false);
      expect(await seriousViolations()).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Create' }));
      expect(await screen.findByRole('heading', { name: 'gm-gateway' })).toBeInTheDocument();

      const cgw = calls.find(
        (c) =>
          c.path.endsWith('/customer-gateways') &&
          c.method === 'POST' &&
          c.query.get('dryRun') === null,
      );
      const conn = calls.find(
        (c) =>
          c.path.endsWith('/vpn-connections') &&
          c.method === 'POST' &&
          c.query.get('dryRun') === null,
      );
      expect(cgw?.body).toEqual({ ipAddress: '203.0.113.10', regionId: 'cn-hangzhou' });
      expect(conn?.body).toMatchObject({
        customerGatewayId: 'cgw-new001',
        vpnGatewayId: 'vpn-sm002',
        name: 'to-branch',
        ikeConfig: { ikeEncAlg: 'sm4', ikeAuthAlg: 'sm3', ikeVersion: 'ikev1' },
        remoteCaCertificate: '-----BEGIN CERTIFICATE-----\nMIIB',
      });
      const key = conn?.headers.get('Idempotency-Key') ?? '';
      expect(key).toMatch(/^[0-9a-f-]{36}$/);
      expect(cgw?.headers.get('Idempotency-Key')).toBe(`${key}-cgw`);
    },
  );

  it(
    'reviews an edit as a diff with the key only as changed, in both languages',
    { timeout: 120_000 },
    async () => {
      // The route table gives this PATCH no dry run: the BFF refuses ?dryRun=true, so no mock
      // may answer it and the review must not ask.
      const route: ApiRoute | undefined = apiRoutes.find((r) => r.id === 'changeVpnConnection');
      expect(route?.dryRun).toBe(false);
      const { calls } = mockFetch([
        ...baseRoutes('operator'),
        customerGateways,
        {
          method: 'PATCH',
          path: '/api/v1/regions/cn-hangzhou/vpn-connections/vco-001',
          respond: () => ({
            status: 202,
            body: operation('queued', {
              id: 'op-chg',
              action: 'change',
              resourceKind: 'vpn-connection',
            }),
          }),
        },
        {
          method: 'GET',
          path: '/api/v1/operations/op-chg',
          respond: () => ({
            status: 200,
            body: operation('applying', {
              id: 'op-chg',
              action: 'change',
              resourceKind: 'vpn-connection',
            }),
          }),
        },
      ]);
      renderApp('/regions/cn-hangzhou/gateways/vpn-std001/connections/vco-001/edit');
      expect(
        await screen.findByRole('heading', { name: 'Change the IPsec connection' }),
      ).toBeInTheDocument();
      const user = userEvent.setup();
      const remote = screen.getByRole('textbox', { name: 'Remote subnets 1' });
      await user.clear(remote);
      await user.type(remote, '172.17.0.0/16');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      await user.type(await screen.findByLabelText('Pre-shared key'), 'N3w-Shared-Key-2026');
      for (let i = 0; i < 3; i += 1) await user.click(screen.getByRole('button', { name: 'Next' }));

      const diff = await screen.findByRole('table', { name: 'What changes' });
      expect(
        within(diff)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual([
        'SettingNowAfter',
        'Remote subnets172.16.0.0/16172.17.0.0/16',
        'Phase 1 (IKE) · Pre-shared keychanged (hidden)',
      ]);
      expect(diff).not.toHaveTextContent('N3w-Shared-Key-2026');
      // The summary counts what changes, in plain words (issue 18: "setting(s)").
      expect(screen.getByText(/\. The change touches 2 settings of \S+\.$/)).toBeInTheDocument();
      expect(await screen.findByText(/^Checked by the console only/)).toBeInTheDocument();
      expect(screen.queryByText(/refuse/i)).not.toBeInTheDocument();
      expect(calls.some((c) => c.query.get('dryRun') === 'true')).toBe(false);

      await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
      const zh = await screen.findByRole('table', { name: '变更内容' });
      expect(
        within(zh)
          .getAllByRole('row')
          .map((r) => r.textContent),
      ).toEqual([
        '配置项当前变更后',
        '对端网段172.16.0.0/16172.17.0.0/16',
        '第一阶段（IKE） · 预共享密钥已修改（不显示）',
      ]);
      expect(screen.getByText(/^仅由控制台检查/)).toBeInTheDocument();
      expect(screen.getByText(/。本次变更涉及“\S+”的 2 项配置。$/)).toBeInTheDocument();
      expect(screen.queryByText(/拒绝/)).not.toBeInTheDocument();

      await user.click(screen.getByRole('button', { name: '应用变更' }));
      await waitFor(() => {
        expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
          remoteSubnet: ['172.17.0.0/16'],
          ikeConfig: { psk: 'N3w-Shared-Key-2026' },
        });
      });
    },
  );

  it(
    'says a failed create left its new customer gateway behind and deletes it in one click',
    { timeout: 120_000 },
    async () => {
      const { calls } = mockFetch(
        failingCreateRoutes({ code: 'VpnGateway.FinancialLocked', httpStatus: 400 }),
      );
      const user = await fillAndCreate();
      expect(
        await screen.findByText('The customer gateway made for this connection still exists'),
      ).toBeInTheDocument();
      expect(
        screen.getByText(/customer gateway cgw-new001 \(203\.0\.113\.10\)/),
      ).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Delete customer gateway cgw-new001' }));
      expect(
        await screen.findByText('Customer gateway cgw-new001 is deleted.'),
      ).toBeInTheDocument();
      expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
    },
  );

  it(
    "puts the cloud's refusal of a named parameter on its field and opens its step (issue 17)",
    { timeout: 120_000 },
    async () => {
      mockFetch(
        failingCreateRoutes({
          code: 'InvalidParameter',
          httpStatus: 400,
          issues: [
            {
              path: 'bgpConfig.tunnelCidr',
              code: 'CLOUD_REFUSED_VALUE',
              params: { parameter: 'BgpConfig.TunnelCidr' },
            },
          ],
        }),
      );
      await fillAndCreate('169.254.40.0/30');
      expect(await stepForm('Advanced')).toBeInTheDocument();
      const cidr = screen.getByRole('textbox', { name: 'Tunnel CIDR' });
      expect(
        await screen.findByText('The cloud refused this value (BgpConfig.TunnelCidr).'),
      ).toBeInTheDocument();
      expect(cidr).toHaveAttribute('aria-invalid', 'true');
    },
  );

  it(
    'does not ask to correct highlighted values when the cloud named none',
    { timeout: 120_000 },
    async () => {
      mockFetch(failingCreateRoutes({ code: 'InvalidParameter', httpStatus: 400 }));
      await fillAndCreate();
      expect(await screen.findByText(/The cloud did not say which value/)).toBeInTheDocument();
      expect(screen.queryByText('Correct the highlighted values and submit again.')).toBeNull();
    },
  );
});
