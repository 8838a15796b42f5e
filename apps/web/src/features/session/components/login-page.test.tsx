import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, sessionOf } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const demoAccounts = {
  accounts: [
    { username: 'operator', password: 'op-pass-123456', role: 'operator' },
    { username: 'viewer', password: 'view-pass-123456', role: 'viewer' },
  ],
};

describe('login page', () => {
  it('shows the demo accounts, fills the form from one and signs in', async () => {
    let signedIn = false;
    const { calls } = mockFetch([
      {
        method: 'GET',
        path: '/api/v1/session',
        respond: () => (signedIn ? { status: 200, body: sessionOf('operator') } : { status: 401 }),
      },
      { method: 'GET', path: '/api/v1/demo', respond: () => ({ status: 200, body: demoAccounts }) },
      {
        method: 'POST',
        path: '/api/v1/session',
        respond: () => {
          signedIn = true;
          return { status: 201, body: sessionOf('operator') };
        },
      },
      ...baseRoutes('operator'),
    ]);
    renderApp('/regions/cn-hangzhou/gateways');
    expect(await screen.findByRole('heading', { name: 'VPN Gateway Console' })).toBeInTheDocument();
    expect(await screen.findByText('Emulated cloud')).toBeInTheDocument();
    expect(screen.getByText('op-pass-123456')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);

    await userEvent.click(screen.getByRole('button', { name: 'Use the account operator' }));
    expect(screen.getByLabelText(/User name/)).toHaveValue('operator');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));

    // Back to the page asked for before the login.
    expect(
      await screen.findByRole('heading', { name: 'VPN gateways in China (Hangzhou)' }),
    ).toBeInTheDocument();
    const login = calls.find((c) => c.method === 'POST' && c.path === '/api/v1/session');
    expect(login?.body).toEqual({ username: 'operator', password: 'op-pass-123456' });
    expect(login?.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
  });

  it('refuses an empty form at the field and words a failed login, in Chinese', async () => {
    mockFetch([
      { method: 'GET', path: '/api/v1/session', respond: () => ({ status: 401 }) },
      { method: 'GET', path: '/api/v1/demo', respond: () => ({ status: 404 }) },
      {
        method: 'POST',
        path: '/api/v1/session',
        respond: () => ({
          status: 401,
          body: { error: { code: 'InvalidCredentials', httpStatus: 401 } },
        }),
      },
    ]);
    renderApp('/login', 'zh-CN');
    const submit = await screen.findByRole('button', { name: '登录' });
    await userEvent.click(submit);
    expect(await screen.findAllByText('长度至少为 1。')).toHaveLength(2);
    expect(screen.queryByText('模拟云环境')).not.toBeInTheDocument();

    await userEvent.type(screen.getByLabelText(/用户名/), 'someone');
    await userEvent.type(screen.getByLabelText(/密码/), 'wrong');
    await userEvent.click(submit);
    expect(await screen.findByRole('alert')).toHaveTextContent('用户名或密码错误。');
    await waitFor(() => {
      expect(screen.queryByText('长度至少为 1。')).not.toBeInTheDocument();
    });
  });
});
