// Remote-access clients (issue 14): an operator creates a client certificate on the SSL-VPN
// server and downloads its config (the .ovpn with the key inline); a support person sees who is
// connected. Demo seed: the cn-hangzhou servers gateway's SSL-VPN server and its connected clients.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { anyNumber } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const page = `/regions/cn-hangzhou/gateways/${DEMO_IDS.gateways.servers}`;

test.describe('remote-access clients @i18n', () => {
  test('an operator creates a client certificate and downloads its config', async ({
    page: browser,
    t,
    loginAs,
  }) => {
    await loginAs('operator');
    await browser.goto(page);
    await browser.getByRole('tab', { name: anyNumber(t, 'tab.sslVpn') }).click();
    const name = `e2e-${randomUUID().slice(0, 8)}`;
    await browser.getByRole('textbox', { name: t('clientCerts.newName') }).fill(name);
    await browser.getByRole('button', { name: t('clientCerts.create') }).click();
    const table = browser.getByRole('table', { name: t('clientCerts.title') });
    await expect(table.getByRole('row').filter({ hasText: name })).toBeVisible({ timeout: 30_000 });

    const download = browser.waitForEvent('download');
    await browser
      .getByRole('button', { name: t('clientCerts.downloadFor', { name }), exact: true })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`${name}.ovpn`);
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain('remote 192.0.2.21 1194');
    expect(text).toMatch(/<key>\n-----BEGIN RSA PRIVATE KEY-----/);

    await browser
      .getByRole('button', { name: t('clientCerts.deleteFor', { name }), exact: true })
      .click();
    await browser.getByRole('button', { name: t('clientCerts.deleteConfirm') }).click();
    await expect(table.getByRole('row').filter({ hasText: name })).toHaveCount(0, {
      timeout: 30_000,
    });
  });

  test('support sees who is connected, and no certificate control', async ({
    page: browser,
    t,
    loginAs,
  }) => {
    await loginAs('viewer');
    await browser.goto(page);
    await browser.getByRole('tab', { name: anyNumber(t, 'tab.sslVpn') }).click();
    const connected = browser.getByRole('table', { name: t('connectedClients.title') });
    const alice = connected.getByRole('row').filter({ hasText: 'alice-laptop' });
    await expect(alice).toContainText('198.51.100.101');
    await expect(alice).toContainText('10.210.0.6');
    await expect(
      browser.getByRole('table', { name: t('clientCerts.title') }).getByText('dave-old-laptop'),
    ).toBeVisible();
    await expect(browser.getByRole('button', { name: t('clientCerts.create') })).toHaveCount(0);
    await expect(browser.getByRole('button', { name: t('clientCerts.download') })).toHaveCount(0);
  });
});
