// The cloud misbehaves (the emulator's fault-control API): the create of an SSL-VPN server is
// performed but answered with a 500, and then every status poll is throttled. The console retries
// the create with the same ClientToken (so the cloud holds exactly one server), says the status
// may be stale and since when, and recovers by itself once the cloud answers again.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { demoAccount, getGateway, login } from './fixtures/api';
import { anyText } from './fixtures/i18n';
import { startStack, type RunningStack } from './fixtures/stack';
import { expect, test as base } from './fixtures/test';

const LAUNCHER = path.join(import.meta.dirname, 'fixtures/faulty-cloud-bff.ts');

const test = base.extend<{ faultyStack: RunningStack; cloud: string }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
  faultyStack: async ({}, use) => {
    // A short slow-poll interval: the throttled poll (and so the stale notice) comes within seconds
    // instead of up to 20 s after the page settles, which a loaded CI machine could push past the
    // assertion's timeout.
    const stack = await startStack({ launcher: LAUNCHER, env: { POLL_SLOW_MS: '3000' } });
    await use(stack);
    await stack.dispose();
  },
  cloud: async ({ faultyStack }, use) => {
    await use((await readFile(path.join(faultyStack.dataDir, 'emulator-url'), 'utf8')).trim());
  },
  baseURL: async ({ faultyStack }, use) => {
    await use(faultyStack.baseURL);
  },
});

const sslServersOf = z.object({
  sslServers: z.array(z.object({ VpnGatewayId: z.string(), Name: z.string() })),
});

test('throttling and failures: retried without a duplicate, stale status shown, recovery @i18n', async ({
  page,
  t,
  cloud,
}) => {
  const regionId = DEMO_IDS.regions.hangzhou;
  const gatewayId = DEMO_IDS.gateways.free2;
  const name = `e2e-faulty-${test.info().project.name === 'en' ? 'en' : 'zh'}`;
  await login(page.request, await demoAccount(page.request, 'operator'));
  const fault = async (rule: object): Promise<void> => {
    const response = await page.request.post(`${cloud}/__emulator/faults`, { data: rule });
    expect(response.ok()).toBe(true);
  };

  // The create is carried out by the cloud, but its answer is lost (500): the console must retry
  // with the same ClientToken and end with one server.
  await fault({ action: 'CreateSslVpnServer', kind: 'createSucceedsButAnswers500', count: 1 });
  await page.goto(`/regions/${regionId}/gateways/${gatewayId}/ssl-vpn-servers/new`);
  const basics = page.getByRole('form', { name: t('step.basics') });
  await basics.getByRole('textbox', { name: t('field.name') }).fill(name);
  await basics.getByRole('textbox', { name: t('field.clientIpPool') }).fill('10.44.0.0/24');
  await basics.getByRole('textbox', { name: `${t('field.localSubnet')} 1` }).fill('172.31.44.0/24');
  for (const step of ['step.basics', 'step.protocol', 'step.twoFactor'] as const) {
    await page
      .getByRole('form', { name: t(step) })
      .getByRole('button', { name: t('common.next') })
      .click();
  }
  const review = page.getByRole('form', { name: t('step.review') });
  await expect(review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') })).toBeVisible();
  await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'hz-free-2' })).toBeVisible({
    timeout: 45_000,
  });

  const state = sslServersOf.parse(
    await (await page.request.get(`${cloud}/__emulator/state`)).json(),
  );
  expect(state.sslServers.filter((s) => s.VpnGatewayId === gatewayId).map((s) => s.Name)).toEqual([
    name,
  ]);

  // Now every status poll is throttled: the page says its status may be stale, and since when.
  await fault({ action: 'DescribeVpnGateway', kind: 'throttle', retryAfterMs: 200 });
  const stale = page.getByRole('status').filter({ hasText: anyText(t, 'live.staleSince', 'time') });
  await expect(stale).toBeVisible({ timeout: 30_000 });

  // The cloud answers again: the notice goes by itself, and the gateway is shown as it is.
  expect((await page.request.delete(`${cloud}/__emulator/faults`)).ok()).toBe(true);
  await expect(stale).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText(`${t('gateway.status')}:`).locator('..')).toContainText(
    t('status.active'),
  );
  const detail = await getGateway(page.request, regionId, gatewayId);
  expect(detail.sslVpnServers.map((s) => s.name)).toEqual([name]);
});
