// The status hub over SSE: snapshot, change events, one poll per gateway per interval however
// many streams watch, heartbeat, reconnect, stale-since, operations and shutdown.
import type { SseEvent } from '@vpn-console/shared/api/events';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { cooperativePeer } from '@vpn-console/vpc-emulator/state';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestStack, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const gw = DEMO_IDS.gateways;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const watch = (...ids: string[]) => `?gateways=${ids.map((id) => `${HZ}/${id}`).join(',')}`;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    // Many streams of one session (fan-out), so the per-caller caps are lifted here.
    env: {
      POLL_FAST_MS: '100',
      POLL_SLOW_MS: '400',
      SSE_HEARTBEAT_MS: '150',
      // Long enough that a loaded machine's first poll of a new connection falls inside it.
      NEGOTIATION_VERDICT_MS: '8000',
      SSE_MAX_STREAMS_PER_SESSION: '1000',
      SSE_MAX_STREAMS_PER_ACCOUNT: '10000',
    },
    updatingMs: 400,
    runtime: { fastWindowMs: 500 },
  });
});
afterAll(async () => {
  await stack.close();
});
afterEach(async () => {
  stack.emulator.faults.clear();
  stack.api.closeStreams();
  await sleep(50);
});

describe('GET /api/v1/events', () => {
  it('streams with SSE headers, a hello and a snapshot of the watched gateways', async () => {
    const events = await stack.api.events(watch(gw.free1, gw.connections));
    expect(events.status).toBe(200);
    expect(events.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(events.headers['cache-control']).toBe('no-store, no-transform');
    expect(events.headers['x-content-type-options']).toBe('nosniff');
    expect(events.headers['content-security-policy']).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(events.headers['x-request-id']).toBeDefined();
    expect(events.headers['x-accel-buffering']).toBe('no');
    expect(events.headers['content-encoding']).toBeUndefined();
    const hello = await events.next('hello');
    expect(hello.streamId).toMatch(/^[0-9a-f-]{36}$/);
    const snapshot = await events.next('snapshot');
    const ids = snapshot.gateways.map((g) => g.vpnGatewayId).sort();
    expect(ids).toEqual([gw.connections, gw.free1].sort());
    const connections = snapshot.gateways.find((g) => g.vpnGatewayId === gw.connections);
    expect(connections?.gateway?.status).toBe('active');
    expect(connections?.connections.length).toBeGreaterThanOrEqual(5);
    expect(connections?.staleSince).toBeNull();
    expect(events.events.every((e) => e.id !== undefined)).toBe(true);
    events.close();
  });

  it('refuses a malformed watch list', async () => {
    const res = await stack.api.get('/api/v1/events?gateways=not*valid');
    expect(res.status).toBe(400);
  });

  it('sends heartbeat comments', async () => {
    const events = await stack.api.events(watch(gw.free1));
    await events.waitForComment('hb', 2000);
    events.close();
  });

  it('sends only changes, with increasing ids, when the gateway status changes', async () => {
    const events = await stack.api.events(watch(gw.free2));
    await events.next('snapshot');
    const before = events.events.length;
    await sleep(500);
    // Stable gateway: nothing but the snapshot (heartbeats are comments).
    expect(events.events.slice(before).filter((e) => e.event.type === 'gateway')).toHaveLength(0);
    // Updating until the stream has said so (a 1.5 s spell could fall between two late polls).
    stack.emulator.setGatewayStatus(gw.free2, 'updating', 600_000);
    const updating = await events.next('gateway', (e) => e.gateway?.status === 'updating', 30_000);
    expect(updating.vpnGatewayId).toBe(gw.free2);
    stack.emulator.setGatewayStatus(gw.free2, 'active');
    const active = await events.next('gateway', (e) => e.gateway?.status === 'active', 30_000);
    expect(active.pollIntervalMs).toBeGreaterThan(0);
    const ids = events.events.map((e) => Number(e.id));
    expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    events.close();
  });

  it('streams each tunnel of a dual-tunnel connection: role, status, BGP, and a tunnel coming up', async () => {
    const healthy = await stack.api.events(watch(gw.dualTunnel));
    const hz = (await healthy.next('snapshot')).gateways[0];
    expect(hz?.gateway).toMatchObject({
      dualTunnel: true,
      internetIp: '192.0.2.130',
      disasterRecoveryInternetIp: '192.0.2.132',
      disasterRecoveryVSwitchId: 'vsw-demo0013dr',
    });
    expect(hz?.connections[0]?.tunnels).toEqual([
      {
        tunnelId: DEMO_IDS.tunnels.dualHealthyMaster,
        // Seen up, long after its creation: the verdict, with no attempt time to tell.
        negotiation: 'established',
        role: 'master',
        status: 'ipsec_sa_established',
        state: 'active',
        bgpStatus: 'success',
        customerGatewayId: DEMO_IDS.customerGateways.dualA,
        internetIp: '192.0.2.130',
      },
      {
        tunnelId: DEMO_IDS.tunnels.dualHealthySlave,
        // Seen up, long after its creation: the verdict, with no attempt time to tell.
        negotiation: 'established',
        role: 'slave',
        status: 'ipsec_sa_established',
        state: 'active',
        bgpStatus: 'success',
        customerGatewayId: DEMO_IDS.customerGateways.dualB,
        internetIp: '192.0.2.132',
      },
    ]);
    healthy.close();

    const events = await stack.api.events(`?gateways=cn-shanghai/${gw.dualTunnelDown}`);
    const [entry] = (await events.next('snapshot')).gateways;
    const tunnels = entry?.connections[0]?.tunnels ?? [];
    expect(tunnels.map((t) => [t.role, t.status, t.bgpStatus])).toEqual([
      ['master', 'ipsec_sa_established', undefined],
      ['slave', 'ike_sa_not_established', undefined],
    ]);
    // The standby's peer now takes the tunnel's key: only that tunnel's status changes.
    stack.emulator.setPeerProfile(DEMO_IDS.customerGateways.dualDownB, cooperativePeer);
    try {
      const up = await events.next(
        'connections',
        (e) => e.connections[0]?.tunnels?.[1]?.status === 'ipsec_sa_established',
        3000,
      );
      expect(up.connections[0]?.tunnels?.map((t) => t.status)).toEqual([
        'ipsec_sa_established',
        'ipsec_sa_established',
      ]);
    } finally {
      stack.emulator.setPeerProfile(DEMO_IDS.customerGateways.dualDownB, {
        ...cooperativePeer,
        psk: DEMO_IDS.peerPsk,
      });
      events.close();
    }
  });

  // Two writes settled and undone, the verdict window in between: more than 30 s under load.
  it(
    'reads a new connection as negotiating until its verdict: established, or failed with the attempt time',
    { timeout: 120_000 },
    async () => {
      const events = await stack.api.events(watch(gw.free1));
      await events.next('snapshot');
      // Every reading of each connection, in order (a new one only when it changes); each event
      // is read once, however many waits look through the stream.
      const verdicts = new Map<string, string[]>();
      const attempt = new Map<string, string>();
      const read = new WeakSet<object>();
      const record = (e: Extract<SseEvent, { type: 'connections' }>) => {
        if (read.has(e)) return;
        read.add(e);
        for (const c of e.connections) {
          const seen = verdicts.get(c.id) ?? [];
          if (c.negotiation !== undefined && seen.at(-1) !== c.negotiation)
            seen.push(c.negotiation);
          verdicts.set(c.id, seen);
          if (c.attemptAt !== undefined) attempt.set(c.id, c.attemptAt);
        }
      };
      const reading = (id: string, verdict: string) =>
        events.next(
          'connections',
          (e) => {
            record(e);
            return verdicts.get(id)?.at(-1) === verdict;
          },
          30_000,
        );
      const create = async (name: string, customerGatewayId: string, remote: string) => {
        const res = await stack.api.post(`/api/v1/regions/${HZ}/vpn-connections`, {
          vpnGatewayId: gw.free1,
          customerGatewayId,
          name,
          localSubnet: ['172.20.1.0/24'],
          remoteSubnet: [remote],
        });
        expect(res.status).toBe(202);
        const done = await stack.api.settled((res.body as { id: string }).id);
        expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
        return done.resourceId ?? '';
      };
      // The good connection's peer refuses its key until the console has read the connection as
      // negotiating, then takes it: the emulator's peer would otherwise agree within 200 ms, a
      // moment a poll on a loaded machine can miss (the first reading would be the verdict).
      const cgw = DEMO_IDS.customerGateways.free;
      stack.emulator.setPeerProfile(cgw, { ...cooperativePeer, psk: DEMO_IDS.peerPsk });
      const made: string[] = [];
      try {
        const good = await create('e2e-good', cgw, '10.61.0.0/24');
        made.push(good);
        await reading(good, 'negotiating');
        stack.emulator.setPeerProfile(cgw, cooperativePeer);
        await reading(good, 'established');
        const bad = await create('e2e-bad', DEMO_IDS.customerGateways.ikeMismatch, '10.62.0.0/24');
        made.push(bad);
        await reading(bad, 'failed');
        // Never red before the verdict: negotiating first, for both.
        expect(verdicts.get(good)).toEqual(['negotiating', 'established']);
        expect(verdicts.get(bad)).toEqual(['negotiating', 'failed']);
        expect(attempt.get(bad)).toMatch(/^\d{4}-\d\d-\d\dT/);
      } finally {
        stack.emulator.setPeerProfile(cgw, cooperativePeer);
        events.close();
        for (const id of made) {
          await stack.api.settled(
            (
              (await stack.api.delete(`/api/v1/regions/${HZ}/vpn-connections/${id}`)).body as {
                id: string;
              }
            ).id,
          );
        }
      }
    },
  );

  it('polls a gateway once per interval however many streams watch it', async () => {
    const streams = await Promise.all(
      Array.from({ length: 20 }, () => stack.api.events(watch(gw.locked))),
    );
    await Promise.all(streams.map((s) => s.next('snapshot')));
    const polls = () => stack.emulator.calls().DescribeVpnGateway ?? 0;
    stack.emulator.resetCalls();
    const started = Date.now();
    // Polling goes on: three polls since the reset, however late a loaded machine runs them.
    await vi.waitFor(
      () => {
        expect(polls()).toBeGreaterThanOrEqual(3);
      },
      { timeout: 30_000, interval: 20 },
    );
    // Slow interval 400 ms: at most one poll per interval begun (a late timer only means fewer),
    // whatever the number of streams — 20 streams each polling would be 20 times as many.
    expect(polls()).toBeLessThanOrEqual(Math.ceil((Date.now() - started) / 400) + 1);
    for (const s of streams) s.close();
    // Nobody watches once the hub has heard every close; a poll then in flight may still land.
    await vi.waitFor(
      async () => {
        const health = (await stack.api.get('/api/v1/health')).body as { watchedGateways: number };
        expect(health.watchedGateways).toBe(0);
      },
      { timeout: 30_000, interval: 50 },
    );
    await sleep(500);
    stack.emulator.resetCalls();
    await sleep(900);
    // Nobody watches: no polling at all.
    expect(polls()).toBe(0);
  });

  it('changes the watched set of an open stream with PUT …/watch', async () => {
    const events = await stack.api.events();
    const hello = await events.next('hello');
    const first = await events.next('snapshot');
    expect(first.gateways).toHaveLength(0);
    const res = await stack.api.put(`/api/v1/events/${hello.streamId}/watch`, {
      gateways: [{ regionId: HZ, vpnGatewayId: gw.servers }],
    });
    expect(res.status).toBe(204);
    const second = await events.next('snapshot', (s) => s.gateways.length === 1);
    expect(second.gateways[0]?.gateway?.id).toBe(gw.servers);
    const unknown = await stack.api.put(
      `/api/v1/events/00000000-0000-4000-8000-000000000000/watch`,
      { gateways: [] },
    );
    expect(unknown.status).toBe(404);
    // Another session may not steer this stream: it does not exist for them.
    const stranger = await stack.as('viewer');
    const foreign = await stranger.put(`/api/v1/events/${hello.streamId}/watch`, {
      gateways: [{ regionId: HZ, vpnGatewayId: gw.free1 }],
    });
    expect(foreign.status).toBe(404);
    const bad = await stack.api.put(`/api/v1/events/${hello.streamId}/watch`, {
      gateways: [{ regionId: HZ }],
    });
    expect(bad.status).toBe(400);
    events.close();
  });

  it('marks a gateway stale when the cloud cannot be reached and fresh again after', async () => {
    const events = await stack.api.events(watch(gw.sslDisabled));
    await events.next('snapshot');
    stack.emulator.faults.inject({ action: 'DescribeVpnGateway', kind: 'json5xx' });
    const stale = await events.next('stale', (e) => e.staleSince !== null, 5000);
    expect(stale.staleReason).toBe('ServiceUnavailable');
    stack.emulator.faults.clear();
    await events.next('stale', (e) => e.staleSince === null, 5000);
    events.close();
  });

  it('gives a full snapshot again on reconnect (Last-Event-ID)', async () => {
    const first = await stack.api.events(watch(gw.free1));
    await first.next('snapshot');
    const lastId = first.events.at(-1)?.id ?? '';
    first.close();
    const again = await stack.api.events(watch(gw.free1), { 'Last-Event-ID': lastId });
    const snapshot = await again.next('snapshot');
    expect(snapshot.gateways[0]?.gateway?.id).toBe(gw.free1);
    expect(Number(again.events.at(-1)?.id)).toBeGreaterThan(Number(lastId));
    again.close();
  });

  it('carries the state of operations started from the tab', async () => {
    const events = await stack.api.events(watch(gw.servers));
    await events.next('snapshot');
    const list = (
      await stack.api.get(`/api/v1/regions/${HZ}/ssl-vpn-servers?vpnGatewayId=${gw.servers}`)
    ).body as { items: Array<{ id: string }> };
    const id = list.items[0]?.id ?? '';
    const res = await stack.api.patch(`/api/v1/regions/${HZ}/ssl-vpn-servers/${id}`, {
      name: 'via-sse',
    });
    expect(res.status).toBe(202);
    const applying = await events.next('operation', (e) => e.operation.state === 'applying');
    expect(applying.operation.resourceId).toBe(id);
    await events.next('operation', (e) => e.operation.state === 'succeeded', 5000);
    events.close();
  });

  it('counts open streams in health and tells clients to reconnect on shutdown', async () => {
    const own = await startTestStack({ env: { POLL_SLOW_MS: '400' } });
    const events = await own.api.events(watch(gw.free1));
    await events.next('snapshot');
    const health = (await own.api.get('/api/v1/health')).body as {
      openStreams: number;
      watchedGateways: number;
    };
    expect(health.openStreams).toBe(1);
    expect(health.watchedGateways).toBe(1);
    const closing = own.close();
    await events.next('reconnect', undefined, 3000);
    await events.ended;
    expect(events.retries.at(-1)).toBeGreaterThanOrEqual(1000);
    await closing;
  });
});
