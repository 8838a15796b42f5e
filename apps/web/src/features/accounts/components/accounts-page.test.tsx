import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { mockFetch, type MockRoute } from '../../../test/fetch-mock';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';
import { selectInput } from '../../../test/select-input';

const account = (
  id: string,
  username: string,
  role: 'viewer' | 'operator' | 'admin',
  disabled = false,
  lastLoginAt: string | null = null,
) => ({
  id,
  username,
  role,
  disabled,
  createdAt: '2026-11-21T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  lastLoginAt,
});

// The signed-in admin is `u-admin` (fixtures' session); alice is someone else.
const me = account('u-admin', 'admin', 'admin', false, '2026-11-30T08:00:00.000Z');
const alice = account('a1', 'alice', 'viewer', false, '2026-11-29T14:30:00.000Z');
const listRoute = (items = [me, alice]): MockRoute => ({
  method: 'GET',
  path: '/api/v1/accounts',
  respond: () => ({ status: 200, body: { items } }),
});
const rowOf = (name: string) => {
  const cell = screen.getAllByRole('row').find((r) => within(r).queryByText(name) !== null);
  if (cell === undefined) throw new Error(`no row for ${name}`);
  return cell;
};

describe('accounts page', () => {
  it('asks before a role change or Disable, and sends nothing when cancelled', async () => {
    const { calls } = mockFetch([
      ...baseRoutes('admin'),
      listRoute(),
      {
        method: 'PATCH',
        path: '/api/v1/accounts/a1',
        respond: (req) => ({
          status: 200,
          body: { ...alice, ...(req.body as object) },
        }),
      },
    ]);
    renderApp('/accounts');
    expect(await screen.findByRole('heading', { name: 'Accounts' })).toBeInTheDocument();
    expect(await screen.findByText('alice')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
    const user = userEvent.setup();

    await user.click(screen.getByRole('button', { name: 'Disable alice' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable alice?' });
    expect(within(dialog).getByText(/signed out everywhere/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Disable alice' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Disable alice?' })).getByRole('button', {
        name: 'Disable',
      }),
    );
    await waitFor(() => {
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({ disabled: true });
    });
    expect(await screen.findByText('alice is disabled and signed out.')).toBeInTheDocument();

    await user.click(selectInput('Role of alice'));
    await user.click(await screen.findByRole('option', { name: 'Operator' }));
    const roleDialog = await screen.findByRole('dialog', { name: 'Make alice Operator?' });
    expect(calls.filter((c) => c.method === 'PATCH')).toHaveLength(1);
    await user.click(within(roleDialog).getByRole('button', { name: 'Change role' }));
    await waitFor(() => {
      expect(calls.filter((c) => c.method === 'PATCH')[1]?.body).toEqual({ role: 'operator' });
    });
  });

  it('keeps an admin from locking themselves out, shows the last login, and explains a LastAdmin refusal', async () => {
    const other = account('a2', 'bob', 'admin');
    mockFetch([
      ...baseRoutes('admin'),
      listRoute([me, other]),
      {
        method: 'PATCH',
        path: '/api/v1/accounts/a2',
        respond: () => ({
          status: 409,
          body: { error: { code: 'LastAdmin', httpStatus: 409 } },
        }),
      },
    ]);
    renderApp('/accounts');
    await screen.findByText('bob');
    const mine = rowOf('admin');
    expect(within(mine).getByRole('button', { name: 'Disable admin' })).toBeDisabled();
    expect(selectInput('Role of admin')).toBeDisabled();
    expect(within(mine).getByText(/Your own account/)).toBeInTheDocument();
    expect(within(rowOf('bob')).getByText('never')).toBeInTheDocument();
    // Another tab disabled the other admins meanwhile: the server refuses, the dialog says why.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Disable bob' }));
    const dialog = await screen.findByRole('dialog', { name: 'Disable bob?' });
    await user.click(within(dialog).getByRole('button', { name: 'Disable' }));
    expect(
      await within(dialog).findByText(/This is the last enabled administrator/),
    ).toBeInTheDocument();
  });

  it('marks the last enabled admin that is not the viewer of the page', async () => {
    mockFetch([
      ...baseRoutes('admin'),
      listRoute([account('u-admin', 'admin', 'admin', true), account('a2', 'bob', 'admin')]),
    ]);
    renderApp('/accounts');
    await screen.findByText('bob');
    expect(within(rowOf('bob')).getByRole('button', { name: 'Disable bob' })).toBeDisabled();
    expect(within(rowOf('bob')).getByText(/The last enabled administrator/)).toBeInTheDocument();
  });

  it('resets a password and ends sessions after confirming', async () => {
    const { calls } = mockFetch([
      ...baseRoutes('admin'),
      listRoute(),
      {
        method: 'PATCH',
        path: '/api/v1/accounts/a1',
        respond: () => ({ status: 200, body: alice }),
      },
      {
        method: 'DELETE',
        path: '/api/v1/accounts/a1/sessions',
        respond: () => ({ status: 204 }),
      },
    ]);
    renderApp('/accounts');
    await screen.findByText('alice');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Reset password for alice' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset the password of alice' });
    await user.type(within(dialog).getByLabelText(/New password/), 'short');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    expect(
      within(dialog).getByText('The password must have at least 12 characters.'),
    ).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
    await user.type(within(dialog).getByLabelText(/New password/), ' and now long enough');
    await user.click(within(dialog).getByRole('button', { name: 'Set password' }));
    await waitFor(() => {
      expect(calls.find((c) => c.method === 'PATCH')?.body).toEqual({
        password: 'short and now long enough',
      });
    });

    expect(
      within(rowOf('admin')).getByRole('button', { name: 'End sessions of admin' }),
    ).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'End sessions of alice' }));
    const end = await screen.findByRole('dialog', { name: 'End every session of alice?' });
    await user.click(within(end).getByRole('button', { name: 'End sessions' }));
    expect(await screen.findByText('Every session of alice ended.')).toBeInTheDocument();
    expect(
      calls.some((c) => c.method === 'DELETE' && c.path === '/api/v1/accounts/a1/sessions'),
    ).toBe(true);
  });

  it('says an existing name is taken, whatever its case, before and after asking the server', async () => {
    const { calls } = mockFetch([
      ...baseRoutes('admin'),
      listRoute(),
      {
        method: 'POST',
        path: '/api/v1/accounts',
        respond: () => ({
          status: 409,
          body: {
            error: {
              code: 'AccountExists',
              httpStatus: 409,
              issues: [{ path: 'username', code: 'USERNAME_TAKEN' }],
            },
          },
        }),
      },
    ]);
    renderApp('/accounts');
    await screen.findByText('alice');
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: /User name/ });
    await user.type(name, 'ALICE');
    await user.type(screen.getByLabelText(/^Password/), 'short');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await user.type(screen.getByLabelText(/^Password/), '-but-now-long-enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/An account with this name exists/)).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    // A name the list does not show yet (created in another tab): the server's 409 lands on the field.
    await user.clear(name);
    await user.type(name, 'carol');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText(/An account with this name exists/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      username: 'carol',
      password: 'short-but-now-long-enough',
      role: 'viewer',
    });
  });

  it('lets an admin in demo mode start a failure scenario and reset the demo data, after asking', async () => {
    const { calls } = mockFetch([
      ...baseRoutes('admin', { demo: true }),
      listRoute(),
      {
        method: 'POST',
        path: '/api/v1/demo/scenarios/tunnel-down',
        respond: () => ({
          status: 200,
          body: { done: 'tunnel-down', at: '2026-11-30T09:00:00.000Z' },
        }),
      },
      {
        method: 'POST',
        path: '/api/v1/demo/reset',
        respond: () => ({ status: 200, body: { done: 'reset', at: '2026-11-30T09:01:00.000Z' } }),
      },
    ]);
    renderApp('/accounts');
    await screen.findByText('alice');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'A tunnel goes down' }));
    const dialog = await screen.findByRole('dialog', { name: 'A tunnel goes down' });
    expect(calls.some((c) => c.method === 'POST')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Start scenario' }));
    expect(await screen.findByText('Scenario started: A tunnel goes down.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Reset demo data' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Reset demo data' })).getByRole('button', {
        name: 'Reset now',
      }),
    );
    expect(await screen.findByText('The demo data is as seeded again.')).toBeInTheDocument();
  });

  it('offers no demo controls outside demo mode', async () => {
    mockFetch([...baseRoutes('admin', { demo: false }), listRoute()]);
    renderApp('/accounts');
    await screen.findByText('alice');
    expect(screen.queryByRole('button', { name: 'Reset demo data' })).not.toBeInTheDocument();
  });

  it('is not offered to operators', async () => {
    mockFetch(baseRoutes('operator'));
    renderApp('/accounts');
    expect(await screen.findByText('Only administrators manage accounts.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Accounts' })).not.toBeInTheDocument();
  });
});
