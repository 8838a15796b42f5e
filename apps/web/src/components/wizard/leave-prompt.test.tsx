// Issue 17: leaving a half-filled wizard lost it without asking.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../test/fetch-mock';
import { baseRoutes } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const edit = '/regions/cn-hangzhou/gateways/vpn-std001/ipsec-server/iss-001/edit';

describe('leaving a wizard', () => {
  it('asks before discarding a changed wizard, and lets an unchanged one go', async () => {
    mockFetch(baseRoutes('operator'));
    renderApp(edit);
    await screen.findByRole('heading', { name: 'Change the IPsec server' });
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: 'Name' });
    await user.type(name, '-2');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    const dialog = await screen.findByRole('dialog', { name: 'Leave this wizard?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay' }));
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveValue('clients-2');

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Leave this wizard?' })).getByRole(
        'button',
        { name: 'Leave and discard' },
      ),
    );
    expect(await screen.findByRole('heading', { name: 'hq-gateway' })).toBeInTheDocument();
  });

  it('leaves an unchanged wizard at once, in Chinese too', async () => {
    mockFetch(baseRoutes('operator'));
    renderApp(edit, 'zh-CN');
    await screen.findByRole('heading', { name: '修改 IPsec 服务端' });
    await userEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(await screen.findByRole('heading', { name: 'hq-gateway' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog', { name: '离开此向导？' })).not.toBeInTheDocument();
  });
});
