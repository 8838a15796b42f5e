// The BFF restarts (SIGTERM, then a new process on the same port and store) while an operator has
// a gateway page open. The page says it is not live while the server is away, reconnects by
// itself (no reload), and shows the current state again: a change made after the restart arrives
// on the page live. This journey runs its own stack so the restart disturbs no other test.
import { apiPaths } from '@vpn-console/shared/api/paths';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { demoAccount, login, write } from './fixtures/api';
import { startStack, type RunningStack } from './fixtures/stack';
import { expect, test as base } from './fixtures/test';

const test = base.extend<{ ownStack: RunningStack }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  ownStack: async ({}, use) => {
    const stack = await startStack();
    await use(stack);
    await stack.dispose();
  },
  baseURL: async ({ ownStack }, use) => {
    await use(ownStack.baseURL);
  },
});

test('the page reconnects after a BFF restart and shows the current state @i18n', async ({
  page,
  t,
  ownStack,
}) => {
  const regionId = DEMO_IDS.regions.hangzhou;
  const gatewayId = DEMO_IDS.gateways.free1;
  await login(page.request, await demoAccount(page.request, 'operator'));

  await page.goto(`/regions/${regionId}/gateways/${gatewayId}`);
  const banner = page.getByRole('banner');
  const status = page.getByText(`${t('gateway.status')}:`).locator('..');
  await expect(banner.getByText(t('live.connected'), { exact: true })).toBeVisible();
  await expect(status).toContainText(t('status.active'));
  // A marker that survives only if the page is not reloaded.
  await page.evaluate(() => {
    document.documentElement.dataset.e2eMarker = 'before-restart';
  });

  await ownStack.stop();
  await expect(banner.getByText(t('live.connected'), { exact: true })).toBeHidden();

  await ownStack.restart();
  await expect(banner.getByText(t('live.connected'), { exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.dataset.e2eMarker)).toBe(
    'before-restart',
  );

  // A change after the restart reaches the open page through the new stream.
  const created = write(page.request, 'POST', apiPaths.sslVpnServers(regionId), {
    regionId,
    vpnGatewayId: gatewayId,
    name: 'e2e-after-restart',
    clientIpPool: '10.77.0.0/24',
    localSubnet: ['172.31.77.0/24'],
  });
  await expect(status).toContainText(t('status.updating'));
  await created;
  await expect(status).toContainText(t('status.active'));
});
