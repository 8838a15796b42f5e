// An operator is half-way through the IPsec server wizard when their session ends on the server
// (it is deleted from the store, as an idle or absolute timeout does; the browser keeps its now
// dead cookie). The page notices, asks them to sign in again, and after they do, the wizard still
// holds what they had typed.
//
// Left out for now (test.fixme): the page does ask to sign in again (the stream's logout event)
// and returns to the wizard afterwards, but the wizard is empty: what was typed is lost.
import { request as playwrightRequest } from '@playwright/test';
import { csrfHeader, sessionPaths } from '@vpn-console/shared/api/session';
import { login } from './fixtures/api';
import { expect, test } from './fixtures/test';

test.fixme('the session ends mid-wizard: sign in again and the input is still there @i18n', async ({
  page,
  t,
  account,
  gateway,
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

  // The page is told (its event stream gets `logout`) and asks to sign in again.
  const signIn = page.getByRole('button', { name: t('login.submit'), exact: true });
  await expect(signIn).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('textbox', { name: t('login.username'), exact: true })
    .fill(operator.username);
  await page
    .getByRole('textbox', { name: t('login.password'), exact: true })
    .fill(operator.password);
  await signIn.click();

  // Back in the wizard with the input intact.
  await expect(
    page.getByRole('heading', { level: 1, name: t('ipsecWizard.createTitle') }),
  ).toBeVisible();
  const again = page.getByRole('form', { name: t('step.basics') });
  await expect(again.getByRole('textbox', { name: t('field.ipsecServerName') })).toHaveValue(name);
  await expect(again.getByRole('textbox', { name: `${t('field.localSubnet')} 1` })).toHaveValue(
    '172.31.60.0/24',
  );
  await expect(again.getByRole('textbox', { name: t('field.clientIpPool') })).toHaveValue(
    '10.60.0.0/24',
  );
});
