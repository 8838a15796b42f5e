// Issue 17: at 1920 px a wizard used less than half of the screen. From Mantine's lg width the
// form has the summary beside it, kept up to date as you type, and on the review the cloud's
// verdict; below it, one column as before (the other wizard tests run narrow).
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../../test/axe';
import { mockFetch } from '../../test/fetch-mock';
import { baseRoutes, detailOf, gatewayStandard } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const wideScreen = () => {
  const narrow = window.matchMedia.bind(window);
  vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => {
    const list = narrow(query);
    Object.defineProperty(list, 'matches', { value: query === '(min-width: 75em)' });
    return list;
  });
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('wizard on a wide screen', () => {
  it(
    'shows the summary beside the form as you type, and the dry run beside the review',
    { timeout: 120_000 },
    async () => {
      wideScreen();
      mockFetch([
        {
          method: 'GET',
          path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001',
          respond: () => ({
            status: 200,
            body: { ...detailOf(gatewayStandard), ipsecServer: null },
          }),
        },
        ...baseRoutes('operator'),
        {
          method: 'POST',
          path: '/api/v1/regions/cn-hangzhou/ipsec-servers',
          query: 'dryRun=true',
          respond: () => ({ status: 200, body: { dryRun: true, ok: true } }),
        },
      ]);
      renderApp('/regions/cn-hangzhou/gateways/vpn-std001/ipsec-server/new');
      const aside = await screen.findByRole('region', { name: 'So far, in plain words' });
      const user = userEvent.setup();
      await user.type(screen.getByRole('textbox', { name: 'Local subnets 1' }), '192.168.0.0/16');
      await user.type(screen.getByRole('textbox', { name: /Client address pool/ }), '10.10.0.0/24');
      await user.type(screen.getByRole('textbox', { name: 'Name' }), 'clients');
      expect(
        await within(aside).findByText(
          /An IPsec server "clients" on gateway hq-gateway gives clients addresses from 10.10.0.0\/24/,
        ),
      ).toBeInTheDocument();
      expect(await seriousViolations()).toEqual([]);

      for (const step of ['Phase 1 (IKE)', 'Phase 2 (IPsec)', 'Authentication']) {
        await user.click(screen.getByRole('button', { name: 'Next' }));
        expect(await screen.findByRole('form', { name: step })).toBeInTheDocument();
      }
      await user.click(screen.getByRole('button', { name: 'Generate a strong key' }));
      await user.click(screen.getByRole('button', { name: 'Next' }));

      const checks = await screen.findByRole('region', { name: 'Cloud check (DryRun)' });
      expect(
        await within(checks).findByText('The cloud accepts this configuration.'),
      ).toBeInTheDocument();
      // The verdict stands once, beside the review (and part of the review's form).
      expect(screen.getAllByText('The cloud accepts this configuration.')).toHaveLength(1);
      const review = screen.getByRole('form', { name: 'Review' });
      expect(within(review).getByRole('region', { name: 'Cloud check (DryRun)' })).toBe(checks);
      expect(within(review).getByRole('button', { name: 'Create' })).toBeEnabled();
      expect(await seriousViolations()).toEqual([]);
    },
  );
});
