// An operator connects a branch: in the connection wizard they pick the branch's customer gateway
// and, after submitting, watch the connection's negotiation status reach "connected"
// (ipsec_sa_established) live. A connection to a peer whose IKE settings do not match (the demo
// seed's ikeMismatch peer) stays at phase 1 on the same page, which says what to check.
//
// BGP and a health check are set in the wizard's advanced step and land in the cloud as entered.
//
// The customer gateway can also be created inline in the wizard: the review's check of it is the
// console's own (the cloud has no dry run for it), and the submit creates it, then the connection.
//
// Editing a connection reaches a review that says the change is checked by the console only and
// why (Alibaba has no dry run for ModifyVpnConnectionAttribute), never "refused", and applies it.
import type { Page } from '@playwright/test';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { getGateway, listCustomerGatewayIps, settle, startWrite, write } from './fixtures/api';
import { anyNumber, type Translate } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const suffixOf = (): string => (test.info().project.name === 'en' ? 'en' : 'zh');

async function fillBasics(page: Page, t: Translate, name: string, subnet: number): Promise<void> {
  const basics = page.getByRole('form', { name: t('step.basics') });
  await basics.getByRole('textbox', { name: t('field.name'), exact: true }).fill(name);
  await basics
    .getByRole('textbox', { name: `${t('field.localSubnet')} 1` })
    .fill(`172.16.${subnet}.0/24`);
  await basics
    .getByRole('textbox', { name: `${t('field.remoteSubnet')} 1` })
    .fill(`10.${subnet}.0.0/24`);
}

async function next(page: Page, t: Translate, ...steps: Parameters<Translate>[0][]): Promise<void> {
  for (const step of steps) {
    await page
      .getByRole('form', { name: t(step) })
      .getByRole('button', { name: t('common.next') })
      .click();
  }
}

