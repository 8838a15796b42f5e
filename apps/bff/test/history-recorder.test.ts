// The history recorder (issue 15) against a real emulator on a clock the test moves: changes only,
// log windows without gaps or duplicates, the call budget held, pruning, one recorder per store,
// and the history surviving a restart of the BFF (a PGlite store on disk, reopened).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmulator, type RunningEmulator } from '@vpn-console/vpc-emulator/server';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { cooperativePeer } from '@vpn-console/vpc-emulator/state';
import { describeVpnConnectionLogsResponseSchema } from '@vpn-console/shared/responses/vpn-connection-logs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig } from '../src/config';
import { createMetrics, type Metrics } from '../src/http/metrics';
import { HistoryRecorder, logLineTime, RecorderCallBudget } from '../src/history/recorder';
import { readGatewayHistory } from '../src/history/read';
import { readHealthOverview, readLogLines, recordObservations } from '../src/history/store';
import { createRuntime, type Runtime } from '../src/runtime';
import { openStore, type Store } from '../src/store/store';

const HZ = 'cn-hangzhou';
const ids = DEMO_IDS;

let clockMs = 0;
/** Added to the recorder's clock only (the emulator checks signatures against its own). */
let recorderOffsetMs = 0;
let emulator: RunningEmulator;
let runtime: Runtime;
let store: Store;

const key = {
  accessKeyId: `LTAItest${randomBytes(6).toString('hex')}`,
  accessKeySecret: randomBytes(18).toString('hex'),
};

beforeEach(async () => {
  // Real time to the second (the signature's timestamp is checked against the emulated clock).
  clockMs = Math.floor(Date.now() / 1000) * 1000;
  recorderOffsetMs = 0;
  emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    seed: 'demo',
    accessKeys: [key],
    updatingMs: 300,
    negotiationMs: 200,
    faultControl: true,
    clock: () => clockMs,
  });
  // Past the demo's `updating` gateway (updatingMs): the first look sees a settled cloud.
  clockMs += 1000;
  runtime = await createRuntime(testConfig({ UPSTREAM_READ_TIMEOUT_MS: '2000' }), {
    cloudTarget: { url: emulator.url, ...key },
    readPolicy: { baseDelayMs: 10, maxDelayMs: 50 },
    metricsDefaults: false,
  });
  for (const table of [
    'history_changes',
    'history_current',
    'history_logs',
    'history_log_cursors',
    'leases',
  ] as const) {
    await store.db.deleteFrom(table).execute();
  }
});
// One in-memory store for the file (PGlite takes seconds to start), emptied before each test.
beforeAll(async () => {
  store = await openStore({ memory: true });
});
afterAll(async () => {
  await store.close();
});
afterEach(async () => {
  await runtime.close();
  await emulator.close();
});

const recorder = (overrides: Partial<ConstructorParameters<typeof HistoryRecorder>[0]> = {}) =>
  new HistoryRecorder({
    cloud: runtime.cloud,
    db: store.db,
    defaultRegion: HZ,
    intervalMs: 60_000,
    fastMs: 10_000,
    retentionDays: 30,
    callsPerMinute: 1000,
    holder: `test-${randomBytes(3).toString('hex')}`,
    now: () => clockMs + recorderOffsetMs,
    ...overrides,
  });

const setPeer = async (customerGatewayId: string, peer: object) => {
  const res = await fetch(
    `${emulator.url}/__emulator/customer-gateways/${customerGatewayId}/peer`,
    {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(peer),
    },
  );
  expect(res.status).toBe(200);
};

const history = (from: number, connectionId?: string) =>
  readGatewayHistory(store.db, {
    regionId: HZ,
    gatewayId: ids.gateways.connections,
    from: new Date(from),
    to: new Date(clockMs + 1),
    connectionId,
  });

