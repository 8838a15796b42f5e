// An operator signs in, creates an IPsec server on a free gateway through the wizard and watches
// the gateway go `updating` then `active` live (in a second tab that was already open on the
// gateway page), changes the server (the review shows the field-by-field diff), reveals its
// pre-shared key (the reveal lands in the audit log) and deletes it.
import { auditPageSchema } from '@vpn-console/shared/api/audit';
import { PSK_MASK } from '@vpn-console/shared/api/psk';
import { getGateway } from './fixtures/api';
import { expect, test } from './fixtures/test';

test.describe('IPsec server lifecycle @i18n', () => {
  test('create, watch it land live, edit with a diff, reveal the key, delete', async ({
    page,
    context,
    t,
    account,
    gateway,
    api,
  }) => {
    const gw = await gateway({ sslVpn: true });
    const operator = await account('operator');
    const serverName = `e2e-ipsec-${test.info().project.name}`;

    // Sign in through the login page and open the gateway.
    await page.goto(gw.pagePath);
    await expect(page).toHaveURL(/\/login/);
    await page
      .getByRole('button', { name: t('login.useAccount', { username: operator.username }) })
      .click();
    await page.getByRole('button', { name: t('login.submit'), exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible();
    await expect(page.getByText(t('ipsecServer.none'))).toBeVisible();

    // A second tab stays on the gateway page to watch the status live.
    const watcher = await context.newPage();
    await watcher.goto(gw.pagePath);
    const watcherStatus = watcher.getByText(t('gateway.status') + ':').locator('..');
    await expect(watcherStatus).toContainText(t('status.active'));

    // The wizard: basics → phase 1 → phase 2 → authentication → review.
    await page.getByRole('link', { name: t('ipsecServer.create') }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: t('ipsecWizard.createTitle') }),
    ).toBeVisible();
    const basics = page.getByRole('form', { name: t('step.basics') });
    await basics.getByRole('textbox', { name: t('field.ipsecServerName') }).fill(serverName);
    await basics
      .getByRole('textbox', { name: `${t('field.localSubnet')} 1` })
      .fill('172.31.0.0/24');
    await basics.getByRole('textbox', { name: t('field.clientIpPool') }).fill('10.88.0.0/24');
    await basics.getByRole('button', { name: t('common.next') }).click();
    await page
      .getByRole('form', { name: t('step.phase1') })
      .getByRole('button', { name: t('common.next') })
      .click();
    await page
      .getByRole('form', { name: t('step.phase2') })
      .getByRole('button', { name: t('common.next') })
      .click();
    const auth = page.getByRole('form', { name: t('step.auth') });
    await auth.getByRole('button', { name: t('psk.generate') }).click();
    await auth.getByRole('button', { name: t('common.next') }).click();

    const review = page.getByRole('form', { name: t('step.review') });
    await expect(review).toContainText(serverName);
    await expect(review).toContainText('10.88.0.0/24');
    await expect(
      review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') }),
    ).toBeVisible();
    await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();

    // The watching tab sees the gateway change and settle, without a reload.
    await expect(watcherStatus).toContainText(t('status.updating'));
    await expect(watcherStatus).toContainText(t('status.active'));

    // The wizard lands on the gateway page with the new server.
    await expect(page).toHaveURL(new RegExp(`${gw.pagePath}$|${gw.pagePath}\\?`));
    await expect(page.getByRole('heading', { level: 2, name: serverName })).toBeVisible();
    await expect(page.getByLabel(t('psk.masked')).first()).toHaveText(PSK_MASK);

    // Edit: a new client pool; the review shows what changes, before and after.
    await page.getByRole('link', { name: t('common.edit'), exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: t('ipsecWizard.editTitle') }),
    ).toBeVisible();
    const editBasics = page.getByRole('form', { name: t('step.basics') });
    await editBasics.getByRole('textbox', { name: t('field.clientIpPool') }).fill('10.89.0.0/24');
    for (const step of ['step.basics', 'step.phase1', 'step.phase2', 'step.auth'] as const) {
      await page
        .getByRole('form', { name: t(step) })
        .getByRole('button', { name: t('common.next') })
        .click();
    }
    const diff = page.getByRole('table', { name: t('wizard.diff') });
    const poolRow = diff.getByRole('row').filter({ hasText: t('field.clientIpPool') });
    await expect(poolRow).toContainText('10.88.0.0/24');
    await expect(poolRow).toContainText('10.89.0.0/24');
    await expect(diff.getByRole('row').filter({ hasText: t('field.psk') })).toContainText(
      t('diff.secretUnchanged'),
    );
    await page
      .getByRole('form', { name: t('step.review') })
      .getByRole('button', { name: t('wizard.submitChange'), exact: true })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: serverName })).toBeVisible();
    await expect(page.getByText('10.89.0.0/24')).toBeVisible();

    // Reveal the key: confirmation first, then the key replaces the mask, and the audit has it.
    await page.getByRole('button', { name: t('psk.reveal'), exact: true }).click();
    const dialog = page.getByRole('dialog', { name: t('psk.revealTitle') });
    await expect(dialog).toContainText(serverName);
    await dialog.getByRole('button', { name: t('psk.revealNow') }).click();
    const pskCode = page.getByLabel(t('psk.masked')).first();
    await expect(pskCode).not.toHaveText(PSK_MASK);
    await expect(pskCode).toHaveText(/^.{8,100}$/);
    const revealed = (await pskCode.textContent()) ?? '';
    const operatorApi = await api('operator');
    const audit = auditPageSchema.parse(
      await (await operatorApi.get(`/api/v1/audit?vpnGatewayId=${gw.id}`)).json(),
    );
    const reveals = audit.items.filter(
      (e) => e.category === 'reveal' && e.actor?.username === operator.username,
    );
    expect(reveals.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(audit)).not.toContain(revealed);
    // The key is held only on screen: never in the browser's storage.
    const stored = await page.evaluate(() => {
      const values: string[] = [];
      for (const storage of [window.localStorage, window.sessionStorage]) {
        for (let k = 0; k < storage.length; k += 1) {
          const key = storage.key(k);
          if (key !== null) values.push(key, storage.getItem(key) ?? '');
        }
      }
      return values.join('\n');
    });
    expect(stored).not.toContain(revealed);
    await page.getByRole('button', { name: t('psk.hide') }).click();
    await expect(pskCode).toHaveText(PSK_MASK);

    // Delete: confirm by typing the name, follow it, the server is gone.
    await page.getByRole('button', { name: t('common.delete'), exact: true }).click();
    const confirm = page.getByRole('dialog', { name: t('delete.title', { name: serverName }) });
    await confirm
      .getByRole('textbox', { name: t('delete.typeName', { name: serverName }) })
      .fill(serverName);
    await confirm.getByRole('button', { name: t('delete.confirm', { name: serverName }) }).click();
    // The operation is followed in the dialog; once it is done the server (and its dialog) go.
    await expect(page.getByText(t('ipsecServer.none'))).toBeVisible({ timeout: 45_000 });
    await expect(confirm).toBeHidden();
    const after = await getGateway(operatorApi, gw.regionId, gw.id);
    expect(after.ipsecServer).toBeNull();
    await watcher.close();
  });
});
