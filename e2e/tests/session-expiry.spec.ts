// An operator is half-way through the IPsec server wizard when their session ends on the server
// (it is deleted from the store, as an idle or absolute timeout does; the browser keeps its now
// dead cookie). The page notices (its event stream gets `logout`) and asks them to sign in again
// in a dialog over the wizard; after they do, the wizard still holds what they had typed and the
// server is created from it.
import { request as playwrightRequest } from '@playwright/test';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { csrfHeader, sessionPaths } from '@vpn-console/shared/api/session';
import { getGateway, login, write } from './fixtures/api';
import { expect, test } from './fixtures/test';

test('the session ends mid-wizard: sign in again and the input is still there @i18n', async ({
  page,
  t,
  account,
  gateway,
  api,
  baseURL,
}) => {
  const gw = await gateway({ sslVpn: true });
  const operator = await account('operator');
  // A session of its own: ending it must not end the worker's shared one.
  await login(page.request, operator);
  const name = `e2e-kept-${test.info().project.name === 'en' ? 'en' : 'zh'}`;

  await page.goto(`${gw.pagePath}/ipsec-server/new`);
  const basics = page.getByRole('form', { name: t('step.basics') });
  await basics.getByRole('textbox', { name: t('field.ipsecServerName') }).fill(name);
  await basics.getByRole('textbox', { name: `${t('field.localSubnet')} 1` }).fill('172.31.60.0/24');
  await basics.getByRole('textbox', { name: t('field.clientIpPool') }).fill('10.60.0.0/24');

  // The session ends server-side; the page's cookie stays as it was.
  const sameCookie = await playwrightRequest.newContext({
    baseURL,
    storageState: await page.context().storageState(),
  });
  const ended = await sameCookie.delete(sessionPaths.session(), {
    headers: { [csrfHeader.name]: csrfHeader.value },
  });
  expect(ended.status()).toBeLessThan(300);
  await sameCookie.dispose();
  expect((await page.request.get(sessionPaths.session())).status()).toBe(401);

  // The page is told and asks to sign in again in a dialog over the wizard, the account prefilled.
  const dialog = page.getByRole('dialog', { name: t('session.expiredTitle') });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('textbox', { name: t('login.username'), exact: true })).toHaveValue(
    operator.username,
  );
  await dialog
    .getByRole('textbox', { name: t('login.password'), exact: true })
    .fill(operator.password);
  await dialog.getByRole('button', { name: t('login.submit'), exact: true }).click();
  await expect(dialog).toBeHidden();
  expect((await page.request.get(sessionPaths.session())).status()).toBe(200);

  // Still in the wizard with the input intact.
  await expect(
    page.getByRole('heading', { level: 1, name: t('ipsecWizard.createTitle') }),
  ).toBeVisible();
  await expect(basics.getByRole('textbox', { name: t('field.ipsecServerName') })).toHaveValue(name);
  await expect(basics.getByRole('textbox', { name: `${t('field.localSubnet')} 1` })).toHaveValue(
    '172.31.60.0/24',
  );
  await expect(basics.getByRole('textbox', { name: t('field.clientIpPool') })).toHaveValue(
    '10.60.0.0/24',
  );

  // And it goes through from there.
  for (const step of ['step.basics', 'step.phase1', 'step.phase2'] as const) {
    await page
      .getByRole('form', { name: t(step) })
      .getByRole('button', { name: t('common.next') })
      .click();
  }
  const auth = page.getByRole('form', { name: t('step.auth') });
  await auth.getByRole('button', { name: t('psk.generate') }).click();
  await auth.getByRole('button', { name: t('common.next') }).click();
  const review = page.getByRole('form', { name: t('step.review') });
  await expect(review).toContainText(name);
  await expect(review).toContainText('10.60.0.0/24');
  await expect(review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') })).toBeVisible();
  await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();

  // Leave the gateway as it was found.
  const client = await api('operator');
  const created = (await getGateway(client, gw.regionId, gw.id)).ipsecServer;
  expect(created?.name).toBe(name);
  if (created != null) {
    await write(client, 'DELETE', apiPaths.ipsecServer(gw.regionId, created.id));
  }
});
