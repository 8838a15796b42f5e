// Support staff and the status history (issue 15). A tunnel goes down at night (the peer device's
// phase 1 encryption changed: the emulator's control API); the next morning a viewer finds it on
// the health page, opens its history, reads since when it is down and why (the diagnosis in plain
// words with both sides' values, the negotiation log the console kept), and exports the history.
// The BFF runs on an emulator with its control API on (faulty-cloud-bff.ts) and the recorder
// looking every second.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { healthOverviewSchema } from '@vpn-console/shared/history/schema';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { demoAccount, login } from './fixtures/api';
import {
  historyEn,
  historyZhCN,
  type HistoryKey,
} from '../../apps/web/src/features/history/messages';
import { expectAccessible } from './fixtures/axe';
import { escapeRegExp } from './fixtures/i18n';
import { startStack, type RunningStack } from './fixtures/stack';
import { expect, test as base } from './fixtures/test';

const LAUNCHER = path.join(import.meta.dirname, 'fixtures/faulty-cloud-bff.ts');

// One stack per worker (starting a BFF on a loaded machine takes half a minute): both journeys of
// a language run in it, one after the other; they touch different connections.
const test = base.extend<{ cloud: string }, { historyStack: RunningStack }>({
  historyStack: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures take their dependencies by destructuring
    async ({}, use) => {
      const stack = await startStack({
        launcher: LAUNCHER,
        env: { HISTORY_INTERVAL_MS: '1000', HISTORY_FAST_MS: '1000' },
      });
      await use(stack);
      await stack.dispose();
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  cloud: async ({ historyStack }, use) => {
    await use((await readFile(path.join(historyStack.dataDir, 'emulator-url'), 'utf8')).trim());
  },
  baseURL: async ({ historyStack }, use) => {
    await use(historyStack.baseURL);
  },
});

/** The history view's own words in the project's language (features/history/messages.ts). */
const th = (key: HistoryKey, params: Record<string, string | number> = {}): string => {
  const dictionary = test.info().project.name === 'zh-CN' ? historyZhCN : historyEn;
  return dictionary[key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] === undefined ? whole : String(params[name]),
  );
};

/** A history message whose every `{param}` may be any text. */
const pattern = (key: HistoryKey, params: readonly string[]): RegExp => {
  const marker = '\u0000';
  const text = th(key, Object.fromEntries(params.map((p) => [p, marker])));
  return new RegExp(escapeRegExp(text).split(marker).join('.+'));
};

// Generous: the peer retries every 30 s and the recorder reads each log window once it has closed;
// on a busy 2-core CI machine two languages' stacks share the cores.
test.describe.configure({ mode: 'serial', timeout: 240_000 });

const HZ = DEMO_IDS.regions.hangzhou;
const CONNECTION = DEMO_IDS.connections.established;

