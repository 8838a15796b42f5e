// An operator opens the console, is sent to the login page, picks the demo operator account from
// the list the emulated cloud offers, signs in and lands on the gateways of the first region with
// the emulated-cloud banner, their name and role in the top bar. A wrong password is refused in
// the same words whatever is wrong.
import { expect, test } from './fixtures/test';

test.describe('signing in @i18n', () => {
  test('an operator signs in with a demo account and sees the gateways', async ({
    page,
    t,
    account,
  }) => {
    const operator = await account('operator');

    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByRole('heading', { name: t('login.demoAccounts') })).toBeVisible();

    await page
      .getByRole('button', { name: t('login.useAccount', { username: operator.username }) })
      .click();
    await expect(page.getByRole('textbox', { name: t('login.username'), exact: true })).toHaveValue(
      operator.username,
    );
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();

    await expect(page).toHaveURL(/\/regions\/[^/]+\/gateways$/);
    await expect(page.getByRole('note', { name: t('demo.bannerTitle') })).toBeVisible();
    const banner = page.getByRole('banner');
    await expect(banner.getByText(operator.username, { exact: true })).toBeVisible();
    await expect(banner.getByText(t('role.operator'), { exact: true })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    await expect(page.getByRole('columnheader', { name: t('gateway.status') })).toBeVisible();
  });

  test('a wrong password is refused without saying which part was wrong', async ({
    page,
    t,
    account,
  }) => {
    const viewer = await account('viewer');

    await page.goto('/login');
    await page
      .getByRole('textbox', { name: t('login.username'), exact: true })
      .fill(viewer.username);
    await page
      .getByRole('textbox', { name: t('login.password'), exact: true })
      .fill(`${viewer.password}-wrong`);
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();

    await expect(page.getByRole('alert').filter({ hasText: t('login.failed') })).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });
});
