import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const page = '/regions/cn-hangzhou/gateways/vpn-std001?tab=connections';
const path = '/api/v1/regions/cn-hangzhou/vpn-connections/vco-001/peer-config';

const cardOf = async () => {
  const card = (await screen.findByRole('heading', { level: 2, name: 'branch-office' })).closest(
    '.mantine-Card-root',
  );
  if (!(card instanceof HTMLElement)) throw new Error('no connection card');
  return within(card);
};

describe('configure your device', () => {
  it('shows the chosen device file masked, then with the key after an audited reveal', async () => {
    const user = userEvent.setup();
    const { calls } = mockFetch([
      ...baseRoutes('operator'),
      {
        method: 'POST',
        path,
        respond: (req) => {
          const reveal = z.object({ revealPsk: z.boolean() }).parse(req.body).revealPsk;
          return {
            status: 200,
            body: {
              device: 'cisco-ios',
              fileName: 'vco-001-cisco-ios.txt',
              mediaType: 'text/plain',
              content: `crypto isakmp key ${reveal ? 'Real-Key-1' : '••••••••'} address 192.0.2.10`,
              pskRevealed: reveal,
            },
          };
        },
      },
    ]);
    renderApp(page);
    const card = await cardOf();
    await user.click(card.getByRole('button', { name: 'Configure your device' }));
    expect(await card.findByText('Also set outside this file:')).toBeInTheDocument();
    expect(card.getByText(/UDP 500 and UDP 4500/)).toBeInTheDocument();
    await user.selectOptions(card.getByLabelText('Device'), 'cisco-ios');
    await user.click(card.getByRole('button', { name: 'Show configuration' }));
    expect(await card.findByLabelText('Device configuration')).toHaveTextContent(
      'crypto isakmp key •••••••• address 192.0.2.10',
    );
    expect(card.queryByText(/Real-Key-1/)).not.toBeInTheDocument();

    await user.click(card.getByRole('button', { name: 'Put the key in the file' }));
    await user.click(await screen.findByRole('button', { name: 'Reveal and record' }));
    expect(await card.findByText(/Real-Key-1/)).toBeInTheDocument();
    expect(card.getByText(/recorded in the audit log/)).toBeInTheDocument();

    const posts = calls.filter((c) => c.method === 'POST' && c.path === path);
    expect(posts.map((c) => c.body)).toEqual([
      { device: 'cisco-ios', revealPsk: false },
      { device: 'cisco-ios', revealPsk: true },
    ]);
  });

  it('is not offered to a viewer', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp(page);
    const card = await cardOf();
    expect(card.queryByRole('button', { name: 'Configure your device' })).not.toBeInTheDocument();
  });
});
