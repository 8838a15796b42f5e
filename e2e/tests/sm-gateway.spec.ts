// On an SM (国密) gateway the connection wizard offers only the SM algorithms (sm4 / sm3) in both
// phases and asks for the peer's CA certificate; a standard gateway offers the standard ones and
// no certificate field. Nothing is submitted, so the demo gateways stay as they are.
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import type { Page } from '@playwright/test';
import type { Translate } from './fixtures/i18n';
import { expect, test } from './fixtures/test';

const SM_GATEWAY = `/regions/${DEMO_IDS.regions.shanghai}/gateways/${DEMO_IDS.gateways.sm}`;
const STANDARD_GATEWAY = `/regions/${DEMO_IDS.regions.hangzhou}/gateways/${DEMO_IDS.gateways.connections}`;

async function optionsOf(page: Page, label: string): Promise<string[]> {
  await page.getByRole('combobox', { name: label, exact: true }).click();
  const listbox = page.getByRole('listbox');
  await expect(listbox).toBeVisible();
  const options = await listbox.getByRole('option').allTextContents();
  await page.keyboard.press('Escape');
  await expect(listbox).toBeHidden();
  return options.map((o) => o.trim()).sort();
}

async function toPhase1(page: Page, t: Translate, path: string): Promise<void> {
  await page.goto(`${path}/connections/new`);
  await expect(
    page.getByRole('heading', { level: 1, name: t('connWizard.createTitle') }),
  ).toBeVisible();
  const basics = page.getByRole('form', { name: t('step.basics') });
  await basics.getByRole('combobox', { name: t('field.customerGatewayId') }).click();
  await page.getByRole('listbox').getByRole('option').first().click();
  await basics.getByRole('textbox', { name: `${t('field.localSubnet')} 1` }).fill('172.16.10.0/24');
  await basics.getByRole('textbox', { name: `${t('field.remoteSubnet')} 1` }).fill('10.200.0.0/24');
  await basics.getByRole('button', { name: t('common.next') }).click();
  await expect(page.getByRole('form', { name: t('step.phase1') })).toBeVisible();
}

test.describe('SM (国密) gateway @i18n', () => {
  test('offers only SM algorithms and asks for the CA certificate', async ({
    page,
    t,
    loginAs,
  }) => {
    await loginAs('operator');
    await toPhase1(page, t, SM_GATEWAY);
    const phase1 = page.getByRole('form', { name: t('step.phase1') });
    expect(await optionsOf(page, t('field.ikeEncAlg'))).toEqual(['sm4']);
    expect(await optionsOf(page, t('field.ikeAuthAlg'))).toEqual(['sm3']);
    const certificate = phase1.getByRole('textbox', { name: t('field.remoteCaCertificate') });
    await expect(certificate).toBeVisible();
    // Without the certificate the step does not let the operator go on.
    await phase1.getByRole('button', { name: t('common.next') }).click();
    await expect(certificate).toHaveAttribute('aria-invalid', 'true');
    await expect(phase1).toBeVisible();

    await certificate.fill(
      '-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIUe2e\n-----END CERTIFICATE-----',
    );
    await phase1.getByRole('button', { name: t('common.next') }).click();
    const phase2 = page.getByRole('form', { name: t('step.phase2') });
    await expect(phase2).toBeVisible();
    expect(await optionsOf(page, t('field.ipsecEncAlg'))).toEqual(['sm4']);
    expect(await optionsOf(page, t('field.ipsecAuthAlg'))).toEqual(['sm3']);
  });

  test('a standard gateway offers the standard algorithms and no certificate', async ({
    page,
    t,
    loginAs,
  }) => {
    await loginAs('operator');
    await toPhase1(page, t, STANDARD_GATEWAY);
    const phase1 = page.getByRole('form', { name: t('step.phase1') });
    const encryption = await optionsOf(page, t('field.ikeEncAlg'));
    expect(encryption).toEqual(expect.arrayContaining(['aes', 'aes256', '3des']));
    expect(encryption).not.toContain('sm4');
    await expect(phase1.getByRole('textbox', { name: t('field.remoteCaCertificate') })).toHaveCount(
      0,
    );
  });
});
