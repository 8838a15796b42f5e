// History bench (issue 15): (1) upstream calls per gateway per hour the recorder makes against
// the demo cloud (a simulated hour of 60 s rounds; connections that are down have their logs
// read every round), (2) the time to draw a 30-day timeline of a connection that changed state
// every minute (43,200 changes): the history route's read (reduced in the store to 1 h buckets),
// its JSON size, and the web's reduction to the chart's stretches; beside it, reading every row
// as the CSV export does (what the route read before it was reduced).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { startEmulator } from '@vpn-console/vpc-emulator/server';
import { laneStretches } from '../../web/src/features/history/lib/timeline';
import { testConfig } from '../src/config';
import { HistoryRecorder } from '../src/history/recorder';
import { exportGatewayChanges, readGatewayHistory } from '../src/history/read';
import { createRuntime } from '../src/runtime';
import { openStore } from '../src/store/store';

const key = {
  accessKeyId: `LTAIbench${randomBytes(6).toString('hex')}`,
  accessKeySecret: randomBytes(18).toString('hex'),
};

async function callsPerGatewayHour(): Promise<void> {
  const emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    seed: 'demo',
    accessKeys: [key],
  });
  const runtime = await createRuntime(testConfig({}), {
    cloudTarget: { url: emulator.url, ...key },
    metricsDefaults: false,
  });
  const store = await openStore({ memory: true });
  let now = Date.now();
  const recorder = new HistoryRecorder({
    cloud: runtime.cloud,
    db: store.db,
    defaultRegion: 'cn-hangzhou',
    intervalMs: 60_000,
    fastMs: 10_000,
    retentionDays: 30,
    callsPerMinute: 10_000,
    holder: 'bench',
    now: () => now,
  });
  await recorder.runRound();
  const gateways = await store.db
    .selectFrom('history_current')
    .select((eb) => eb.fn.count('key').as('n'))
    .where('kind', '=', 'gateway')
    .where('lane', '=', 'gateway-status')
    .executeTakeFirst();
  const gatewayCount = Number(gateways?.n ?? 0);
  const down = await store.db
    .selectFrom('history_current')
    .select((eb) => eb.fn.count('key').as('n'))
    .where('lane', '=', 'negotiation')
    .where('value', '!=', 'ipsec_sa_established')
    .executeTakeFirst();
  // A steady hour: the first round (start-up, all new) is not counted.
  const before = recorder.calls;
  let rounds = 0;
  let elapsed = 0;
  while (elapsed < 3_600_000) {
    const wait = recorder.nextDelayMs();
    now += wait;
    elapsed += wait;
    await recorder.runRound();
    rounds += 1;
  }
  const calls = recorder.calls - before;
  process.stdout.write(
    `recorder: ${String(gatewayCount)} gateways in 4 regions, ${String(Number(down?.n ?? 0))} connections/tunnels not up (logs read every round)\n` +
      `recorder: ${String(rounds)} rounds in a simulated hour, ${String(calls)} upstream calls = ${(calls / gatewayCount).toFixed(1)} calls per gateway per hour\n`,
  );
  await store.close();
  await runtime.close();
  await emulator.close();
}

async function thirtyDayTimeline(): Promise<void> {
  const store = await openStore({ memory: true });
  const start = Date.UTC(2026, 9, 1);
  const minutes = 30 * 24 * 60;
  const rows = Array.from({ length: minutes }, (_, m) => ({
    region_id: 'cn-hangzhou',
    gateway_id: 'vpn-bench',
    kind: 'connection',
    subject_id: 'vco-bench',
    connection_id: 'vco-bench',
    lane: 'negotiation',
    value: m % 2 === 0 ? 'ike_sa_not_established' : 'ipsec_sa_established',
    at: new Date(start + m * 60_000),
  }));
  for (let i = 0; i < rows.length; i += 5000) {
    await store.db
      .insertInto('history_changes')
      .values(rows.slice(i, i + 5000))
      .execute();
  }
  await store.db
    .insertInto('history_current')
    .values({
      key: 'cn-hangzhou|connection|vco-bench|negotiation',
      region_id: 'cn-hangzhou',
      gateway_id: 'vpn-bench',
      gateway_name: 'bench',
      kind: 'connection',
      subject_id: 'vco-bench',
      connection_id: 'vco-bench',
      name: 'flapping',
      tunnel_index: null,
      lane: 'negotiation',
      value: 'ipsec_sa_established',
      since: new Date(start + (minutes - 1) * 60_000),
      seen_at: new Date(start + minutes * 60_000),
    })
    .execute();
  // Store size: bytes per change row (table and indexes), so rows per gateway per day price out.
  const size = await sql<{
    bytes: string;
  }>`select pg_total_relation_size('history_changes') as bytes`.execute(store.db);
  const bytesPerRow = Number(size.rows[0]?.bytes ?? 0) / minutes;
  process.stdout.write(
    `store: ${bytesPerRow.toFixed(0)} bytes per change row with its indexes; a connection changing every minute: 1440 rows = ${((1440 * bytesPerRow) / 1024).toFixed(0)} KiB a day; a steady gateway: 0 rows a day\n`,
  );
  const from = start;
  const to = start + minutes * 60_000;
  const query = {
    regionId: 'cn-hangzhou',
    gatewayId: 'vpn-bench',
    from: new Date(from),
    to: new Date(to),
  };
  const runs: Array<{
    read: number;
    draw: number;
    all: number;
    allBytes: number;
    bytes: number;
    stretches: number;
  }> = [];
  for (let i = 0; i < 5; i += 1) {
    const t0 = performance.now();
    const history = await readGatewayHistory(store.db, query);
    const t1 = performance.now();
    if (history === undefined) throw new Error('bench: nothing recorded');
    const bytes = JSON.stringify(history).length;
    const stretches = laneStretches(
      { ...history, from: new Date(from).toISOString(), to: new Date(to).toISOString() },
      'connection',
      'vco-bench',
      'negotiation',
    );
    const t2 = performance.now();
    let rows = 0;
    let allBytes = 0;
    for await (const page of exportGatewayChanges(store.db, query)) {
      rows += page.length;
      // Every row as JSON: what the route sent before it was reduced.
      allBytes += JSON.stringify(page).length;
    }
    const t3 = performance.now();
    if (rows !== minutes) throw new Error(`bench: the export read ${String(rows)} rows`);
    runs.push({
      read: t1 - t0,
      draw: t2 - t1,
      all: t3 - t2,
      allBytes,
      bytes,
      stretches: stretches.length,
    });
  }
  const median = (values: number[]) =>
    [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const m = (pick: (r: (typeof runs)[number]) => number) => median(runs.map(pick));
  process.stdout.write(
    `timeline: 30 days, ${String(minutes)} changes; median of 5: ` +
      `history route read (reduced in the store) ${m((r) => r.read).toFixed(0)} ms, ` +
      `${(m((r) => r.bytes) / 1024).toFixed(1)} KiB of JSON; ` +
      `reduce to ${String(m((r) => r.stretches))} stretches ${m((r) => r.draw).toFixed(1)} ms; ` +
      `every row (the CSV export's paged read) ${m((r) => r.all).toFixed(0)} ms, ` +
      `${(m((r) => r.allBytes) / 1024 / 1024).toFixed(1)} MiB as JSON\n`,
  );
  await store.close();
}

await callsPerGatewayHour();
await thirtyDayTimeline();
