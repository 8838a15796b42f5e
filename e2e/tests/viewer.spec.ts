// A support person (viewer) reviews a customer's gateways: they see the gateways, the IPsec
// server, the connections with their live negotiation status and the pre-shared keys masked with
// a fingerprint, and nothing that would change anything. A write forged from their own browser
// (the session cookie rides along) is refused by the BFF all the same.
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { csrfHeader, sessionPaths } from '@vpn-console/shared/api/session';
import { getGateway, listGateways, listRegions } from './fixtures/api';
import { anyNumber } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

test.describe('a viewer reviews without changing anything @i18n', () => {
  test('sees gateways, connections and masked keys, and has no control that changes anything', async ({
    page,
    t,
    loginAs,
  }) => {
    await loginAs('viewer');
    // A gateway with connections and one with the IPsec server: the demo seed's busiest ones.
    const [regionId] = await listRegions(page.request);
    expect(regionId).toBeDefined();
    if (regionId === undefined) return;
    const gateways = await listGateways(page.request, regionId);
    const details = await Promise.all(
      gateways.map((g) => getGateway(page.request, regionId, g.id)),
    );
    const withConnections = details.find((d) => d.vpnConnections.some((c) => c.psk !== undefined));
    const withServer = details.find((d) => d.ipsecServer?.psk !== undefined);
    expect(withConnections, 'the demo seed has a gateway with connections').toBeDefined();
    expect(withServer, 'the demo seed has a gateway with an IPsec server').toBeDefined();
    if (withConnections === undefined || withServer === undefined) return;

    // A link to a page past the end lands on the last page, the URL corrected (issue 18).
    await page.goto(`/regions/${regionId}/gateways?page=99`);
    await expect(
      page.getByRole('banner').getByText(t('role.viewer'), { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole('link', { name: withConnections.name })).toBeVisible();
    await expect.poll(() => new URL(page.url()).searchParams.get('page')).toBeNull();
    // The page size lives in the URL too.
    await page
      .getByRole('combobox', { name: t('gateway.pageSize') })
      .selectOption({ label: t('gateway.perPage', { count: 25 }) });
    await expect.poll(() => new URL(page.url()).searchParams.get('pageSize')).toBe('25');
    await expect(
      page.getByText(
        t('gateway.pageOf', {
          from: 1,
          to: gateways.length,
          count: gateways.length,
          page: 1,
          pages: 1,
        }),
      ),
    ).toBeVisible();
    // The list's search lives in the URL (issue 18): the way back from a gateway finds it again.
    const search = page.getByRole('searchbox', { name: t('gateway.search') });
    await search.fill(withConnections.name);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(withConnections.name);
    await page.getByRole('link', { name: withConnections.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: withConnections.name })).toBeVisible();
    await page.goBack();
    await expect(search).toHaveValue(withConnections.name);
    await expect(page.getByRole('link', { name: withConnections.name })).toBeVisible();
    await page.getByRole('link', { name: withConnections.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: withConnections.name })).toBeVisible();

    await page.getByRole('tab', { name: anyNumber(t, 'tab.connections') }).click();
    const connection = withConnections.vpnConnections.find((c) => c.psk !== undefined);
    if (connection?.psk === undefined) return;
    await expect(page.getByRole('heading', { name: connection.name })).toBeVisible();
    const masked = page.getByLabel(t('psk.masked'));
    await expect(masked.first()).toHaveText(PSK_MASK);
    await expect(page.getByText(connection.psk.fingerprint)).toBeVisible();

    // No way to change anything, anywhere on the page.
    for (const name of [
      t('connection.create'),
      t('common.edit'),
      t('common.delete'),
      t('psk.reveal'),
    ]) {
      await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
      await expect(page.getByRole('link', { name, exact: true })).toHaveCount(0);
    }

    await page.goto(`/regions/${regionId}/gateways/${withServer.id}`);
    await expect(page.getByRole('heading', { level: 1, name: withServer.name })).toBeVisible();
    await expect(page.getByLabel(t('psk.masked')).first()).toHaveText(PSK_MASK);
    await expect(page.getByRole('button', { name: t('psk.reveal'), exact: true })).toHaveCount(0);
    await expect(
      page.getByRole('link', { name: t('ipsecServer.create'), exact: true }),
    ).toHaveCount(0);
  });
});

test('a write forged from the viewer browser is refused', async ({ page, loginAs }) => {
  await loginAs('viewer');
  await page.goto('/');
  await expect(page).toHaveURL(/\/regions\/[^/]+\/gateways$/);
  const regionId = /\/regions\/([^/]+)\/gateways$/.exec(page.url())?.[1] ?? '';
  const gateways = await listGateways(page.request, regionId);
  const target = await Promise.all(gateways.map((g) => getGateway(page.request, regionId, g.id)));
  const server = target.find((d) => d.ipsecServer !== null)?.ipsecServer;
  const connection = target.flatMap((d) => d.vpnConnections)[0];
  expect(server).toBeDefined();
  expect(connection).toBeDefined();
  if (server === null || server === undefined || connection === undefined) return;

  // From inside the page, as a script on the console's own origin would: cookie and CSRF header on.
  const answers = await page.evaluate(
    async ({ csrf, requests }) => {
      const results: number[] = [];
      for (const r of requests) {
        const response = await fetch(r.url, {
          method: r.method,
          headers: { 'Content-Type': 'application/json', [csrf.name]: csrf.value },
          ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
        });
        results.push(response.status);
      }
      return results;
    },
    {
      csrf: csrfHeader,
      requests: [
        { method: 'DELETE', url: apiPaths.ipsecServer(regionId, server.id), body: undefined },
        {
          method: 'PATCH',
          url: apiPaths.vpnConnection(regionId, connection.id),
          body: { name: 'forged-by-viewer' },
        },
        {
          method: 'POST',
          url: sessionPaths.vpnConnectionPskReveal(regionId, connection.id),
          body: {},
        },
      ],
    },
  );
  expect(answers).toEqual([403, 403, 403]);

  // Nothing changed.
  const after = await getGateway(page.request, regionId, connection.vpnGatewayId);
  expect(after.vpnConnections.find((c) => c.id === connection.id)?.name).toBe(connection.name);
  const serverGateway = await getGateway(page.request, regionId, server.vpnGatewayId);
  expect(serverGateway.ipsecServer?.id).toBe(server.id);
});
