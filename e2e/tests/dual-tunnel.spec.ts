// Dual-tunnel IPsec connections (issue 12), on the demo seed's dual-tunnel gateways.
//
// An operator creates a connection with BGP on both tunnels on a free dual-tunnel gateway: the
// wizard asks for both tunnels (tunnel 2 a copy of tunnel 1, with its own customer gateway and BGP
// addresses), warns of a weak algorithm and takes the stronger one proposed; back on the gateway
// page both tunnels come up live. Editing tunnel 1's IKE settings shows a diff of that tunnel only
// and is applied to it alone. A connection whose standby tunnel is down says which tunnel and what
// to check; on a single-tunnel gateway the wizard is the one it always was.
import { apiPaths } from '@vpn-console/shared/api/paths';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { getGateway, write } from './fixtures/api';
import { truncatedTexts } from './fixtures/axe';
import { anyNumber } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const G = DEMO_IDS.gateways;
const R = DEMO_IDS.regions;

test.describe('dual-tunnel IPsec connections', () => {
  test('create with BGP on both tunnels, both come up live; edit one tunnel, the diff shows only it', async ({
    page,
    t,
    loginAs,
    gateway,
    api,
  }) => {
    test.setTimeout(180_000);
    const gw = await gateway({ dualTunnel: true });
    await loginAs('operator');
    const operator = await api('operator');
    const name = 'e2e-dual';
    const tunnel1 = t('tunnel.title', { index: 1 });
    const tunnel2 = t('tunnel.title', { index: 2 });

    // The gateway's two IPs on its summary.
    await page.goto(`${gw.pagePath}?tab=connections`);
    await expect(page.getByText(t('gateway.publicIpTunnel2'))).toBeVisible();
    await expect(page.getByText(gw.detail.disasterRecoveryInternetIp ?? 'none')).toBeVisible();
    await page.getByRole('link', { name: t('connection.create') }).click();

    const basics = page.getByRole('form', { name: t('step.basics') });
    await basics.getByRole('textbox', { name: t('field.name'), exact: true }).fill(name);
    await basics
      .getByRole('textbox', { name: `${t('field.localSubnet')} 1` })
      .fill('172.23.10.0/24');
    await basics
      .getByRole('textbox', { name: `${t('field.remoteSubnet')} 1` })
      .fill('10.123.0.0/24');
    await basics.getByRole('switch', { name: t('field.enableTunnelsBgp') }).check({ force: true });
    await basics.getByRole('button', { name: t('common.next') }).click();

    // Tunnel 1: its peer, a weak default replaced by the proposed choice, its BGP addresses.
    const one = page.getByRole('form', { name: tunnel1 });
    await one.getByRole('combobox', { name: t('field.customerGatewayId') }).click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /branch-dual-new-a/ })
      .click();
    // The warning's text wraps; its proposal button stays whole ("Use sha25" was cut at 1440 px).
    await expect(one.getByText(t('weak.title')).first()).toBeVisible();
    expect(await truncatedTexts(page), 'text cut short on tunnel 1').toEqual([]);
    await one
      .getByRole('button', { name: t('weak.use', { proposed: 'sha256' }) })
      .first()
      .click();
    await one
      .getByRole('textbox', { name: t('field.bgpConfig.tunnelCidr') })
      .fill('169.254.30.0/30');
    await one.getByRole('textbox', { name: t('field.bgpConfig.localBgpIp') }).fill('169.254.30.1');
    await one.getByRole('button', { name: t('common.next') }).click();

    // Tunnel 2: kept the same as tunnel 1; its own peer and BGP addresses.
    const two = page.getByRole('form', { name: tunnel2 });
    await expect(two.getByRole('switch', { name: t('dual.sameTunnels') })).toBeChecked();
    await two.getByRole('combobox', { name: t('field.customerGatewayId') }).click();
    await page
      .getByRole('listbox')
      .getByRole('option', { name: /branch-dual-new-b/ })
      .click();
    await two
      .getByRole('textbox', { name: t('field.bgpConfig.tunnelCidr') })
      .fill('169.254.31.0/30');
    await two.getByRole('textbox', { name: t('field.bgpConfig.localBgpIp') }).fill('169.254.31.1');
    await two.getByRole('button', { name: t('common.next') }).click();

    const review = page.getByRole('form', { name: t('step.review') });
    await expect(review).toContainText(DEMO_IDS.customerGateways.dualFreeA);
    await expect(review).toContainText(DEMO_IDS.customerGateways.dualFreeB);
    await expect(review.getByRole('table', { name: tunnel2 })).toContainText('169.254.31.0/30');
    await expect(
      review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') }),
    ).toBeVisible();
    await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();

    // Both tunnels negotiate up live, each with its BGP session.
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible();
    await page.getByRole('tab', { name: anyNumber(t, 'tab.connections') }).click();
    const card = page.locator('.mantine-Card-root').filter({
      has: page.getByRole('heading', { level: 2, name }),
    });
    for (const label of [tunnel1, tunnel2]) {
      const section = card.getByRole('region', { name: label, exact: true });
      await expect(section).toContainText(t('status.ipsec_sa_established'), { timeout: 45_000 });
      await expect(section).toContainText(t('probe.success'));
    }
    await expect(card.getByRole('region', { name: tunnel1, exact: true })).toContainText(
      t('tunnel.role.master'),
    );
    await expect(card.getByRole('region', { name: tunnel2, exact: true })).toContainText(
      t('tunnel.role.slave'),
    );

    // Edit tunnel 1's IKE DH group: the diff is tunnel 1's alone, applied to it alone.
    const created = (await getGateway(operator, gw.regionId, gw.id)).vpnConnections.find(
      (c) => c.name === name,
    );
    expect(created?.tunnels).toHaveLength(2);
    await page.goto(`${gw.pagePath}/connections/${created?.id ?? ''}/edit`);
    await page
      .getByRole('form', { name: t('step.basics') })
      .getByRole('button', { name: t('common.next') })
      .click();
    const edit1 = page.getByRole('form', { name: tunnel1 });
    await edit1
      .getByRole('button', { name: t('weak.use', { proposed: 'group14' }) })
      .first()
      .click();
    await edit1.getByRole('button', { name: t('common.next') }).click();
    await page
      .getByRole('form', { name: tunnel2 })
      .getByRole('button', { name: t('common.next') })
      .click();
    const editReview = page.getByRole('form', { name: t('step.review') });
    await expect(editReview).toContainText(t('dual.tunnelOnly', { tunnel: tunnel1 }));
    const diff = editReview.getByRole('table', { name: `${t('wizard.diff')} · ${tunnel1}` });
    await expect(diff).toContainText('group2');
    await expect(diff).toContainText('group14');
    await expect(
      editReview.getByRole('table', { name: `${t('wizard.diff')} · ${tunnel2}` }),
    ).toHaveCount(0);
    await expect(editReview.getByText(t('dual.unchanged'))).toHaveCount(2);
    await editReview.getByRole('button', { name: t('wizard.submitChange') }).click();
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible();
    const changed = (await getGateway(operator, gw.regionId, gw.id)).vpnConnections.find(
      (c) => c.name === name,
    );
    const [first, second] = [...(changed?.tunnels ?? [])].sort(
      (a, b) => (a.tunnelIndex ?? 0) - (b.tunnelIndex ?? 0),
    );
    expect(first?.ikeConfig?.ikePfs).toBe('group14');
    expect(second?.ikeConfig?.ikePfs).toBe('group2');

    // Leave the gateway as it was found.
    if (changed !== undefined) {
      await write(operator, 'DELETE', apiPaths.vpnConnection(gw.regionId, changed.id));
    }
  });

  test('a standby tunnel that is down says so and what to check @i18n', async ({
    page,
    t,
    loginAs,
  }) => {
    await loginAs('viewer');
    await page.goto(`/regions/${R.shanghai}/gateways/${G.dualTunnelDown}?tab=connections`);
    await expect(page.getByText(t('gateway.publicIpTunnel1'))).toBeVisible();
    await expect(page.getByText(t('gateway.publicIpTunnel2'))).toBeVisible();
    const card = page.locator('.mantine-Card-root').filter({
      has: page.getByRole('heading', { level: 2, name: 'to-branch-dual-standby-down' }),
    });
    const active = card.getByRole('region', { name: t('tunnel.title', { index: 1 }), exact: true });
    const standby = card.getByRole('region', {
      name: t('tunnel.title', { index: 2 }),
      exact: true,
    });
    await expect(active).toContainText(t('tunnel.role.master'));
    await expect(active).toContainText(t('status.ipsec_sa_established'));
    await expect(active).not.toContainText(t('connection.hint.ike_sa_not_established'));
    await expect(standby).toContainText(t('tunnel.role.slave'));
    await expect(standby).toContainText(t('status.ike_sa_not_established'));
    await expect(standby).toContainText(t('connection.hint.ike_sa_not_established'));
    // Each tunnel's peer by address, its phase 1 algorithms: readable by support.
    await expect(standby).toContainText('203.0.113.81');
    await expect(standby).toContainText('aes256');
  });

  test('on a single-tunnel gateway the wizard is unchanged @i18n', async ({ page, t, loginAs }) => {
    await loginAs('operator');
    await page.goto(`/regions/${R.hangzhou}/gateways/${G.connections}/connections/new`);
    await expect(
      page.getByRole('heading', { level: 1, name: t('connWizard.createTitle') }),
    ).toBeVisible();
    const basics = page.getByRole('form', { name: t('step.basics') });
    await expect(
      basics.getByRole('combobox', { name: t('field.customerGatewayId') }),
    ).toBeVisible();
    for (const step of ['step.phase1', 'step.phase2', 'step.advanced'] as const) {
      await expect(page.getByText(t(step), { exact: true })).toBeVisible();
    }
    await expect(page.getByText(t('tunnel.title', { index: 1 }), { exact: true })).toHaveCount(0);
    await expect(page.getByText(t('dual.sameTunnels'))).toHaveCount(0);
    await expect(basics.getByRole('switch', { name: t('field.enableTunnelsBgp') })).toHaveCount(0);
  });
});
