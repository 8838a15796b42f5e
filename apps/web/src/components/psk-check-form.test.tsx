import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockFetch } from '../test/fetch-mock';
import { baseRoutes } from '../test/fixtures';
import { renderApp } from '../test/render';

const page = '/regions/cn-hangzhou/gateways/vpn-std001';
const path = '/api/v1/regions/cn-hangzhou/ipsec-servers/iss-001/psk/check';

describe('check a key', () => {
  it('lets a viewer check a key against the masked PSK and shows the answer', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      ...baseRoutes('viewer'),
      {
        method: 'POST',
        path,
        respond: (req) => ({
          status: 200,
          body: { match: z.object({ psk: z.string() }).parse(req.body).psk === 'Right-Key-1' },
        }),
      },
    ]);
    renderApp(page);
    const panel = within(await screen.findByRole('tabpanel', { name: 'IPsec server' }));
    expect(panel.getByText('keyed fingerprint', { exact: false })).toBeInTheDocument();
    await user.click(panel.getByRole('button', { name: 'Check a key' }));
    const input = await panel.findByLabelText('Key to check');
    await user.type(input, 'Wrong-Key');
    await user.click(panel.getByRole('button', { name: 'Check' }));
    expect(await panel.findByText('This key does not match.')).toBeInTheDocument();
    await user.clear(input);
    await user.type(input, 'Right-Key-1');
    await user.click(panel.getByRole('button', { name: 'Check' }));
    expect(await panel.findByText('This key matches.')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === path).map((c) => c.body)).toEqual([
      { psk: 'Wrong-Key' },
      { psk: 'Right-Key-1' },
    ]);
  });

  it('explains a refusal past the limit', async () => {
    const user = userEvent.setup();
    mockFetch([
      ...baseRoutes('viewer'),
      {
        method: 'POST',
        path,
        respond: () => ({
          status: 429,
          body: { error: { code: 'TooManyRequests', message: 'Too many key checks.' } },
        }),
      },
    ]);
    renderApp(page);
    const panel = within(await screen.findByRole('tabpanel', { name: 'IPsec server' }));
    await user.click(panel.getByRole('button', { name: 'Check a key' }));
    await user.type(await panel.findByLabelText('Key to check'), 'Some-Key');
    await user.click(panel.getByRole('button', { name: 'Check' }));
    expect(await panel.findByRole('alert')).toBeInTheDocument();
    expect(panel.queryByText('This key matches.')).not.toBeInTheDocument();
  });
});
