// The health page and the gateway page's history tab as support staff (viewer) see them.
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  DiagnosisList,
  HealthOverview,
  HistoryResponse,
  StoredLogList,
} from '@vpn-console/shared/history/schema';
import { describe, expect, it } from 'vitest';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

const downFor = (7 * 60 + 12) * 60_000 + 30_000;
const downAt = new Date(Date.now() - downFor).toISOString();

const overview: HealthOverview = {
  items: [
    {
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-std001',
      gatewayName: 'hq-gateway',
      kind: 'connection',
      subjectId: 'vco-001',
      vpnConnectionId: 'vco-001',
      name: 'branch-office',
      lane: 'negotiation',
      value: 'ike_sa_not_established',
      since: downAt,
    },
    {
      regionId: 'cn-hangzhou',
      vpnGatewayId: 'vpn-locked01',
      gatewayName: 'overdue-gateway',
      kind: 'gateway',
      subjectId: 'vpn-locked01',
      vpnConnectionId: null,
      name: 'overdue-gateway',
      lane: 'gateway-business',
      value: 'FinancialLocked',
      since: downAt,
    },
  ],
  observedAt: new Date().toISOString(),
};

const change = (value: string, at: string) => ({
  regionId: 'cn-hangzhou',
  vpnGatewayId: 'vpn-std001',
  kind: 'connection' as const,
  subjectId: 'vco-001',
  vpnConnectionId: 'vco-001',
  lane: 'negotiation' as const,
  value,
  at,
});

const history: HistoryResponse = {
  from: new Date(Date.now() - 86_400_000).toISOString(),
  to: new Date().toISOString(),
  subjects: [
    { kind: 'connection', subjectId: 'vco-001', vpnConnectionId: 'vco-001', name: 'branch-office' },
  ],
  summaries: [
    {
      kind: 'connection',
      subjectId: 'vco-001',
      lane: 'negotiation',
      changeCount: 1,
      levels: { up: 86_400_000 - downFor, down: downFor },
      value: 'ike_sa_not_established',
      downSince: downAt,
    },
  ],
  baseline: [change('ipsec_sa_established', new Date(Date.now() - 2 * 86_400_000).toISOString())],
  changes: [change('ike_sa_not_established', downAt)],
  bucketMs: 120_000,
  reduced: [],
  observedAt: new Date().toISOString(),
  retentionDays: 30,
};

const diagnosis: DiagnosisList = {
  items: [
    {
      vpnConnectionId: 'vco-001',
      tunnelId: null,
      code: 'IkeEncAlgMismatch',
      reason: 'Phase 1 encryption algorithm mismatch',
      severity: 'Critical',
      localValue: 'aes',
      remoteValue: 'aes256',
      sourceLog: '2026-11-30 02:14:03 13[IKE] <vco-001|3> received NO_PROPOSAL_CHOSEN notify error',
      failedAt: downAt,
    },
  ],
  checkedAt: new Date().toISOString(),
};

const logs: StoredLogList = {
  items: [
    {
      vpnConnectionId: 'vco-001',
      tunnelId: null,
      at: downAt,
      line: '2026-11-30 02:14:03 13[IKE] <vco-001|3> received NO_PROPOSAL_CHOSEN notify error',
    },
  ],
  truncated: false,
};

const routes = () => [
  ...baseRoutes('viewer'),
  {
    method: 'GET',
    path: '/api/v1/health-overview',
    respond: () => ({ status: 200, body: overview }),
  },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-gateways/vpn-std001/history',
    respond: () => ({ status: 200, body: history }),
  },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-connections/vco-001/diagnosis',
    respond: () => ({ status: 200, body: diagnosis }),
  },
  {
    method: 'GET',
    path: '/api/v1/regions/cn-hangzhou/vpn-connections/vco-001/logs',
    respond: () => ({ status: 200, body: logs }),
  },
];

