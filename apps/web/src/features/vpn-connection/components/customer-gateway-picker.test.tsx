// The customer gateway picker offers only what the cloud can take: one connection per VPN gateway
// and customer gateway (InvalidVpnConnection.AlreadyExists), so a customer gateway another
// connection of this gateway uses (itself or through a tunnel) is shown with that connection's
// name and cannot be chosen; one used on another gateway, or by the connection being edited, can.
// Found by trying it: a second dual-tunnel connection on tunnel 1's customer gateway was refused
// after its inline customer gateway for tunnel 2 had been created.
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CustomerGatewayView } from '@vpn-console/shared/api/views';
import { FormProvider, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createQueryClient, Providers } from '../../../app/providers';
import type { Language } from '../../../lib/i18n';
import { mockFetch } from '../../../test/fetch-mock';
import { CustomerGatewayPicker } from './customer-gateway-picker';

const usage = (vpnConnectionId: string, name: string, vpnGatewayId: string, tunnelId?: string) => ({
  vpnConnectionId,
  name,
  vpnGatewayId,
  ...(tunnelId === undefined ? {} : { tunnelId }),
});
const cgw = (n: number, usedBy: CustomerGatewayView['usedBy']): CustomerGatewayView => ({
  id: `cgw-pick00${String(n)}`,
  regionId: 'cn-hangzhou',
  name: `branch-${String(n)}`,
  description: '',
  ipAddress: `203.0.113.${String(n)}`,
  hasAuthKey: false,
  usedBy,
});

function Harness({ connectionId }: { connectionId?: string }) {
  const form = useForm({
    defaultValues: { customerGatewayMode: 'existing', customerGatewayId: '' },
  });
  return (
    <FormProvider {...form}>
      <CustomerGatewayPicker
        regionId="cn-hangzhou"
        vpnGatewayId="vpn-dual001"
        connectionId={connectionId}
        editing={false}
      />
    </FormProvider>
  );
}

const listed = {
  items: [
    cgw(1, [usage('vco-other', 'to-hq', 'vpn-dual001', 'tun-other1')]),
    cgw(2, [usage('vco-else', 'elsewhere', 'vpn-single01')]),
    cgw(3, []),
    cgw(4, [usage('vco-mine', 'mine', 'vpn-dual001', 'tun-mine2')]),
  ],
  totalCount: 4,
};

const renderIn = (language: Language, connectionId?: string) => {
  const path = '/api/v1/regions/cn-hangzhou/customer-gateways';
  mockFetch([{ method: 'GET', path, respond: () => ({ status: 200, body: listed }) }]);
  return render(
    <Providers client={createQueryClient()} language={language} env="test">
      <Harness {...(connectionId === undefined ? {} : { connectionId })} />
    </Providers>,
  );
};

/** The select's input (its label ends with the required asterisk), once the words have loaded. */
const cgwSelect = async (label: string): Promise<HTMLInputElement> => {
  const input = (await screen.findAllByLabelText(new RegExp(`^${label}`))).find(
    (el): el is HTMLInputElement => el instanceof HTMLInputElement && el.type !== 'hidden',
  );
  if (input === undefined) throw new Error('no customer gateway select');
  return input;
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe('CustomerGatewayPicker', () => {
  it.each([
    ['en', 'Customer gateway', /branch-1 .*already used by to-hq on this gateway/],
    ['zh-CN', '用户网关', /branch-1 .*（本网关的连接 to-hq 已在使用）/],
  ] as const)(
    '%s: a customer gateway another connection of this gateway uses cannot be chosen',
    async (language, label, usedText) => {
      renderIn(language, 'vco-mine');
      const user = userEvent.setup();
      await user.click(await cgwSelect(label));
      const used = await screen.findByRole('option', { name: usedText });
      expect(used).toHaveAttribute('data-combobox-disabled', 'true');
      for (const free of [/^branch-2 /, /^branch-3 /, /^branch-4 /]) {
        const option = screen.getByRole('option', { name: free });
        expect(option).not.toHaveAttribute('data-combobox-disabled');
        expect(option.textContent).not.toMatch(/already used|已在使用/);
      }
    },
  );

  it('creating a connection, the gateway’s every used customer gateway is refused', async () => {
    renderIn('en');
    await userEvent.click(await cgwSelect('Customer gateway'));
    expect(
      await screen.findByRole('option', { name: /branch-4 .*already used by mine/ }),
    ).toHaveAttribute('data-combobox-disabled', 'true');
  });
});