test('a tunnel goes down at night: support finds since when and why @i18n', async ({
  page,
  cloud,
}) => {
  // Night: the branch's device now proposes only aes256 in phase 1; the gateway expects aes.
  const peer = await page.request.put(
    `${cloud}/__emulator/customer-gateways/${DEMO_IDS.customerGateways.cooperative}/peer`,
    {
      data: {
        ikeVersions: ['ikev1', 'ikev2'],
        ikeModes: ['main', 'aggressive'],
        ikeEncAlgs: ['aes256'],
        ikeAuthAlgs: ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
        ikePfs: ['group1', 'group2', 'group5', 'group14'],
        ipsecEncAlgs: ['aes', 'aes192', 'aes256', 'des', '3des'],
        ipsecAuthAlgs: ['md5', 'sha1', 'sha256', 'sha384', 'sha512'],
        ipsecPfs: ['disabled', 'group1', 'group2', 'group5', 'group14'],
      },
    },
  );
  expect(peer.ok()).toBe(true);

  // Morning: support signs in (viewer) and the recorder has seen it.
  await login(page.request, await demoAccount(page.request, 'viewer'));
  await expect
    .poll(
      async () =>
        healthOverviewSchema
          .parse(await (await page.request.get(apiPaths.healthOverview('q=to-branch-ok'))).json())
          .items.map((i) => i.subjectId),
      { timeout: 30_000 },
    )
    .toContain(CONNECTION);

  await page.goto('/health');
  await expect(page.getByRole('heading', { name: th('health.title') })).toBeVisible();
  await page.getByRole('textbox', { name: th('health.search') }).fill('to-branch-ok');
  const table = page.getByRole('table', { name: th('health.title') });
  const row = table.getByRole('row').filter({ hasText: CONNECTION });
  await expect(row).toContainText(th('history.lane.negotiation'));
  await expect(row).toContainText(th('history.level.down'));
  await row.getByRole('link', { name: 'to-branch-ok' }).click();

  // The connection's own page (its address can be sent on): since when, and why.
  await expect(page).toHaveURL(
    new RegExp(`/gateways/${DEMO_IDS.gateways.connections}/connections/${CONNECTION}$`),
  );
  await expect(page.getByRole('heading', { level: 1, name: 'to-branch-ok' })).toBeVisible();
  await expect(
    page.getByText(pattern('history.downSince', ['time', 'hours', 'minutes'])).first(),
  ).toBeVisible();
  await expect(
    page.getByText(th('diagnosis.IkeEncAlgMismatch', { remote: 'aes256', local: 'aes' })),
  ).toBeVisible();
  // The log the console kept: the DPD timeout at the change, then the peer refusing each retry
  // (every 30 s; a reload shows the lines recorded since the page opened).
  const logs = page.getByRole('table', { name: th('history.logs') });
  await expect(logs).toContainText('DPD timeout');
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('table', { name: th('history.logs') })).toContainText(
      'NO_PROPOSAL_CHOSEN',
      { timeout: 5000 },
    );
  }).toPass({ timeout: 150_000 });
});

test('viewer exports the history @i18n', async ({ page }) => {
  await login(page.request, await demoAccount(page.request, 'viewer'));
  // The recorder's first look (within a second or two of the start).
  await expect
    .poll(
      async () =>
        healthOverviewSchema.parse(
          await (await page.request.get(apiPaths.healthOverview(''))).json(),
        ).observedAt,
      { timeout: 30_000 },
    )
    .not.toBeNull();
  await page.goto(
    `/regions/${HZ}/gateways/${DEMO_IDS.gateways.connections}?tab=history&connection=${DEMO_IDS.connections.pskMismatch}`,
  );
  await expect(
    page.getByText(pattern('history.downSince', ['time', 'hours', 'minutes'])).first(),
  ).toBeVisible();
  await expect(page.getByText(th('diagnosis.PskMismatch'))).toBeVisible();
  // The timeline (visx): a lane per status, its stretches in words; accessible at both widths.
  const chart = page.getByRole('group', {
    name: th('history.timelineOf', { name: 'to-branch-psk-mismatch' }),
  });
  const lane = chart.getByRole('list', { name: th('history.lane.negotiation') });
  await expect(lane.getByRole('listitem').last()).toHaveAttribute(
    'aria-label',
    // (the language's colon: '：' in zh-CN)
    new RegExp(`^${escapeRegExp(th('history.level.down'))}[:：] ?`),
  );
  for (const width of [1024, 1920]) {
    await page.setViewportSize({ width, height: 900 });
    await expectAccessible(page, `history tab at ${String(width)} px`);
  }
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: th('history.export') }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^history-vpn-bp1democonnections01-.*\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv).toContain('at,regionId,vpnGatewayId,kind,subjectId,vpnConnectionId,name,lane,value');
  expect(csv).toContain(
    `${DEMO_IDS.connections.pskMismatch},to-branch-psk-mismatch,negotiation,ike_sa_not_established`,
  );
  // Only the chosen connection.
  expect(csv).not.toContain(CONNECTION);
});