describe('health page', () => {
  it('lists what is not up with since when, and links to its history', async () => {
    mockFetch(routes());
    renderApp('/health');
    const table = await screen.findByRole('table', { name: 'Health across all regions' });
    const row = within(table).getByRole('row', { name: /branch-office/ });
    expect(row).toHaveTextContent('Negotiation');
    expect(row).toHaveTextContent('Down');
    expect(row).toHaveTextContent('7 h 12 min');
    // The state in words, never the cloud's code.
    expect(row).toHaveTextContent('phase 1 not established');
    expect(row).not.toHaveTextContent('ike_sa_not_established');
    const locked = within(table).getByRole('row', { name: /vpn-locked01/ });
    expect(locked).toHaveTextContent('locked: payment overdue');
    expect(locked).not.toHaveTextContent('FinancialLocked');
    expect(within(row).getByRole('link', { name: 'branch-office' })).toHaveAttribute(
      'href',
      '/regions/cn-hangzhou/gateways/vpn-std001/connections/vco-001',
    );
  });
});

describe('connection page', () => {
  it('shows one connection: its card, since when it is down and why, its kept log', async () => {
    mockFetch(routes());
    renderApp('/regions/cn-hangzhou/gateways/vpn-std001/connections/vco-001');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'branch-office' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gateway hq-gateway' })).toHaveAttribute(
      'href',
      '/regions/cn-hangzhou/gateways/vpn-std001',
    );
    expect(await screen.findByText(/^Down since .* \(7 h 12 min\)$/)).toBeInTheDocument();
    expect(
      await screen.findByRole('table', { name: 'Negotiation logs kept by the console' }),
    ).toHaveTextContent('NO_PROPOSAL_CHOSEN');
    // No connection picker: the page is the connection's.
    expect(screen.queryByLabelText('Connection')).toBeNull();
  });

  it('is linked from the connection’s card', async () => {
    mockFetch(routes());
    renderApp('/regions/cn-hangzhou/gateways/vpn-std001?tab=connections');
    const link = await screen.findByRole('link', { name: 'History' });
    expect(link).toHaveAttribute(
      'href',
      '/regions/cn-hangzhou/gateways/vpn-std001/connections/vco-001',
    );
  });
});

describe('history tab', () => {
  it('says since when a connection is down and why, above its kept log', async () => {
    mockFetch(routes());
    renderApp('/regions/cn-hangzhou/gateways/vpn-std001?tab=history&connection=vco-001');
    expect(await screen.findByText(/^Down since .* \(7 h 12 min\)$/)).toBeInTheDocument();
    expect(
      await screen.findByText(
        'Phase 1 encryption differs: your device proposes aes256, the gateway expects aes.',
      ),
    ).toBeInTheDocument();
    const table = await screen.findByRole('table', {
      name: 'Negotiation logs kept by the console',
    });
    expect(table).toHaveTextContent('NO_PROPOSAL_CHOSEN');
    expect(screen.getByRole('link', { name: 'Export history (CSV)' })).toHaveAttribute(
      'href',
      expect.stringMatching(
        /\/vpn-gateways\/vpn-std001\/history\/export\?from=.*&vpnConnectionId=vco-001$/,
      ),
    );
    await userEvent.click(screen.getByRole('radio', { name: '7 days' }));
    expect(await screen.findByText(/^Up \d/)).toBeInTheDocument();
  });

  it('draws each lane as stretches with words, walked with the arrow keys, the tooltip following', async () => {
    mockFetch(routes());
    renderApp('/regions/cn-hangzhou/gateways/vpn-std001?tab=history&connection=vco-001');
    const chart = await screen.findByRole('group', { name: 'Timeline of branch-office' });
    const lane = within(chart).getByRole('list', { name: 'Negotiation' });
    const stretches = within(lane).getAllByRole('listitem');
    expect(stretches.map((s) => s.getAttribute('aria-label')?.split(':')[0])).toEqual([
      'Up',
      'Down',
    ]);
    // One tab stop per lane: the latest stretch.
    expect(stretches.map((s) => s.getAttribute('tabindex'))).toEqual(['-1', '0']);
    await userEvent.click(document.body);
    await userEvent.tab();
    for (let i = 0; i < 100 && document.activeElement !== stretches[1]; i += 1) {
      await userEvent.tab();
    }
    expect(stretches[1]).toHaveFocus();
    await userEvent.keyboard('{ArrowLeft}');
    expect(stretches[0]).toHaveFocus();
    expect(await screen.findByText(stretches[0]?.getAttribute('aria-label') ?? '-')).toBeVisible();
  });
});
