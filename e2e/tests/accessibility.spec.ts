// Every page at WCAG 2.1 AA and a layout that holds from 1024 to 1920 px, in both languages
// (issue 17): axe-core in Chromium finds no serious or critical violation (colour contrast
// included, which jsdom cannot compute), and no badge, tab or cell text is cut short. With
// SHOTS_DIR set, each page is also saved as a PNG at both widths for people to look at.
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { accountsEn, accountsZhCN } from '../../apps/web/src/features/accounts/messages';
import { expectAccessible, overflowsWindow, truncatedTexts } from './fixtures/axe';
import { expect, test } from './fixtures/test';

const G = DEMO_IDS.gateways;
const hz = DEMO_IDS.regions.hangzhou;
const sh = DEMO_IDS.regions.shanghai;
const WIDTHS = [1024, 1920] as const;
const shotsDir = process.env.SHOTS_DIR;

/** Checks the page as it is now at every width; saves a screenshot per width when asked. */
async function check(page: Page, name: string, lang: string): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Let lazy chunks and loaders finish, then two frames for layout at the new width (an open
    // event stream keeps the network busy, so "network idle" never comes on live pages).
    await expect(page.locator('.mantine-Loader')).toHaveCount(0);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          requestAnimationFrame(() => {
            requestAnimationFrame(() => {
              resolve();
            });
          });
        }),
    );
    if (shotsDir !== undefined && shotsDir !== '') {
      await page.screenshot({
        path: path.join(shotsDir, `${name}-${lang}-${width}.png`),
        fullPage: true,
      });
    }
    await expectAccessible(page, `${name} at ${width} px`);
    expect(await truncatedTexts(page), `${name} at ${width} px: text cut short`).toEqual([]);
    expect(await overflowsWindow(page), `${name} at ${width} px: wider than the window`).toBe(
      false,
    );
  }
}

test.describe('accessible and laid out on every page @i18n', () => {
  test('the login page', async ({ page, lang }) => {
    await page.goto('/login');
    await expect(page.getByRole('button').first()).toBeVisible();
    await check(page, 'login', lang);
  });

  test('the gateway lists', async ({ page, lang, loginAs }) => {
    await loginAs('admin');
    await page.goto(`/regions/${hz}/gateways`);
    await expect(page.getByRole('table')).toBeVisible();
    await check(page, 'gateway-list', lang);
    await page.goto('/gateways');
    await expect(page.getByRole('table').first()).toBeVisible();
    await check(page, 'all-regions', lang);
  });

  test('a gateway page with connections, and an SM gateway', async ({ page, lang, loginAs }) => {
    await loginAs('admin');
    await page.goto(`/regions/${hz}/gateways/${G.connections}?tab=connections`);
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await check(page, 'gateway-connections', lang);
    await page.goto(`/regions/${sh}/gateways/${G.sm}?tab=connections`);
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await check(page, 'gateway-sm', lang);
  });

  test('a gateway page with servers, and its activity', async ({ page, lang, t, loginAs }) => {
    await loginAs('admin');
    await page.goto(`/regions/${hz}/gateways/${G.servers}`);
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await check(page, 'gateway-ipsec-server', lang);
    await page.goto(`/regions/${hz}/gateways/${G.servers}?tab=ssl-vpn`);
    await expect(page.getByRole('tabpanel')).toBeVisible();
    await check(page, 'gateway-ssl-vpn', lang);
    await page.goto(`/regions/${hz}/gateways/${G.servers}?tab=activity`);
    await expect(page.getByRole('tabpanel', { name: t('tab.activity') })).toBeVisible();
    await check(page, 'gateway-activity', lang);
  });

  test('a wizard from its first step to its review', async ({ page, lang, t, loginAs }) => {
    await loginAs('admin');
    await page.goto(`/regions/${hz}/gateways/${G.connections}?tab=connections`);
    await page
      .getByRole('link', { name: t('common.edit'), exact: true })
      .first()
      .click();
    await expect(page.getByRole('form', { name: t('step.basics') })).toBeVisible();
    await check(page, 'wizard-first-step', lang);
    const review = page.getByRole('form', { name: t('step.review') });
    for (let step = 0; step < 8 && !(await review.isVisible()); step += 1) {
      await page.getByRole('button', { name: t('common.next') }).click();
    }
    await expect(review).toBeVisible();
    await check(page, 'wizard-review', lang);
  });

  test('audit and accounts', async ({ page, lang, t, loginAs }) => {
    await loginAs('admin');
    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 1, name: t('audit.title') })).toBeVisible();
    // The log's own table (each entry's changes are a table inside it once other journeys wrote).
    await expect(page.getByRole('table').first()).toBeVisible();
    await check(page, 'audit', lang);
    await page.goto('/accounts');
    const accountsTitle = (lang === 'zh-CN' ? accountsZhCN : accountsEn)['accounts.title'];
    await expect(page.getByRole('heading', { level: 1, name: accountsTitle })).toBeVisible();
    await expect(page.getByRole('table').first()).toBeVisible();
    await check(page, 'accounts', lang);
  });
});