test.describe('IPsec connection @i18n', () => {
  test('negotiation reaches "connected" live; a mismatching peer stays at phase 1', async ({
    page,
    t,
    loginAs,
    gateway,
    api,
  }) => {
    const gw = await gateway({ regionId: DEMO_IDS.regions.hangzhou });
    await loginAs('operator');
    const operator = await api('operator');
    const suffix = suffixOf();
    const connectionName = `e2e-branch-${suffix}`;
    const mismatchName = `e2e-mismatch-${suffix}`;

    // A connection to the mismatching peer, made first so it has long settled when we look.
    const mismatch = await settle(
      operator,
      await startWrite(operator, 'POST', apiPaths.vpnConnections(gw.regionId), {
        regionId: gw.regionId,
        vpnGatewayId: gw.id,
        customerGatewayId: DEMO_IDS.customerGateways.ikeMismatch,
        name: mismatchName,
        localSubnet: ['172.16.30.0/24'],
        remoteSubnet: ['10.230.0.0/24'],
      }),
    );
    expect(mismatch.state).toBe('succeeded');

    await page.goto(`${gw.pagePath}?tab=connections`);
    await page.getByRole('link', { name: t('connection.create') }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: t('connWizard.createTitle') }),
    ).toBeVisible();
    const basics = page.getByRole('form', { name: t('step.basics') });
    await basics.getByRole('combobox', { name: t('field.customerGatewayId') }).click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /branch-new/ })
      .click();
    await fillBasics(page, t, connectionName, 20);
    await next(page, t, 'step.basics', 'step.phase1', 'step.phase2', 'step.advanced');

    const review = page.getByRole('form', { name: t('step.review') });
    await expect(review).toContainText(DEMO_IDS.customerGateways.free);
    await expect(review).toContainText('10.20.0.0/24');
    await expect(
      review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') }),
    ).toBeVisible();
    await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();

    // Back on the gateway page: the new connection negotiates live up to "connected".
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole('tab', { name: anyNumber(t, 'tab.connections') }).click();
    const card = page.locator('.mantine-Card-root').filter({
      has: page.getByRole('heading', { level: 2, name: connectionName }),
    });
    await expect(card).toContainText(t('status.ipsec_sa_established'), { timeout: 30_000 });

    // The mismatching peer never got past phase 1, and the page says so.
    const mismatchCard = page.locator('.mantine-Card-root').filter({
      has: page.getByRole('heading', { level: 2, name: mismatchName }),
    });
    await expect(mismatchCard).toContainText(t('status.ike_sa_not_established'));
    await expect(mismatchCard).toContainText(t('connection.hint.ike_sa_not_established'));
    await expect(card).not.toContainText(t('connection.hint.ike_sa_not_established'));
    await expect(mismatchCard).not.toContainText(t('status.ipsec_sa_established'));
    const detail = await getGateway(operator, gw.regionId, gw.id);
    expect(detail.vpnConnections.find((c) => c.name === mismatchName)?.status).toBe(
      'ike_sa_not_established',
    );
    expect(detail.vpnConnections.find((c) => c.name === connectionName)?.status).toBe(
      'ipsec_sa_established',
    );

    // Leave the gateway as it was found.
    for (const connection of detail.vpnConnections) {
      await write(operator, 'DELETE', apiPaths.vpnConnection(gw.regionId, connection.id));
    }
  });

  test('BGP and a health check from the wizard', async ({ page, t, loginAs, gateway, api }) => {
    const gw = await gateway({ regionId: DEMO_IDS.regions.hangzhou });
    await loginAs('operator');
    const name = `e2e-bgp-${suffixOf()}`;
    await page.goto(`${gw.pagePath}/connections/new`);
    const basics = page.getByRole('form', { name: t('step.basics') });
    await basics.getByRole('combobox', { name: t('field.customerGatewayId') }).click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /branch-new/ })
      .click();
    await fillBasics(page, t, name, 21);
    await next(page, t, 'step.basics', 'step.phase1', 'step.phase2');
    const advanced = page.getByRole('form', { name: t('step.advanced') });
    await advanced
      .getByRole('switch', { name: t('field.bgpConfig.enableBgp') })
      .check({ force: true });
    await advanced
      .getByRole('switch', { name: t('field.healthCheckConfig.enable') })
      .check({ force: true });
    const entries = [
      [t('field.bgpConfig.localAsn'), '65100'],
      [t('field.bgpConfig.tunnelCidr'), '169.254.21.0/30'],
      [t('field.bgpConfig.localBgpIp'), '169.254.21.1'],
      [t('field.healthCheckConfig.dip'), '10.21.0.1'],
      [t('field.healthCheckConfig.sip'), '172.16.21.1'],
    ] as const;
    for (const [label, value] of entries) {
      await advanced.getByRole('textbox', { name: label }).fill(value);
    }
    await next(page, t, 'step.advanced');
    const review = page.getByRole('form', { name: t('step.review') });
    for (const [, value] of entries) await expect(review).toContainText(value);
    await expect(
      review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') }),
    ).toBeVisible();
    await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible({
      timeout: 30_000,
    });
    const operator = await api('operator');
    const created = (await getGateway(operator, gw.regionId, gw.id)).vpnConnections.find(
      (c) => c.name === name,
    );
    expect(created?.bgpConfig).toMatchObject({
      enableBgp: true,
      localAsn: 65100,
      tunnelCidr: '169.254.21.0/30',
      localBgpIp: '169.254.21.1',
    });
    expect(created?.healthCheck).toMatchObject({
      enable: true,
      dip: '10.21.0.1',
      sip: '172.16.21.1',
    });
    if (created !== undefined) {
      await write(operator, 'DELETE', apiPaths.vpnConnection(gw.regionId, created.id));
    }
  });

  test('creates the customer gateway inline', async ({ page, t, loginAs, gateway, api }) => {
    const gw = await gateway({ regionId: DEMO_IDS.regions.hangzhou });
    await loginAs('operator');
    const suffix = suffixOf();
    const peerIp = `198.51.100.${suffix === 'en' ? 21 : 22}`;
    const connectionName = `e2e-inline-${suffix}`;
    await page.goto(`${gw.pagePath}/connections/new`);
    const basics = page.getByRole('form', { name: t('step.basics') });
    await basics.getByText(t('cgw.create'), { exact: true }).click();
    await basics.getByRole('textbox', { name: t('field.ipAddress') }).fill(peerIp);
    await basics.getByRole('textbox', { name: t('field.asn') }).fill('65010');
    const names = basics.getByRole('textbox', { name: t('field.name'), exact: true });
    await names.first().fill(`e2e-peer-${suffix}`);
    await names.last().fill(connectionName);
    await basics
      .getByRole('textbox', { name: `${t('field.localSubnet')} 1` })
      .fill('172.16.40.0/24');
    await basics
      .getByRole('textbox', { name: `${t('field.remoteSubnet')} 1` })
      .fill('10.40.0.0/24');
    await next(page, t, 'step.basics', 'step.phase1', 'step.phase2', 'step.advanced');
    // The new customer gateway is created last (issue 17): the cloud's dry run checks the
    // connection with an unused customer gateway of the region standing in for it.
    const review = page.getByRole('form', { name: t('step.review') });
    await expect(review).toContainText(peerIp);
    await expect(review).toContainText(t('wizard.dryRunOk'), { timeout: 30_000 });
    await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible({
      timeout: 30_000,
    });

    // Exactly one customer gateway with that address (the review's check created none), and the
    // connection is attached to it.
    const operator = await api('operator');
    const ips = await listCustomerGatewayIps(operator, gw.regionId);
    expect(ips.filter((ip) => ip === peerIp)).toHaveLength(1);
    const created = (await getGateway(operator, gw.regionId, gw.id)).vpnConnections.find(
      (c) => c.name === connectionName,
    );
    expect(created?.customerGatewayId).toMatch(/^cgw-/);
    await page.getByRole('tab', { name: anyNumber(t, 'tab.connections') }).click();
    await expect(page.getByRole('heading', { level: 2, name: connectionName })).toBeVisible();
    if (created !== undefined) {
      await write(operator, 'DELETE', apiPaths.vpnConnection(gw.regionId, created.id));
    }
  });

  test('an edit is reviewed as checked by the console only, never refused, and applies', async ({
    page,
    t,
    loginAs,
    gateway,
    api,
  }) => {
    const gw = await gateway({ regionId: DEMO_IDS.regions.hangzhou });
    await loginAs('operator');
    const operator = await api('operator');
    const suffix = suffixOf();
    const name = `e2e-edit-${suffix}`;
    const octet = suffix === 'en' ? 41 : 42;
    const made = await settle(
      operator,
      await startWrite(operator, 'POST', apiPaths.vpnConnections(gw.regionId), {
        regionId: gw.regionId,
        vpnGatewayId: gw.id,
        customerGatewayId: DEMO_IDS.customerGateways.ikeMismatch,
        name,
        localSubnet: [`172.16.${octet}.0/24`],
        remoteSubnet: [`10.${octet}.0.0/24`],
      }),
    );
    expect(made.state).toBe('succeeded');
    const before = (await getGateway(operator, gw.regionId, gw.id)).vpnConnections.find(
      (c) => c.name === name,
    );
    if (before === undefined) throw new Error('the connection was not created');

    await page.goto(`${gw.pagePath}/connections/${before.id}/edit`);
    const remote = page
      .getByRole('form', { name: t('step.basics') })
      .getByRole('textbox', { name: `${t('field.remoteSubnet')} 1` });
    await remote.fill(`10.${octet}.1.0/24`);
    await next(page, t, 'step.basics', 'step.phase1', 'step.phase2', 'step.advanced');
    const review = page.getByRole('form', { name: t('step.review') });
    await expect(review).toContainText(t('wizard.consoleCheckOnly'));
    await expect(review).not.toContainText(t('wizard.dryRunRefused'));
    await review.getByRole('button', { name: t('wizard.submitChange'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible({
      timeout: 30_000,
    });
    const after = (await getGateway(operator, gw.regionId, gw.id)).vpnConnections.find(
      (c) => c.id === before.id,
    );
    expect(after?.remoteSubnet).toEqual([`10.${octet}.1.0/24`]);
    await write(operator, 'DELETE', apiPaths.vpnConnection(gw.regionId, before.id));
  });
});
