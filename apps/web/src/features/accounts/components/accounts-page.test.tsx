import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const account = (
  id: string,
  username: string,
  role: 'viewer' | 'operator' | 'admin',
  disabled = false,
) => ({
  id,
  username,
  role,
  disabled,
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
});

describe('accounts page', () => {
  it('lets an administrator disable an account and create one, with server field errors at the field', async () => {
    const { calls } = mockFetch([
      ...baseRoutes('admin'),
      {
        method: 'GET',
        path: '/api/v1/accounts',
        respond: () => ({ status: 200, body: { items: [account('a1', 'alice', 'viewer')] } }),
      },
      {
        method: 'PATCH',
        path: '/api/v1/accounts/a1',
        respond: () => ({ status: 200, body: account('a1', 'alice', 'viewer', true) }),
      },
      {
        method: 'POST',
        path: '/api/v1/accounts',
        respond: () => ({
          status: 409,
          body: {
            error: {
              code: 'Conflict',
              httpStatus: 409,
              issues: [{ path: 'username', code: 'INVALID_VALUE' }],
            },
          },
        }),
      },
    ]);
    renderApp('/accounts');
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeInTheDocument();
    expect(await screen.findByText('alice')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Disable' }));
    await vi.waitFor(() => {
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ disabled: true });
    });

    await user.type(screen.getByRole('textbox', { name: /User name/ }), 'alice');
    await user.type(screen.getByLabelText(/^Password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.type(screen.getByLabelText(/^Password/), '-but-now-long-enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('The value is not valid.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'alice',
      password: 'short-but-now-long-enough',
      role: 'viewer',
    });
  });

  it('is not offered to operators', async () => {
    mockFetch(baseRoutes('operator'));
    renderApp('/accounts');
    expect(await screen.findByText('Only administrators manage accounts.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Accounts' })).not.toBeInTheDocument();
  });
});
