import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, detailOf, gatewayStandard, operation } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { selectInput } from '../../../test/select-input';

const base = '/regions/cn-hangzhou/gateways/vpn-std001';

const gatewayWithoutServer = {
  method: 'GET',
  path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
  respond: () => ({ status: 200, body: { ...detailOf(gatewayStandard), ipsecServer: null } }),
};

/** The edit's dry run, accepted by the cloud. */
const editDryRunOk = {
  method: 'PATCH',
  path: '/api/v1/regions/cn-hangzhou/ipsec-servers/iss-001',
  query: 'dryRun=true',
  respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
};

const stepForm = (name: string) => screen.findByRole('form', { name });

describe('IPsec server wizard', () => {
  it(
    'checks each step as you type, reviews, dry-runs and creates once, then lands on the gateway',
    { timeout: 120_000 },
    async () => {
      let polls = 0;
      const { calls } = mockFetch([
        gatewayWithoutServer,
        ...baseRoutes('operator'),
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/ipsec-servers',
          query: 'dryRun=true',
          respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
        },
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/ipsec-servers',
          respond: () => ({ status: 202, body: operation('queued', { id: 'op-iss' }) }),
        },
        {
          method: 'GET',
          path: '/api/v1/operations/op-iss',
          respond: () => {
            polls += 1;
            return {
              status: 200,
              body: operation(polls > 1 ? 'succeeded' : 'waiting-for-gateway', { id: 'op-iss' }),
            };
          },
        },
      ]);
      renderApp(`${base}/ipsec-server/new`);
      expect(
        await screen.findByRole('heading', { name: 'Create an IPsec server' }),
      ).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);

      // Basics: errors at the field while typing.
      const user = userEvent.setup();
      const subnet = screen.getByRole('textbox', { name: 'Local subnets 1' });
      await user.type(subnet, '10.0.0.1/24');
      expect(
        await screen.findByText(/The block must start at its network address/),
      ).toBeInTheDocument();
      await user.clear(subnet);
      await user.type(subnet, '192.168.0.0/16');
      const pool = screen.getByRole('textbox', { name: /Client address pool/ });
      await user.type(pool, '192.168.1.0/24');
      expect(
        await screen.findByText(/must not overlap the local subnet 192.168.0.0\/16/),
      ).toBeInTheDocument();
      await user.clear(pool);
      await user.type(pool, '10.10.0.0/24');
      expect(screen.queryByText(/must not overlap/)).not.toBeInTheDocument();
      await user.type(screen.getByRole('textbox', { name: 'Name' }), 'clients');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Phase 1.
      expect(await stepForm('Phase 1 (IKE)')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      const lifetime = screen.getByRole('textbox', { name: 'SA lifetime (seconds)' });
      await user.clear(lifetime);
      await user.type(lifetime, '90000');
      await user.click(screen.getByRole('button', { name: 'Next' }));
      expect(
        await screen.findByText('The SA lifetime must be between 0 and 86400 seconds.'),
      ).toBeInTheDocument();
      expect(await stepForm('Phase 1 (IKE)')).toBeInTheDocument();
      await user.clear(lifetime);
      await user.type(lifetime, '3600');
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Phase 2.
      expect(await stepForm('Phase 2 (IPsec)')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Authentication: the documented charset, generate, strength.
      expect(await stepForm('Authentication')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      const psk = screen.getByLabelText('Pre-shared key');
      await user.type(psk, 'has space');
      expect(
        await screen.findByText('The pre-shared key must not contain spaces.'),
      ).toBeInTheDocument();
      await user.clear(psk);
      await user.click(screen.getByRole('button', { name: 'Generate a strong key' }));
      expect(screen.getByText('Strength: strong')).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Next' }));

      // Review: plain words, every value, the DryRun verdict.
      expect(
        await screen.findByText(
          /An IPsec server "clients" on gateway hq-gateway gives clients addresses from 10.10.0.0\/24/,
        ),
      ).toBeInTheDocument();
      expect(await screen.findByText('The cloud accepts this configuration.')).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);
      const dry = calls.find((c) => c.method === 'POST' && c.query.get('dryRun') === 'true');
      expect(dry?.body).toMatchObject({
        vpnGatewayId: 'vpn-std001',
        localSubnet: ['192.168.0.0/16'],
        clientIpPool: '10.10.0.0/24',
        ikeConfig: { ikeLifetime: 3600, ikeVersion: 'ikev2' },
        pskEnabled: true,
      });
      // PskEnabled takes only true: no switch offers to turn it off (issue 17).
      expect(
        screen.queryByRole('switch', { name: 'Use a pre-shared key' }),
      ).not.toBeInTheDocument();

      const create = screen.getByRole('button', { name: 'Create' });
      await user.dblClick(create);
      await user.click(create);
      // Lands on the gateway page once the operation is done.
      expect(await screen.findByRole('heading', { name: 'hq-gateway' })).toBeInTheDocument();
      const writes = calls.filter((c) => c.method === 'POST' && c.query.get('dryRun') === null);
      expect(writes).toHaveLength(1);
      expect(writes[0]?.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f-]{36}$/);
    },
  );

  it('shows the diff of an edit with the key as changed or unchanged, in Chinese', async () => {
    const { calls } = mockFetch([
      ...baseRoutes('operator'),
      {
        method: 'PATCH',
        path: '/api/v1/regions/cn-hangzhou/ipsec-servers/iss-001',
        query: 'dryRun=true',
        respond: () => ({
          status: 200,
          body: {
            dryRun: true,
            ok: false,
            error: { code: 'VpnGateway.Configuring', httpStatus: 400 },
          },
        }),
      },
    ]);
    renderApp(`${base}/ipsec-server/iss-001/edit`, 'zh-CN');
    expect(await screen.findByRole('heading', { name: '修改 IPsec 服务端' })).toBeInTheDocument();
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: '名称' });
    expect(name).toHaveValue('clients');
    await user.clear(name);
    await user.type(name, 'clients-2');
    for (let i = 0; i < 4; i += 1) await user.click(screen.getByRole('button', { name: '下一步' }));

    const diff = await screen.findByRole('table', { name: '变更内容' });
    const rows = within(diff).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      '配置项当前变更后',
      '名称clientsclients-2',
      '预共享密钥未修改',
    ]);
    // The edit's sentence follows the summary without an English space (issue 17).
    expect(screen.getByText(/。本次变更涉及“clients-2”的 1 项配置。$/)).toBeInTheDocument();
    // The DryRun refusal is explained from the catalog with what to do.
    expect(await screen.findByText('云端预检未通过。')).toBeInTheDocument();
    // A busy gateway is no reason to refuse the save: the write waits for it.
    expect(screen.getByRole('button', { name: '应用变更' })).toBeEnabled();
    const dry = calls.find((c) => c.method === 'PATCH');
    expect(dry?.body).toEqual({ ipsecServerName: 'clients-2' });
  });

  it('says nothing changes, without a table of untouched keys under it (issue 17)', async () => {
    mockFetch([...baseRoutes('operator'), editDryRunOk]);
    renderApp(`${base}/ipsec-server/iss-001/edit`);
    expect(
      await screen.findByRole('heading', { name: 'Change the IPsec server' }),
    ).toBeInTheDocument();
    const user = userEvent.setup();
    for (let i = 0; i < 4; i += 1) await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('Nothing changes: every value is as it is now.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'What changes' })).toBeNull();
    expect(screen.queryByText('unchanged')).toBeNull();
    // Nothing to send: Apply is disabled and says why (issue 17).
    const apply = screen.getByRole('button', { name: 'Apply changes' });
    expect(apply).toBeDisabled();
    expect(apply).toHaveAccessibleDescription('Nothing to apply: change a value first.');
    // The summary says it plainly too (issue 18: it said "touches 0 setting(s)").
    expect(screen.getByText(/\. Nothing of clients changes\.$/)).toBeInTheDocument();
    expect(screen.queryByText(/0 setting/)).toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(await screen.findByText(/。“clients”的配置没有任何变更。$/)).toBeInTheDocument();
  });

  it('keeps Apply disabled after the dry run refused what waiting cannot cure (issue 17)', async () => {
    mockFetch([
      ...baseRoutes('operator'),
      {
        method: 'PATCH',
        path: '/api/v1/regions/cn-hangzhou/ipsec-servers/iss-001',
        query: 'dryRun=true',
        respond: () => ({
          status: 200,
          body: {
            dryRun: true,
            ok: false,
            error: { code: 'InvalidClientIpPool.Conflict', httpStatus: 400, retryable: false },
          },
        }),
      },
    ]);
    renderApp(`${base}/ipsec-server/iss-001/edit`);
    await screen.findByRole('heading', { name: 'Change the IPsec server' });
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.clear(name);
    await user.type(name, 'clients-2');
    for (let i = 0; i < 4; i += 1) await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('The cloud would refuse this configuration.'),
    ).toBeInTheDocument();
    const apply = screen.getByRole('button', { name: 'Apply changes' });
    expect(apply).toBeDisabled();
    expect(apply).toHaveAccessibleDescription(/Refused by the dry run: go back, correct it/);
  });

  it('shows a cloud value it does not know and keeps it: never a default in its place', async () => {
    const detail = detailOf(gatewayStandard);
    const server = detail.ipsecServer;
    if (server === null) throw new Error('the fixture has an IPsec server');
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
        respond: () => ({
          status: 200,
          body: {
            ...detail,
            ipsecServer: {
              ...server,
              ikeConfig: { ...server.ikeConfig, ikeEncAlg: 'aes-gcm-256' },
            },
          },
        }),
      },
      ...baseRoutes('operator'),
      editDryRunOk,
    ]);
    renderApp(`${base}/ipsec-server/iss-001/edit`);
    expect(
      await screen.findByText('The cloud holds settings this console does not know'),
    ).toBeInTheDocument();
    expect(screen.getByRole('listitem')).toHaveTextContent(
      'Phase 1 (IKE) · Encryption: aes-gcm-256',
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await stepForm('Phase 1 (IKE)');
    const encryption = selectInput('Encryption');
    // Not replaced by a default: the field is empty and says what an empty field keeps.
    expect(encryption).toHaveValue('');
    expect(encryption).toHaveAttribute('placeholder', 'aes-gcm-256 (the cloud’s value, kept)');
    expect(selectInput('Integrity')).toHaveValue('sha1');
    for (let i = 0; i < 3; i += 1) await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByText('The cloud accepts this configuration.')).toBeInTheDocument();
    // Nothing changed: the cloud's value is not sent, so the cloud keeps it.
    expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({});
  });
});