describe('history recorder', () => {
  it('stores changes only, with the time first seen', async () => {
    const r = recorder();
    const start = clockMs;
    const first = await r.runRound();
    expect(first.complete).toBe(true);
    expect(first.changes).toBeGreaterThan(20);
    clockMs += 60_000;
    const second = await r.runRound();
    expect(second.changes).toBe(0);

    // The healthy connection's peer now refuses its phase 1: one change, at the round that saw it.
    await setPeer(ids.customerGateways.cooperative, { ...cooperativePeer, ikeEncAlgs: ['aes256'] });
    clockMs += 60_000;
    const seenAt = clockMs;
    const third = await r.runRound();
    expect(third.changes).toBe(1);
    const h = await history(start, ids.connections.established);
    const negotiation = h?.changes.filter((c) => c.lane === 'negotiation') ?? [];
    expect(negotiation.map((c) => [c.value, Date.parse(c.at)])).toEqual([
      ['ipsec_sa_established', start],
      ['ike_sa_not_established', seenAt],
    ]);
    const overview = await readHealthOverview(store.db, { q: 'to-branch-ok' });
    expect(overview.items).toEqual([
      expect.objectContaining({
        subjectId: ids.connections.established,
        lane: 'negotiation',
        since: new Date(seenAt).toISOString(),
      }),
    ]);
  });

  it('reads the logs of a connection that is down in windows without gaps or duplicates', async () => {
    const r = recorder();
    await r.runRound();
    await setPeer(ids.customerGateways.cooperative, { ...cooperativePeer, psk: 'another-key' });
    const downAt = clockMs;
    // Rounds at irregular intervals (fast, slow, a missed one).
    for (const step of [10_000, 10_000, 47_000, 130_000, 10_000, 61_000]) {
      clockMs += step;
      await r.runRound();
    }
    const stored = await readLogLines(store.db, HZ, ids.connections.established, {
      from: new Date(downAt - 1000),
      to: new Date(clockMs + 1000),
      limit: 10_000,
    });
    // Everything the cloud has for the whole span, in one look.
    const lines: string[] = [];
    for (let page = 1; page < 10; page += 1) {
      const { data } = await runtime.cloud.call(
        'DescribeVpnConnectionLogs',
        {
          VpnConnectionId: ids.connections.established,
          From: Math.floor(downAt / 1000) - 1,
          To: Math.floor(clockMs / 1000),
          PageNumber: page,
          PageSize: 50,
        },
        { regionId: HZ, schema: describeVpnConnectionLogsResponseSchema },
      );
      lines.push(...(data.Data?.Logs ?? []));
      if (data.IsCompleted === true) break;
    }
    expect(lines.length).toBeGreaterThan(10);
    expect(stored.items.map((l) => l.line)).toEqual(lines);
    expect(stored.items.some((l) => l.line.includes('AUTHENTICATION_FAILED'))).toBe(true);
    expect(new Set(stored.items.map((l) => l.line)).size).toBe(stored.items.length);
    expect(stored.items[0]?.at).toBe(logLineTime(lines[0] ?? '', new Date(0)).toISOString());
  });

  it('stops following the logs 10 minutes after the tunnel is up again', async () => {
    const r = recorder();
    await setPeer(ids.customerGateways.cooperative, { ...cooperativePeer, psk: 'another-key' });
    clockMs += 1000;
    await r.runRound();
    const before = runtime.cloud.callBudget.state();
    expect(before.granted.background).toBeGreaterThan(0);
    await setPeer(ids.customerGateways.cooperative, cooperativePeer);
    clockMs += 60_000;
    const up = await r.runRound();
    expect(up.changes).toBeGreaterThan(0);
    clockMs += 5 * 60_000;
    const following = await r.runRound();
    clockMs += 6 * 60_000;
    const done = await r.runRound();
    clockMs += 60_000;
    const after = await r.runRound();
    // Following: one log call per not-up subject plus this one; done: the cursor was dropped.
    expect(following.calls).toBeGreaterThan(after.calls);
    expect(done.calls).toBeGreaterThanOrEqual(after.calls);
  });

  it('never makes more upstream calls than its budget in any minute, and resumes where it stopped', async () => {
    const r = recorder({ callsPerMinute: 4 });
    const first = await r.runRound();
    expect(first.calls).toBe(4);
    expect(first.complete).toBe(false);
    clockMs += 30_000;
    const same = await r.runRound();
    expect(same.calls).toBe(0);
    let total = first.calls;
    for (let i = 0; i < 6; i += 1) {
      clockMs += 60_000;
      const round = await r.runRound();
      expect(round.calls).toBeLessThanOrEqual(4);
      total += round.calls;
    }
    expect(total).toBeLessThanOrEqual(4 * 7);
    // Every region got recorded in the end (the cursor moved on instead of restarting).
    const overview = await readHealthOverview(store.db, {});
    expect(new Set(overview.items.map((i) => i.regionId))).toEqual(
      new Set(['cn-hangzhou', 'cn-shanghai']),
    );
    const budget = new RecorderCallBudget(2, () => clockMs);
    expect([budget.take(), budget.take(), budget.take()]).toEqual([true, true, false]);
    clockMs += 60_000;
    expect(budget.take()).toBe(true);
  });

  it('keeps a share of its budget for the logs when the status of every region needs more', async () => {
    // A cap of 4 a minute cannot look at the demo's regions in one round (as 1,000 gateways
    // cannot at the default cap): the logs of what is down must still be read.
    const r = recorder({ callsPerMinute: 4 });
    await setPeer(ids.customerGateways.cooperative, { ...cooperativePeer, psk: 'another-key' });
    const downAt = clockMs;
    const authFailures = async () =>
      (
        await readLogLines(store.db, HZ, ids.connections.established, {
          from: new Date(downAt - 1000),
          to: new Date(clockMs + 1000),
          limit: 10_000,
        })
      ).items.filter((l) => l.line.includes('AUTHENTICATION_FAILED')).length;
    // Several subjects are down in the demo; each gets its turn within some rounds.
    for (let i = 0; i < 24 && (await authFailures()) === 0; i += 1) {
      clockMs += 60_000;
      const round = await r.runRound();
      expect(round.calls).toBeLessThanOrEqual(4);
    }
    expect(await authFailures()).toBeGreaterThan(0);
  });

  it('goes fast while things change and back to the interval when quiet', async () => {
    const r = recorder();
    await r.runRound();
    expect(r.nextDelayMs()).toBe(10_000);
    clockMs += 3 * 60_000;
    await r.runRound();
    expect(r.nextDelayMs()).toBe(60_000);
  });

  it('prunes what is older than the retention, keeping what still holds', async () => {
    const day = 86_400_000;
    const oldAt = clockMs - 3 * day;
    await recordObservations(
      store.db,
      HZ,
      [
        {
          regionId: HZ,
          gatewayId: ids.gateways.connections,
          gatewayName: 'hz-site-to-site',
          kind: 'connection',
          subjectId: ids.connections.established,
          connectionId: ids.connections.established,
          name: 'to-branch-ok',
          tunnelIndex: null,
          lane: 'negotiation',
          value: 'ike_sa_not_established',
        },
      ],
      new Date(oldAt),
      false,
    );
    const r = recorder({ retentionDays: 1 });
    await r.runRound();
    const h = await history(oldAt - day, ids.connections.established);
    const negotiation = h?.changes.filter((c) => c.lane === 'negotiation') ?? [];
    // The old change is gone; today's value (up) is what the store holds.
    expect(negotiation.map((c) => c.value)).toEqual(['ipsec_sa_established']);
    // A quiet subject keeps its value as the timeline's start though its change row was pruned.
    recorderOffsetMs = 2 * day;
    const later = recorder({ retentionDays: 1 });
    await later.runRound();
    const h2 = await readGatewayHistory(store.db, {
      regionId: HZ,
      gatewayId: ids.gateways.connections,
      from: new Date(clockMs + recorderOffsetMs - 3600_000),
      to: new Date(clockMs + recorderOffsetMs),
      connectionId: ids.connections.established,
    });
    expect(h2?.changes).toEqual([]);
    expect(h2?.baseline.find((c) => c.lane === 'negotiation')?.value).toBe('ipsec_sa_established');
  });

  // Opening a PGlite store on disk twice takes tens of seconds on a loaded machine: 120 s.
  it('survives a restart: the history is read back and nothing is recorded twice', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'h15-history-'));
    const shared = store;
    store = await openStore({ dataDir });
    const start = clockMs;
    await recorder().runRound();
    await store.close();
    store = await openStore({ dataDir });
    const h = await history(start - 1000);
    expect(h?.changes.length).toBeGreaterThan(10);
    clockMs += 60_000;
    const again = await recorder().runRound();
    expect(again.changes).toBe(0);
    await store.close();
    store = shared;
    await rm(dataDir, { recursive: true, force: true });
  }, 120_000);

  it('runs on one replica only: the lease in the store', async () => {
    // Each replica's /metrics says whether it holds the lease.
    const metricsA = createMetrics(false);
    const metricsB = createMetrics(false);
    const a = recorder({ holder: 'replica-a', metrics: metricsA.history });
    const b = recorder({ holder: 'replica-b', metrics: metricsB.history });
    a.start();
    b.start();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect([a.active, b.active].filter(Boolean)).toHaveLength(1);
    const held = async (m: Metrics) =>
      (await m.registry.getSingleMetric('bff_history_recorder_lease_held')?.get())?.values[0]
        ?.value;
    expect([await held(metricsA), await held(metricsB)].sort()).toEqual([0, 1]);
    await a.stop();
    await b.stop();
  });
});
