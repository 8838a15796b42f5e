import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { watchRequestSchema } from '@vpn-console/shared/api/events';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { FakeEventSource } from '../../../test/fake-event-source';
import { mockFetch, type MockRoute, type RecordedRequest } from '../../../test/fetch-mock';
import { baseRoutes, gatewayPageOf, gatewayStandard } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

// A large account: 120 gateways; the mocked BFF searches, filters and pages them (50 a page
// unless asked otherwise), as the real one does.
const many = Array.from({ length: 120 }, (_, i) => ({
  ...gatewayStandard,
  id: `vpn-many${String(i).padStart(4, '0')}`,
  name: `${i % 3 === 0 ? 'store' : 'customer'}-${String(i).padStart(4, '0')}`,
  status: i % 10 === 0 ? 'updating' : 'active',
}));

const largeAccount = (gateways: () => typeof many = () => many): MockRoute => ({
  method: 'GET',
  path: '/api/v1/vpn-gateways',
  respond: (req) => {
    const q = req.query.get('q') ?? '';
    const status = req.query.get('status');
    const page = Number(req.query.get('page') ?? '1');
    const pageSize = Number(req.query.get('pageSize') ?? '50');
    const searched = gateways().filter((g) => g.name.includes(q));
    const filtered = status === null ? searched : searched.filter((g) => g.status === status);
    const sorted = req.query.get('sort') === '-name' ? [...filtered].reverse() : filtered;
    const counts: Record<string, number> = {};
    for (const g of searched) counts[g.status] = (counts[g.status] ?? 0) + 1;
    return {
      status: 200,
      body: gatewayPageOf(sorted.slice((page - 1) * pageSize, page * pageSize), {
        totalCount: filtered.length,
        page,
        pageSize,
        statusCounts: counts,
        statusMayBeOldSeconds: 42,
      }),
    };
  },
});

/**
 * A new page of rows renders in time slices (useDeferredValue) that yield to the page's other
 * work; testing-library polling a page of 50 rows every 50 ms on a loaded machine is enough other
 * work to leave React no slice. Poll these lists less often, and wait longer.
 */
const slices = { interval: 250, timeout: 30_000 };

const listRequests = (calls: readonly RecordedRequest[]) =>
  calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/vpn-gateways');

