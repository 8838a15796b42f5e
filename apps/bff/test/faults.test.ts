// Retries under every injected fault, and one upstream resource per Idempotency-Key when a
// create fails ambiguously. The emulator injects the faults over real HTTP.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { customerGatewayListSchema } from '@vpn-console/shared/api/views';
import { regionListSchema } from '@vpn-console/shared/api/regions';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, TEST_METRICS_TOKEN, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const base = `/api/v1/regions/${HZ}`;

let stack: TestStack;
beforeAll(async () => {
  // Short upstream timeouts: the hang faults below wait for them, attempt after attempt.
  stack = await startTestStack({
    env: { UPSTREAM_READ_TIMEOUT_MS: '1000', UPSTREAM_WRITE_TIMEOUT_MS: '1000' },
  });
});
afterAll(async () => {
  await stack.close();
});
afterEach(() => {
  stack.emulator.faults.clear();
  stack.emulator.resetCalls();
});

const metric = async (pattern: RegExp): Promise<number> => {
  const text = await (
    await fetch(`${stack.baseUrl}/metrics`, {
      headers: { Authorization: `Bearer ${TEST_METRICS_TOKEN}` },
    })
  ).text();
  const match = pattern.exec(text);
  return match?.[1] === undefined ? 0 : Number(match[1]);
};

describe('reads retry transient failures', () => {
  it.each([
    ['json5xx', { kind: 'json5xx' as const, count: 2 }],
    ['html502', { kind: 'html502' as const, count: 2 }],
    ['hang (timeout)', { kind: 'hang' as const, count: 1 }],
    ['throttle with x-acs-retry-after', { kind: 'throttle' as const, count: 1, retryAfterMs: 150 }],
    ['latency below the timeout', { kind: 'latency' as const, count: 1, latencyMs: 200 }],
  ])('recovers from %s', async (_name, fault) => {
    stack.emulator.faults.inject({ action: 'DescribeRegions', ...fault });
    const started = Date.now();
    const res = await stack.api.get('/api/v1/regions');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(regionListSchema.parse(res.body).items.length).toBeGreaterThan(0);
    const expectedCalls = fault.kind === 'latency' ? 1 : fault.count + 1;
    expect(stack.emulator.calls().DescribeRegions).toBe(expectedCalls);
    if (fault.kind === 'throttle') {
      // The server's x-acs-retry-after was honoured.
      expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    }
  });

  it('gives up after three attempts with a typed error and no upstream text', async () => {
    stack.emulator.faults.inject({ action: 'DescribeVpnGateways', kind: 'json5xx' });
    const res = await stack.api.get(`${base}/vpn-gateways`);
    expect(res.status).toBe(502);
    const { error } = apiErrorBodySchema.parse(res.body);
    expect(error.code).toBe('ServiceUnavailable');
    expect(error.requestId).toMatch(/.+/);
    expect(error.retryable).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/Signature|AccessKeyId|URL:/);
    expect(stack.emulator.calls().DescribeVpnGateways).toBe(3);
    expect(
      await metric(
        /bff_upstream_retries_total\{action="DescribeVpnGateways",reason="server-error"\} (\d+)/,
      ),
    ).toBe(2);
  });

  it('answers 504 when the cloud hangs on every attempt', async () => {
    stack.emulator.faults.inject({ action: 'DescribeCustomerGateways', kind: 'hang' });
    const res = await stack.api.get(`${base}/customer-gateways`);
    expect(res.status).toBe(504);
    expect(apiErrorBodySchema.parse(res.body).error.code).toBe('UpstreamTimeout');
  });

  it('answers 502 for an HTML error page on every attempt', async () => {
    stack.emulator.faults.inject({ action: 'DescribeCustomerGateways', kind: 'html502' });
    const res = await stack.api.get(`${base}/customer-gateways`);
    expect(res.status).toBe(502);
    expect(apiErrorBodySchema.parse(res.body).error.code).toBe('UpstreamInvalidResponse');
    expect(JSON.stringify(res.body)).not.toContain('Tengine');
  });

  it('does not retry a refusal (4xx) at all', async () => {
    const res = await stack.api.get(`${base}/vpn-gateways/vpn-doesnotexist000`);
    expect(res.status).toBe(404);
    expect(stack.emulator.calls().DescribeVpnGateway).toBe(1);
  });
});

describe('writes keep one ClientToken across retries', () => {
  const countWithIp = async (ip: string) =>
    customerGatewayListSchema
      .parse((await stack.api.get(`${base}/customer-gateways`)).body)
      .items.filter((c) => c.ipAddress === ip).length;

  it('creates exactly one resource when the create succeeds but answers 500 (retried with the same token)', async () => {
    stack.emulator.faults.inject({
      action: 'CreateCustomerGateway',
      kind: 'createSucceedsButAnswers500',
      count: 1,
    });
    const res = await stack.api.post(
      `${base}/customer-gateways`,
      { ipAddress: '198.51.100.200', name: 'ambiguous-1' },
      { 'Idempotency-Key': 'intent-ambiguous-1' },
    );
    const op = operationSchema.parse(res.body);
    const done = await stack.api.settled(op.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.resourceId).toMatch(/^cgw-/);
    expect(stack.emulator.calls().CreateCustomerGateway).toBe(2);
    expect(await countWithIp('198.51.100.200')).toBe(1);
  });

  it('reads back after every attempt failed ambiguously, and reports the resource that landed', async () => {
    stack.emulator.faults.inject({
      action: 'CreateCustomerGateway',
      kind: 'createSucceedsButAnswers500',
    });
    const res = await stack.api.post(
      `${base}/customer-gateways`,
      { ipAddress: '198.51.100.201', name: 'ambiguous-2' },
      { 'Idempotency-Key': 'intent-ambiguous-2' },
    );
    const op = operationSchema.parse(res.body);
    const done = await stack.api.settled(op.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.resourceId).toMatch(/^cgw-/);
    expect(stack.emulator.calls().CreateCustomerGateway).toBe(3);
    expect(stack.emulator.calls().DescribeCustomerGateways).toBeGreaterThanOrEqual(1);
    expect(await countWithIp('198.51.100.201')).toBe(1);
  });

  it('resending the same Idempotency-Key after an ambiguous failure creates nothing new', async () => {
    stack.emulator.faults.inject({
      action: 'CreateCustomerGateway',
      kind: 'createSucceedsButAnswers500',
      count: 1,
    });
    const body = { ipAddress: '198.51.100.202', name: 'ambiguous-3' };
    const headers = { 'Idempotency-Key': 'intent-ambiguous-3' };
    const first = operationSchema.parse(
      (await stack.api.post(`${base}/customer-gateways`, body, headers)).body,
    );
    await stack.api.settled(first.id);
    const second = operationSchema.parse(
      (await stack.api.post(`${base}/customer-gateways`, body, headers)).body,
    );
    expect(second.id).toBe(first.id);
    expect(await countWithIp('198.51.100.202')).toBe(1);
  });

  it('fails a write with the mapped error once the cloud keeps throttling', async () => {
    stack.emulator.faults.inject({
      action: 'CreateCustomerGateway',
      kind: 'throttle',
      retryAfterMs: 10,
    });
    const op = operationSchema.parse(
      (await stack.api.post(`${base}/customer-gateways`, { ipAddress: '198.51.100.203' })).body,
    );
    const done = await stack.api.settled(op.id);
    expect(done.state).toBe('failed');
    expect(done.error?.code).toMatch(/^Throttling/);
    expect(done.error?.httpStatus).toBe(503);
    expect(await countWithIp('198.51.100.203')).toBe(0);
  });
});
