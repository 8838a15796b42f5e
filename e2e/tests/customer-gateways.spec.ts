// The customer gateways page (issue 17 item 5): an operator finds a customer gateway of the
// region, sees which connections use it, renames it and deletes it once nothing uses it; one a
// connection uses keeps Delete disabled with the reason. The page's words come from the page's
// own dictionary (apps/web/src/features/customer-gateways/messages.ts). Each run creates its own
// customer gateway (an address no other journey uses), so runs and languages do not meet.
import { randomInt } from 'node:crypto';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import {
  customerGatewaysEn,
  customerGatewaysZhCN,
  type CustomerGatewaysKey,
} from '../../apps/web/src/features/customer-gateways/messages';
import { listCustomerGatewayIps, write } from './fixtures/api';
import { escapeRegExp } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const REGION = 'cn-hangzhou';

test.describe('customer gateways page @i18n', () => {
  test('an operator renames a customer gateway and deletes it; one in use cannot be deleted', async ({
    page,
    t,
    lang,
    api,
    loginAs,
  }) => {
    const words = lang === 'zh-CN' ? customerGatewaysZhCN : customerGatewaysEn;
    const tc = (key: CustomerGatewaysKey, params: Record<string, string | number> = {}) =>
      words[key].replace(/\{(\w+)\}/g, (whole, p: string) =>
        params[p] === undefined ? whole : String(params[p]),
      );
    // A message whose {count} may be any number (other journeys add connections).
    const anyCount = (key: CustomerGatewaysKey) =>
      new RegExp(escapeRegExp(words[key]).replace('\\{count\\}', '\\d+'));
    const operator = await api('operator');
    // A fresh address in 198.51.100.0/24 (TEST-NET-2), not taken in the region.
    const taken = new Set(await listCustomerGatewayIps(operator, REGION));
    const free = Array.from({ length: 254 }, (_, i) => `198.51.100.${String(i + 1)}`).filter(
      (a) => !taken.has(a),
    );
    const ip = free[randomInt(free.length)] ?? '';
    const name = `e2e-cgw-${ip.split('.').at(-1) ?? ''}-${lang}`;
    await write(operator, 'POST', apiPaths.customerGateways(REGION), { ipAddress: ip, name });

    await loginAs('operator');
    await page.goto(`/regions/${REGION}/gateways`);
    await page.getByRole('link', { name: t('nav.customerGateways') }).click();
    await expect(page.getByRole('heading', { name: tc('cgw.title') })).toBeVisible();
    const table = page.getByRole('table', { name: tc('cgw.title') });

    // One a connection uses: its connection is named and Delete waits.
    const used = table.getByRole('row').filter({ hasText: DEMO_IDS.customerGateways.cooperative });
    await expect(used).toContainText(anyCount('cgw.inUse'));
    await expect(
      used.getByRole('button', { name: tc('cgw.deleteFor', { name: 'branch-cooperative' }) }),
    ).toBeDisabled();

    // Find ours, rename it.
    await page.getByRole('textbox', { name: tc('cgw.search') }).fill(ip);
    // Its IP cell exactly: 198.51.100.4 is also the start of other journeys' .40–.49.
    const row = table
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: ip, exact: true }) });
    await expect(row).toContainText(tc('cgw.unused'));
    await row.getByRole('button', { name: tc('cgw.editFor', { name }) }).click();
    const dialog = page.getByRole('dialog');
    const renamed = `${name}-renamed`;
    await dialog.getByRole('textbox', { name: tc('cgw.name') }).fill(renamed);
    await dialog.getByRole('textbox', { name: tc('cgw.description') }).fill('e2e rack 4');
    await dialog.getByRole('button', { name: tc('cgw.save') }).click();
    await expect(page.getByRole('status')).toHaveText(tc('cgw.saved', { name: renamed }), {
      timeout: 30_000,
    });
    await expect(row).toContainText(renamed);
    await expect(row).toContainText('e2e rack 4');

    // Delete it: the name is typed, the operation followed to its end, the row goes.
    await row.getByRole('button', { name: tc('cgw.deleteFor', { name: renamed }) }).click();
    await dialog.getByRole('textbox').fill(renamed);
    await dialog.getByRole('button', { name: t('delete.confirm', { name: renamed }) }).click();
    await expect(row).toHaveCount(0, {
      timeout: 30_000,
    });
    expect(await listCustomerGatewayIps(operator, REGION)).not.toContain(ip);
  });
});
