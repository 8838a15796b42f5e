// An operator creates an SSL-VPN server. A client pool overlapping the local subnet and a
// forbidden port are refused at the field, in the operator's language, before anything is sent;
// once corrected, the server is created and shows on the gateway page.
import { formatIssueMessage } from '@vpn-console/shared/errors/issue-texts';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { getGateway, write } from './fixtures/api';
import { escapeRegExp } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

test.describe('SSL-VPN server @i18n', () => {
  test('a forbidden port and an overlapping pool are refused at the field; the corrected server is created', async ({
    page,
    t,
    lang,
    loginAs,
    gateway,
    api,
  }) => {
    const gw = await gateway({ sslVpn: true });
    await loginAs('operator');
    const locale = lang === 'zh-CN' ? 'zh' : 'en';
    const serverName = `e2e-ssl-${test.info().project.name}`.replace('zh-CN', 'zh');
    const writes: string[] = [];
    page.on('request', (request) => {
      if (request.method() !== 'GET' && request.url().includes('/ssl-vpn-servers')) {
        writes.push(`${request.method()} ${request.url()}`);
      }
    });

    await page.goto(`${gw.pagePath}?tab=ssl-vpn`);
    await page.getByRole('link', { name: t('sslServer.create') }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: t('sslWizard.createTitle') }),
    ).toBeVisible();

    const basics = page.getByRole('form', { name: t('step.basics') });
    await basics.getByRole('textbox', { name: t('field.name') }).fill(serverName);
    await basics
      .getByRole('textbox', { name: `${t('field.localSubnet')} 1` })
      .fill('172.30.0.0/16');
    const pool = basics.getByRole('textbox', { name: t('field.clientIpPool') });
    await pool.fill('172.30.8.0/24');
    await basics.getByRole('button', { name: t('common.next') }).click();
    const overlap = formatIssueMessage('CLIENT_POOL_OVERLAPS_LOCAL_SUBNET', locale, {
      other: '172.30.0.0/16',
    });
    await expect(pool).toHaveAttribute('aria-invalid', 'true');
    await expect(pool).toHaveAccessibleDescription(new RegExp(escapeRegExp(overlap)));
    // Still on the first step: nothing was sent.
    await expect(basics).toBeVisible();

    await pool.fill('10.66.0.0/24');
    await expect(pool).not.toHaveAttribute('aria-invalid', 'true');
    await basics.getByRole('button', { name: t('common.next') }).click();

    const protocol = page.getByRole('form', { name: t('step.protocol') });
    const port = protocol.getByRole('textbox', { name: t('field.port') });
    await port.fill('443');
    await protocol.getByRole('button', { name: t('common.next') }).click();
    const forbidden = formatIssueMessage('PORT_FORBIDDEN', locale, { port: 443 });
    await expect(port).toHaveAttribute('aria-invalid', 'true');
    await expect(port).toHaveAccessibleDescription(new RegExp(escapeRegExp(forbidden)));
    await expect(protocol).toBeVisible();
    expect(writes).toEqual([]);

    await port.fill('1194');
    await protocol.getByRole('button', { name: t('common.next') }).click();
    await page
      .getByRole('form', { name: t('step.twoFactor') })
      .getByRole('button', { name: t('common.next') })
      .click();
    const review = page.getByRole('form', { name: t('step.review') });
    await expect(review).toContainText('10.66.0.0/24');
    await expect(review).toContainText('1194');
    await expect(
      review.getByRole('status').filter({ hasText: t('wizard.dryRunOk') }),
    ).toBeVisible();
    await review.getByRole('button', { name: t('wizard.submitCreate'), exact: true }).click();

    await expect(page.getByRole('heading', { level: 1, name: gw.name })).toBeVisible({
      timeout: 30_000,
    });
    await page
      .getByRole('tab', { name: new RegExp(escapeRegExp(t('tab.sslVpn', { count: 1 }))) })
      .click();
    await expect(page.getByRole('heading', { level: 2, name: serverName })).toBeVisible();

    // Exactly one server, as entered; then leave the gateway as it was found.
    const operator = await api('operator');
    const detail = await getGateway(operator, gw.regionId, gw.id);
    expect(detail.sslVpnServers.map((s) => [s.name, s.clientIpPool, s.port])).toEqual([
      [serverName, '10.66.0.0/24', 1194],
    ]);
    const created = detail.sslVpnServers[0];
    if (created !== undefined) {
      await write(operator, 'DELETE', apiPaths.sslVpnServer(gw.regionId, created.id));
    }
  });
});
