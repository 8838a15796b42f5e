import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { watchRequestSchema } from '@vpn-console/shared/api/events';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { seriousViolations } from '../../../test/axe';
import { FakeEventSource } from '../../../test/fake-event-source';
import { mockFetch } from '../../../test/fetch-mock';
import { baseRoutes, gatewayStandard } from '../../../test/fixtures';
import { renderApp } from '../../../test/render';

describe('gateway list', () => {
  it('lists the region gateways with type and live status from the event stream', async () => {
    const { calls } = mockFetch(baseRoutes('viewer'));
    renderApp('/regions/cn-hangzhou/gateways');
    const row = (await screen.findByRole('link', { name: 'hq-gateway' })).closest('tr');
    if (row === null) throw new Error('no row');
    expect(within(row).getByText('active')).toBeInTheDocument();
    expect(within(row).getByText('Standard')).toBeInTheDocument();
    const sm = screen.getByRole('link', { name: 'gm-gateway' }).closest('tr');
    if (sm === null) throw new Error('no row');
    expect(within(sm).getByText('SM (国密)')).toBeInTheDocument();
    expect(await seriousViolations()).toEqual([]);

    // One stream for the tab; the list watches its gateways.
    const stream = FakeEventSource.current();
    expect(FakeEventSource.instances.filter((s) => !s.closed)).toHaveLength(1);
    act(() => {
      stream.emit('hello', { type: 'hello', streamId: 's-1', heartbeatMs: 15000 });
    });
    await vi.waitFor(() => {
      const watch = calls.find((c) => c.method === 'PUT' && c.path === '/api/v1/events/s-1/watch');
      const body = watchRequestSchema.parse(watch?.body);
      expect(body.gateways).toContainEqual({ regionId: 'cn-hangzhou', vpnGatewayId: 'vpn-std001' });
      expect(body.gateways).toContainEqual({ regionId: 'cn-hangzhou', vpnGatewayId: 'vpn-sm002' });
    });
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
});