describe('gateway list', () => {
  it('lists the region gateways with type and live status from the event stream', async () => {
    const { calls } = mockFetch(baseRoutes('viewer'));
    renderApp('/regions/cn-hangzhou/gateways');
    const row = (await screen.findByRole('link', { name: 'hq-gateway' }, slices)).closest('tr');
    if (row === null) throw new Error('no row');
    expect(within(row).getByText('active')).toBeInTheDocument();
    expect(within(row).getByText('Standard')).toBeInTheDocument();
    const sm = screen.getByRole('link', { name: 'gm-gateway' }).closest('tr');
    if (sm === null) throw new Error('no row');
    expect(within(sm).getByText('SM (国密)')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);

    // The list answer has no connection count: until the gateway's first poll, the cell says
    // it is loading, never a dash or a 0 that reads as "none".
    const connectionsOf = (tr: HTMLElement) => within(tr).getAllByRole('cell')[3]?.textContent;
    expect(connectionsOf(row)).toBe('Loading…');
    expect(connectionsOf(sm)).toBe('Loading…');

    // One stream for the tab; the list watches its gateways.
    const stream = FakeEventSource.current();
    expect(FakeEventSource.instances.filter((s) => !s.closed)).toHaveLength(1);
    act(() => {
      stream.emit('hello', { type: 'hello', streamId: 's-1', heartbeatMs: 15000 });
    });
    await waitFor(() => {
      const watch = calls.find((c) => c.method === 'PUT' && c.path === '/api/v1/events/s-1/watch');
      const body = watchRequestSchema.parse(watch?.body);
      expect(body.gateways).toContainEqual({ regionId: 'cn-hangzhou', vpnGatewayId: 'vpn-std001' });
      expect(body.gateways).toContainEqual({ regionId: 'cn-hangzhou', vpnGatewayId: 'vpn-sm002' });
    }, slices);
    act(() => {
      stream.emit('gateway', {
        type: 'gateway',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-std001',
        gateway: { ...gatewayStandard, status: 'updating' },
        notFound: false,
        pollIntervalMs: 1000,
        observedAt: '2026-11-21T10:00:01.000Z',
      });
    });
    expect(await within(row).findByText('updating')).toBeInTheDocument();
    expect(screen.getByText('Live')).toBeInTheDocument();
    // Polled: no connection heard of is none.
    expect(connectionsOf(row)).toBe('0');
    act(() => {
      stream.emit('connections', {
        type: 'connections',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-std001',
        connections: [
          { id: 'vco-001', name: 'branch-office', status: 'ipsec_sa_established' },
          { id: 'vco-002', name: 'second-branch', status: 'ike_sa_not_established' },
        ],
        observedAt: '2026-11-21T10:00:01.000Z',
      });
    });
    await waitFor(() => {
      expect(connectionsOf(row)).toBe('2');
    });
    // The other gateway's first poll failed: its count is unknown, not loading any more.
    act(() => {
      stream.emit('stale', {
        type: 'stale',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-sm002',
        staleSince: '2026-11-21T10:00:01.000Z',
        staleReason: 'Throttling.User',
      });
    });
    await waitFor(() => {
      expect(connectionsOf(sm)).toBe('unknown');
    });

    act(() => {
      stream.fail();
    });
    expect(await screen.findByText(/Status may be stale since \d\d:\d\d:\d\d/)).toBeInTheDocument();
  });

  it('shows every region at once for support staff, in Chinese', async () => {
    mockFetch(baseRoutes('viewer'));
    renderApp('/gateways', 'zh-CN');
    expect(await screen.findByRole('heading', { name: '所有地域的 VPN 网关' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'sh-gateway' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'hq-gateway' })).toBeInTheDocument();
    const sh = screen.getByRole('link', { name: 'sh-gateway' }).closest('tr');
    if (sh === null) throw new Error('no row');
    expect(within(sh).getByText('cn-shanghai')).toBeInTheDocument();
    expect(within(sh).getByText('配置中')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
  });

  it('switches the language from the top bar and follows the region picker', async () => {
    mockFetch(baseRoutes('operator'));
    renderApp('/regions/cn-hangzhou/gateways');
    await screen.findByRole('link', { name: 'hq-gateway' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'zh-CN');
    expect(
      await screen.findByRole('heading', { name: '华东1（杭州） 的 VPN 网关' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('模拟云环境 — 演示模式：变更发送到内置模拟器，不会影响阿里云。'),
    ).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '地域' }), 'cn-shanghai');
    expect(await screen.findByRole('link', { name: 'sh-gateway' })).toBeInTheDocument();
  });

  it('searches, filters and pages on the server, and says how old status may be when throttled', async () => {
    const { calls } = mockFetch([largeAccount(), ...baseRoutes('viewer')]);
    renderApp('/gateways');
    expect(await screen.findByRole('link', { name: 'customer-0001' }, slices)).toBeInTheDocument();
    // One page of rows in the browser, however large the account.
    expect(screen.getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Rows 1–50 of 120 · page 1 of 3')).toBeInTheDocument();
    expect(
      screen.getByText("The cloud is limiting this account's calls: status may be up to 42 s old."),
    ).toBeInTheDocument();

    const stream = FakeEventSource.current();
    act(() => {
      stream.emit('hello', { type: 'hello', streamId: 's-1', heartbeatMs: 15000 });
    });
    const watched = () =>
      watchRequestSchema
        .parse(
          calls.filter((c) => c.method === 'PUT' && c.path === '/api/v1/events/s-1/watch').at(-1)
            ?.body,
        )
        .gateways.map((g) => g.vpnGatewayId);
    await waitFor(() => {
      expect(watched()).toContain('vpn-many0000');
    }, slices);

    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('Rows 51–100 of 120 · page 2 of 3', {}, slices),
    ).toBeInTheDocument();
    expect(
      calls.some((c) => c.path === '/api/v1/vpn-gateways' && c.query.get('page') === '2'),
    ).toBe(true);
    // The rows are reused for the next page (keyed by place): each now watches and shows the
    // gateway of its new page, none the one it showed before.
    expect(screen.queryByRole('link', { name: 'customer-0001' })).not.toBeInTheDocument();
    await waitFor(() => {
      expect(watched()).toHaveLength(50);
      expect(watched()).toContain('vpn-many0050');
      expect(watched()).not.toContain('vpn-many0000');
    }, slices);
    const row52 = screen.getByRole('link', { name: 'customer-0052' }).closest('tr');
    if (row52 === null) throw new Error('no row');
    act(() => {
      stream.emit('gateway', {
        type: 'gateway',
        regionId: 'cn-hangzhou',
        vpnGatewayId: 'vpn-many0052',
        gateway: { ...many[52], status: 'updating' },
        notFound: false,
        pollIntervalMs: 1000,
        observedAt: '2026-11-21T10:00:01.000Z',
      });
    });
    expect(await within(row52).findByText('updating', {}, slices)).toBeInTheDocument();

    // Typing searches on the server (once the typing settles) and goes back to page 1.
    await user.type(screen.getByRole('searchbox', { name: 'Search name, ID or IP' }), 'store');
    expect(
      await screen.findByText('Rows 1–40 of 40 · page 1 of 1', {}, slices),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'customer-0001' })).not.toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Status filter' }), 'updating');
    expect(await screen.findByText('Rows 1–4 of 4 · page 1 of 1', {}, slices)).toBeInTheDocument();
    const last = calls.filter((c) => c.path === '/api/v1/vpn-gateways').at(-1);
    expect(last?.query.get('q')).toBe('store');
    expect(last?.query.get('status')).toBe('updating');
    await user.type(screen.getByRole('searchbox', { name: 'Search name, ID or IP' }), '-nothing');
    expect(
      await screen.findByText('No gateway matches the search or filter.', {}, slices),
    ).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);
  });

  it('names the regions it could not load, in the user language', async () => {
    mockFetch([
      {
        method: 'GET',
        path: '/api/v1/vpn-gateways',
        respond: () => ({
          status: 200,
          body: gatewayPageOf([gatewayStandard], {
            failedRegions: ['cn-shanghai', 'ap-southeast-1'],
          }),
        }),
      },
      ...baseRoutes('viewer'),
    ]);
    const { unmount } = renderApp('/gateways');
    expect(
      await screen.findByText('Could not load China (Shanghai) and Singapore.', {}, slices),
    ).toBeInTheDocument();
    unmount();
    renderApp('/gateways', 'zh-CN');
    expect(
      await screen.findByText('无法加载华东2（上海）和新加坡。', {}, slices),
    ).toBeInTheDocument();
  });

  it('shows every public IP of a gateway, and its features under its type (issue 17)', async () => {
    const dual = {
      ...gatewayStandard,
      id: 'vpn-dual003',
      name: 'dual-gateway',
      internetIp: '192.0.2.13',
      disasterRecoveryInternetIp: '192.0.2.14',
      sslVpnInternetIp: '192.0.2.15',
      dualTunnel: true,
      sslVpn: false,
    };
    mockFetch([
      {
        method: 'GET',
        path: '/api/v1/regions/cn-hangzhou/vpn-gateways',
        respond: () => ({ status: 200, body: gatewayPageOf([dual]) }),
      },
      ...baseRoutes('viewer'),
    ]);
    renderApp('/regions/cn-hangzhou/gateways', 'zh-CN');
    const row = (await screen.findByRole('link', { name: 'dual-gateway' })).closest('tr');
    if (row === null) throw new Error('no row');
    const ips = within(row).getAllByRole('cell').at(-1);
    expect(ips?.textContent).toBe('192.0.2.13（隧道 1）192.0.2.14（隧道 2）192.0.2.15（SSL-VPN）');
    expect(
      within(row).getByText(
        (_, el) => el?.textContent === 'IPsec-VPN：已开启' && el.tagName === 'P',
      ),
    ).toBeInTheDocument();
    expect(
      within(row).getByText((_, el) => el?.textContent === 'SSL-VPN：未开启' && el.tagName === 'P'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      '名称 / ID',
      '状态',
      '类型',
      '连接数',
      '公网 IP',
    ]);
    expect(await seriousViolations()).toEqual([]);
  });

  it('keeps search, filter, sort, page and page size in the URL: a link opens them, back and forward walk them', async () => {
    const { calls } = mockFetch([largeAccount(), ...baseRoutes('viewer')]);
    const { router } = renderApp('/gateways?q=store&status=active&sort=-name&pageSize=25');
    expect(
      await screen.findByText('Rows 1–25 of 36 · page 1 of 2', {}, slices),
    ).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Search name, ID or IP' })).toHaveValue('store');
    expect(screen.getByRole('combobox', { name: 'Status filter' })).toHaveValue('active');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('-name');
    const first = listRequests(calls)[0]?.query;
    expect(first?.get('q')).toBe('store');
    expect(first?.get('status')).toBe('active');
    expect(first?.get('sort')).toBe('-name');
    expect(first?.get('pageSize')).toBe('25');
    expect(screen.getAllByRole('row')).toHaveLength(26);

    // Each page is a step of the history.
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(
      await screen.findByText('Rows 26–36 of 36 · page 2 of 2', {}, slices),
    ).toBeInTheDocument();
    expect(router.url()).toContain('page=2');
    router.go(-1);
    expect(
      await screen.findByText('Rows 1–25 of 36 · page 1 of 2', {}, slices),
    ).toBeInTheDocument();
    expect(router.url()).not.toContain('page=');
    router.go(1);
    expect(
      await screen.findByText('Rows 26–36 of 36 · page 2 of 2', {}, slices),
    ).toBeInTheDocument();

    // A new sort is a step too, and starts again at page 1.
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'Name (A–Z)');
    expect(
      await screen.findByText('Rows 1–25 of 36 · page 1 of 2', {}, slices),
    ).toBeInTheDocument();
    expect(router.url()).not.toContain('sort=');
    expect(router.url()).not.toContain('page=');

    // The search is written once typing pauses, replacing the step (typing is not a step back).
    const search = screen.getByRole('searchbox', { name: 'Search name, ID or IP' });
    await user.clear(search);
    await user.type(search, 'customer');
    expect(
      await screen.findByText('Rows 1–25 of 72 · page 1 of 3', {}, slices),
    ).toBeInTheDocument();
    expect(router.url()).toContain('q=customer');
    router.go(-1);
    expect(
      await screen.findByText('Rows 26–36 of 36 · page 2 of 2', {}, slices),
    ).toBeInTheDocument();
    // The box follows the URL it went back to.
    expect(screen.getByRole('searchbox', { name: 'Search name, ID or IP' })).toHaveValue('store');
  });

  it('falls back to the defaults for what a hand-edited link got wrong', async () => {
    const { calls } = mockFetch([largeAccount(), ...baseRoutes('viewer')]);
    renderApp(`/gateways?sort=sideways&page=0&pageSize=5000&status=%3Cb%3E&q=${'x'.repeat(101)}`);
    expect(
      await screen.findByText('Rows 1–50 of 120 · page 1 of 3', {}, slices),
    ).toBeInTheDocument();
    const query = listRequests(calls)[0]?.query;
    expect([...(query?.keys() ?? [])]).toEqual([]);
    expect(screen.getByRole('searchbox', { name: 'Search name, ID or IP' })).toHaveValue('');
    expect(screen.getByRole('combobox', { name: 'Sort by' })).toHaveValue('name');
    expect(screen.getAllByRole('row')).toHaveLength(51);
  });

  it('lands a page past the end on the last page, correcting the URL in place (a link, or a list that shrank)', async () => {
    let account = many;
    mockFetch([largeAccount(() => account), ...baseRoutes('viewer')]);
    // The link to page 9 of 3 comes after a search: back from the corrected page is the search.
    const { router, client } = renderApp(['/gateways?q=store', '/gateways?page=9']);
    expect(
      await screen.findByText('Rows 101–120 of 120 · page 3 of 3', {}, slices),
    ).toBeInTheDocument();
    expect(router.url()).toBe('/gateways?page=3');
    expect(screen.getByRole('link', { name: 'store-0102' })).toBeInTheDocument();
    expect(screen.queryByText('No VPN gateways here.')).not.toBeInTheDocument();

    // The account shrinks to 80 gateways under the page: the list lands on the new last page.
    account = many.slice(0, 80);
    void client.invalidateQueries();
    expect(
      await screen.findByText('Rows 51–80 of 80 · page 2 of 2', {}, slices),
    ).toBeInTheDocument();
    expect(router.url()).toBe('/gateways?page=2');

    router.go(-1);
    await waitFor(() => {
      expect(router.url()).toBe('/gateways?q=store');
    });
    // (27 stores among the 80 gateways left.)
    expect(
      await screen.findByText('Rows 1–27 of 27 · page 1 of 1', {}, slices),
    ).toBeInTheDocument();
  });

  it('offers 25, 50 or 100 rows a page, kept in the URL, starting again at page 1', async () => {
    const { calls } = mockFetch([largeAccount(), ...baseRoutes('viewer')]);
    const { router, unmount } = renderApp('/gateways?page=2');
    expect(
      await screen.findByText('Rows 51–100 of 120 · page 2 of 3', {}, slices),
    ).toBeInTheDocument();
    const size = screen.getByRole('combobox', { name: 'Rows per page' });
    expect(size).toHaveValue('50');
    expect([...size.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '25 per page',
      '50 per page',
      '100 per page',
    ]);

    const user = userEvent.setup();
    await user.selectOptions(size, '100 per page');
    expect(
      await screen.findByText('Rows 1–100 of 120 · page 1 of 2', {}, slices),
    ).toBeInTheDocument();
    expect(router.url()).toBe('/gateways?pageSize=100');
    expect(listRequests(calls).at(-1)?.query.get('pageSize')).toBe('100');
    expect(screen.getAllByRole('row')).toHaveLength(101);
    // A step of the history, like a sort.
    router.go(-1);
    expect(
      await screen.findByText('Rows 51–100 of 120 · page 2 of 3', {}, slices),
    ).toBeInTheDocument();
    unmount();

    // A size the BFF takes but the list does not offer (a hand-edited link) is shown as it is.
    renderApp('/gateways?pageSize=30', 'zh-CN');
    expect(
      await screen.findByText('第 1–30 行，共 120 行 · 第 1 / 4 页', {}, slices),
    ).toBeInTheDocument();
    const zhSize = screen.getByRole('combobox', { name: '每页行数' });
    expect(zhSize).toHaveValue('30');
    expect([...zhSize.querySelectorAll('option')].map((o) => o.textContent)).toEqual([
      '每页 25 行',
      '每页 30 行',
      '每页 50 行',
      '每页 100 行',
    ]);
  });
});
