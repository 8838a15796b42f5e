import { screen, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { FakeEventSource } from '../../../test/fake-event-source';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const page = '/regions/cn-hangzhou/gateways/vpn-std001?tab=connections';

const pushStatus = (status: string, reading: Record<string, string> = {}) => {
  act(() => {
    FakeEventSource.current().emit('connections', {
      type: 'connections',
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-std001',
      connections: [{ id: 'vco-001', name: 'branch-office', status, state: 'active', ...reading }],
      observedAt: '2026-11-21T10:00:01.000Z',
    });
  });
};

describe('negotiation hint on the connection card', () => {
  it('says what to check at each stage short of connected, and nothing once connected', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp(page);
    const card = (await screen.findByRole('heading', { level: 2, name: 'branch-office' })).closest(
      '.mantine-Card-root',
    );
    if (!(card instanceof HTMLElement)) throw new Error('no connection card');
    const inCard = within(card);

    expect(inCard.getByText('phase 1 not established')).toBeInTheDocument();
    expect(inCard.getByText(/pre-shared key/)).toHaveTextContent(
      /IKE version and mode and phase-1 algorithms.*public IP/,
    );

    pushStatus('ike_sa_established');
    expect(await inCard.findByText(/phase 2 \(IPsec\) is still negotiating/)).toBeInTheDocument();
    expect(inCard.queryByText(/pre-shared key/)).not.toBeInTheDocument();

    pushStatus('ipsec_sa_not_established');
    expect(await inCard.findByText(/Phase 2 \(IPsec\) is not established/)).toHaveTextContent(
      /PFS.*local and remote subnets/,
    );

    pushStatus('ipsec_sa_established');
    expect(await inCard.findByText('connected')).toBeInTheDocument();
    // No hint once connected (the PSK's own "Check a key" button is not a hint).
    expect(inCard.queryByText(/established\. Check|check the phase-2/)).not.toBeInTheDocument();
  });

  it('explains in Chinese too', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp(page, 'zh-CN');
    expect(await screen.findByText(/请检查两端的预共享密钥/)).toHaveTextContent(/公网 IP/);
    expect(screen.getByText('第一阶段未建立')).toBeInTheDocument();
  });

  it('is not red before a verdict: negotiating since the attempt, then failed with its time', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp(page);
    const card = (await screen.findByRole('heading', { level: 2, name: 'branch-office' })).closest(
      '.mantine-Card-root',
    );
    if (!(card instanceof HTMLElement)) throw new Error('no connection card');
    const inCard = within(card);
    const attemptAt = '2026-11-21T10:00:00.000Z';

    pushStatus('ike_sa_not_established', { negotiation: 'negotiating', attemptAt });
    expect(await inCard.findByText('negotiating')).toBeInTheDocument();
    expect(inCard.getByText(/Negotiating with the peer since \d\d:\d\d:\d\d/)).toBeInTheDocument();
    expect(inCard.queryByText('phase 1 not established')).not.toBeInTheDocument();
    expect(inCard.queryByText(/pre-shared key/)).not.toBeInTheDocument();

    pushStatus('ike_sa_established', { negotiation: 'negotiating', attemptAt });
    expect(await inCard.findByText('negotiating phase 2')).toBeInTheDocument();

    pushStatus('ike_sa_not_established', { negotiation: 'failed', attemptAt });
    expect(await inCard.findByText('phase 1 not established')).toBeInTheDocument();
    expect(inCard.getByText(/pre-shared key/)).toHaveTextContent(/Last attempt: \d\d:\d\d:\d\d\./);
  });

  it('says negotiating in Chinese', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp(page, 'zh-CN');
    await screen.findByText('第一阶段未建立');
    pushStatus('ike_sa_not_established', {
      negotiation: 'negotiating',
      attemptAt: '2026-11-21T10:00:00.000Z',
    });
    expect(await screen.findByText('协商中')).toBeInTheDocument();
    expect(screen.getByText(/^自 \d\d:\d\d:\d\d 起正在与对端协商/)).toBeInTheDocument();
  });
});
