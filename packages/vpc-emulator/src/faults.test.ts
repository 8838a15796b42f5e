import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { call, callError, popClient, str, withEmulator } from '../test/helpers';
import { DEMO_IDS } from './seed';
import type { RunningEmulator } from './server';

const hz = { RegionId: 'cn-hangzhou' };
const describeParams = { ...hz, VpnGatewayId: DEMO_IDS.gateways.free1 };
let emulator: RunningEmulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe('fault injection', () => {
  it('keeps the control API off unless enabled', async () => {
    emulator = await withEmulator({ faultControl: false });
    expect((await fetch(`${emulator.url}/__emulator/calls`)).status).toBe(404);
    expect(
      (await fetch(`${emulator.url}/__emulator/faults`, { method: 'POST', body: '{}' })).status,
    ).toBe(404);
  });

  it('counts upstream calls per action and resets them', async () => {
    emulator = await withEmulator();
    const client = popClient(emulator.url);
    await call(client, 'DescribeVpnGateway', describeParams);
    await call(client, 'DescribeVpnGateway', describeParams);
    await call(client, 'DescribeRegions', {});
    expect(emulator.calls()).toEqual({ DescribeVpnGateway: 2, DescribeRegions: 1 });
    const overHttp = z
      .object({ calls: z.record(z.string(), z.number()) })
      .parse(await (await fetch(`${emulator.url}/__emulator/calls`)).json());
    expect(overHttp.calls).toEqual({ DescribeVpnGateway: 2, DescribeRegions: 1 });
    await fetch(`${emulator.url}/__emulator/calls`, { method: 'DELETE' });
    expect(emulator.calls()).toEqual({});
  });

  it('throttles the next N calls with Throttling.User and x-acs-retry-after', async () => {
    emulator = await withEmulator();
    emulator.faults.inject({
      action: 'DescribeVpnGateway',
      kind: 'throttle',
      count: 2,
      retryAfterMs: 1500,
    });
    const client = popClient(emulator.url);
    const first = await callError(client, 'DescribeVpnGateway', describeParams);
    expect(first.code).toBe('Throttling.User');
    expect(first.status).toBe(400);
    expect(first.headers['x-acs-retry-after']).toBe('1500');
    const second = await callError(client, 'DescribeVpnGateway', describeParams);
    expect(second.code).toBe('Throttling.User');
    expect(await call(client, 'DescribeVpnGateway', describeParams)).toHaveProperty('VpnGatewayId');
  });

  it('answers a JSON 5xx and an HTML 502 (over HTTP control)', async () => {
    emulator = await withEmulator();
    const control = await fetch(`${emulator.url}/__emulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action: '*', kind: 'json5xx', count: 1 }),
    });
    expect(control.status).toBe(200);
    const client = popClient(emulator.url);
    const error = await callError(client, 'DescribeRegions', {});
    expect(error.code).toBe('ServiceUnavailable');
    expect(error.status).toBe(503);
    emulator.faults.inject({ action: 'DescribeRegions', kind: 'html502', count: 1 });
    const html = await client.request('DescribeRegions', {}, { method: 'POST' }).then(
      () => 'resolved',
      (e: unknown) => z.object({ name: z.string() }).parse(e).name,
    );
    expect(html).toBe('SyntaxError');
    expect(await call(client, 'DescribeRegions', {})).toHaveProperty('Regions');
  });

  it('hangs a call until the client times out, adds latency, and clears', async () => {
    emulator = await withEmulator();
    emulator.faults.inject({ action: 'DescribeVpnGateway', kind: 'hang', count: 1 });
    const client = popClient(emulator.url);
    const hung = await client
      .request('DescribeVpnGateway', describeParams, { method: 'POST', timeout: 300 })
      .then(
        () => 'resolved',
        (e: unknown) => z.object({ name: z.string() }).parse(e).name,
      );
    expect(hung).toBe('RequestTimeoutError');
    emulator.faults.inject({ action: 'DescribeVpnGateway', kind: 'latency', latencyMs: 150 });
    const started = performance.now();
    await call(client, 'DescribeVpnGateway', describeParams);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    emulator.faults.clear();
    emulator.faults.inject({ action: 'DescribeVpnGateway', kind: 'json5xx', fraction: 0 });
    expect(await call(client, 'DescribeVpnGateway', describeParams)).toHaveProperty('VpnGatewayId');
  });

  it('createSucceedsButAnswers500: the resource exists although the answer is an error', async () => {
    emulator = await withEmulator();
    emulator.faults.inject({
      action: 'CreateCustomerGateway',
      kind: 'createSucceedsButAnswers500',
      count: 1,
    });
    const client = popClient(emulator.url);
    const params = { ...hz, IpAddress: '192.0.2.150', ClientToken: 'retry-me' };
    expect((await callError(client, 'CreateCustomerGateway', params)).code).toBe('InternalError');
    const retried = await call(client, 'CreateCustomerGateway', params);
    const listed = await call(client, 'DescribeCustomerGateways', {
      ...hz,
      CustomerGatewayId: str(retried, 'CustomerGatewayId'),
    });
    expect(listed.TotalCount).toBe(1);
  });
});
