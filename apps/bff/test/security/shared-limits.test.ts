// Callers' limits shared by replicas (issue 16): two BFFs on one store, as behind a load
// balancer. The PSK check's per-user limit and one account's watch budget of cloud calls are
// counted once for the deployment: spreading requests over replicas gains nothing (it used to
// give N times the limit).
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store';
import { openTestStore, testDatabaseUrl } from '../../src/store/testing';
import { startTestStack, type TestStack } from '../harness';

const SERVER = `/api/v1/regions/cn-hangzhou/ipsec-servers/${DEMO_IDS.ipsecServer}`;

describe('PSK check and watch limits across two replicas on one store', () => {
  let store: Store;
  let a: TestStack;
  let b: TestStack;
  beforeAll(async () => {
    store = await openTestStore(testDatabaseUrl() === undefined ? 'pglite' : 'postgres');
    const options = {
      store,
      env: { POLL_FAST_MS: '60000', POLL_SLOW_MS: '60000', SSE_WATCH_CALLS_PER_MINUTE: '12' },
      security: {
        pskCheckLimits: {
          perUser: { limit: 4, windowMs: 60 * 60_000 },
          perResource: { limit: 100, windowMs: 60 * 60_000 },
        },
      },
    };
    a = await startTestStack(options);
    b = await startTestStack(options);
  }, 120_000);
  afterAll(async () => {
    await a.close();
    await b.close();
    await store.close();
  }, 120_000);

  /** A new session of one of a's accounts (sessions live in the store: both replicas accept it). */
  const session = (role: 'viewer' | 'operator') => a.signIn(role);

  it("counts one user's PSK checks on both replicas against one limit", async () => {
    const viewer = await session('viewer');
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const replica = i % 2 === 0 ? a : b;
      const res = await replica.api.post(`${SERVER}/psk/check`, { psk: `guess-${i}` }, viewer);
      statuses.push(res.status);
    }
    // 4 for the deployment, not 4 per replica.
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429, 429, 429]);
  });

  it("spends one account's watch budget once, whichever replica the changes reach", async () => {
    const operator = await session('operator');
    const streams = [a, b].map(async (stack) => {
      const events = await stack.api.events('', operator);
      const hello = await events.next('hello');
      await events.next('snapshot');
      return { stack, events, path: `/api/v1/events/${hello.streamId}/watch` };
    });
    const [onA, onB] = await Promise.all(streams);
    if (onA === undefined || onB === undefined) throw new Error('no streams');
    a.emulator.resetCalls();
    b.emulator.resetCalls();
    const gateway = { regionId: 'cn-hangzhou', vpnGatewayId: DEMO_IDS.gateways.free2 };
    const refused: string[] = [];
    // Each re-watch of a gateway nobody watches is a first poll (2 calls) of a budget of 12
    // for the whole deployment; alternate replicas.
    for (let i = 0; i < 10; i += 1) {
      for (const [name, s] of [
        ['a', onA],
        ['b', onB],
      ] as const) {
        const res = await s.stack.api.put(s.path, { gateways: [gateway] }, operator);
        if (res.status === 429) {
          refused.push(name);
          expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
        } else expect(res.status).toBe(204);
        expect((await s.stack.api.put(s.path, { gateways: [] }, operator)).status).toBe(204);
      }
    }
    expect(refused).toContain('a');
    expect(refused).toContain('b');
    const spent = [a, b]
      .map((stack) => stack.emulator.calls())
      .reduce(
        (sum, calls) =>
          sum +
          (calls.DescribeVpnGateways ?? 0) +
          (calls.DescribeVpnGateway ?? 0) +
          (calls.DescribeVpnConnections ?? 0),
        0,
      );
    expect(spent).toBeLessThanOrEqual(12);
    onA.events.close();
    onB.events.close();
  });
});
