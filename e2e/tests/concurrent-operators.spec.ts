// Two people change the same SSL-VPN server of the same gateway at the same moment, each in their
// own browser: the operator moves it to another port, the administrator changes its cipher. Both
// submit together; both follow their change to "done" without an error (the BFF runs writes to
// one gateway one after the other and waits out the gateway's `updating`), and the server ends
// up with both changes.
import type { Browser, Page } from '@playwright/test';
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { getGateway, write } from './fixtures/api';
import type { Translate } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

async function editPage(
  browser: Browser,
  locale: string,
  cookies: Awaited<ReturnType<Awaited<ReturnType<Page['context']>>['cookies']>>,
): Promise<Page> {
  const context = await browser.newContext({ locale });
  await context.addCookies(cookies);
  return context.newPage();
}

async function toReview(page: Page, t: Translate): Promise<void> {
  for (const step of ['step.protocol', 'step.twoFactor'] as const) {
    await page
      .getByRole('form', { name: t(step) })
      .getByRole('button', { name: t('common.next') })
      .click();
  }
  const review = page.getByRole('form', { name: t('step.review') });
  await expect(review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') })).toBeVisible();
}

test('two people change one gateway at once: both changes land, in order, without an error @i18n', async ({
  browser,
  locale,
  t,
  gateway,
  api,
}) => {
  const gw = await gateway({ sslVpn: true });
  const operatorApi = await api('operator');
  const adminApi = await api('admin');
  const name = `e2e-shared-${test.info().project.name === 'en' ? 'en' : 'zh'}`;
  await write(operatorApi, 'POST', apiPaths.sslVpnServers(gw.regionId), {
    regionId: gw.regionId,
    vpnGatewayId: gw.id,
    name,
    clientIpPool: '10.55.0.0/24',
    localSubnet: ['172.31.50.0/24'],
  });
  const server = (await getGateway(operatorApi, gw.regionId, gw.id)).sslVpnServers[0];
  expect(server?.port).toBe(1194);
  if (server === undefined) return;
  const editPath = `${gw.pagePath}/ssl-vpn-servers/${server.id}/edit`;

  const operator = await editPage(
    browser,
    locale ?? 'en-US',
    (await operatorApi.storageState()).cookies,
  );
  const admin = await editPage(browser, locale ?? 'en-US', (await adminApi.storageState()).cookies);
  for (const page of [operator, admin]) {
    await page.goto(editPath);
    await expect(
      page.getByRole('heading', { level: 1, name: t('sslWizard.editTitle') }),
    ).toBeVisible();
    await page
      .getByRole('form', { name: t('step.basics') })
      .getByRole('button', { name: t('common.next') })
      .click();
  }

  // The operator changes the port, the administrator the cipher.
  await operator.getByRole('textbox', { name: t('field.port') }).fill('1195');
  await admin.getByRole('combobox', { name: t('field.cipher') }).click();
  await admin.getByRole('listbox').getByRole('option', { name: 'AES-256-CBC' }).click();
  await toReview(operator, t);
  await toReview(admin, t);
  await expect(operator.getByRole('table', { name: t('wizard.diff') })).toContainText('1195');
  await expect(admin.getByRole('table', { name: t('wizard.diff') })).toContainText('AES-256-CBC');

  // Both submit at once.
  await Promise.all(
    [operator, admin].map((page) =>
      page
        .getByRole('form', { name: t('step.review') })
        .getByRole('button', { name: t('wizard.submitChange'), exact: true })
        .click(),
    ),
  );
  for (const page of [operator, admin]) {
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible({
      timeout: 45_000,
    });
    await expect(page.getByRole('alert').filter({ hasText: t('op.failed') })).toHaveCount(0);
  }

  const after = (await getGateway(operatorApi, gw.regionId, gw.id)).sslVpnServers;
  expect(after.map((s) => [s.id, s.port, s.cipher])).toEqual([[server.id, 1195, 'AES-256-CBC']]);

  // In order: the audit log holds both changes as successes, each by its author, one after the
  // other (the lane ran them one at a time, so their times differ).
  const audit = auditPageSchema.parse(
    await (await operatorApi.get(`/api/v1/audit?vpnGatewayId=${gw.id}&category=config`)).json(),
  );
  const changes = audit.items.filter(
    (e) => e.resourceId === server.id && e.action !== 'createSslVpnServer',
  );
  const authors = changes.map((e) => [e.actor?.role, e.outcome]).sort();
  expect(authors).toEqual([
    ['admin', 'success'],
    ['operator', 'success'],
  ]);
  expect(new Set(changes.map((e) => e.at)).size).toBe(2);
  expect(JSON.stringify(changes.find((e) => e.actor?.role === 'operator')?.changes)).toContain(
    '1195',
  );
  expect(JSON.stringify(changes.find((e) => e.actor?.role === 'admin')?.changes)).toContain(
    'AES-256-CBC',
  );

  for (const page of [operator, admin]) await page.context().close();
  await write(operatorApi, 'DELETE', apiPaths.sslVpnServer(gw.regionId, server.id));
});
