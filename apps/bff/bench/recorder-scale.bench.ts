// The history recorder at 1,000 gateways (issue 18): the emulator's scale seed (25 regions,
// 1,000 gateways, 5,000 connections, a few tunnels flapping) and the recorder with the default
// configuration (60 s interval, 10 s for two minutes after a change, HISTORY_CALLS_PER_MINUTE 120,
// behind the account's default call budget). A simulated hour of rounds on the recorder's clock
// (its per-minute cap follows that clock; the calls themselves are real, through the account's
// token bucket, so the hour takes a few minutes). Prints the upstream calls per gateway per hour,
// the total against the recorder's cap and the account's budget, and how often each region is
// actually looked at against the interval: when the cap cannot pay for a full round, a round stops
// where the cap ran out and the next one goes on from there, so a full pass takes longer.
import { randomBytes } from 'node:crypto';
import type { RpcAction } from '@vpn-console/shared/rpc-types';
import { startEmulator } from '@vpn-console/vpc-emulator/server';
import { testConfig } from '../src/config';
import { HistoryRecorder } from '../src/history/recorder';
import { createRuntime } from '../src/runtime';
import { openStore } from '../src/store/store';

const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? '1000');
const HOUR_MS = 3_600_000;

const key = {
  accessKeyId: `LTAIbench${randomBytes(6).toString('hex')}`,
  accessKeySecret: randomBytes(18).toString('hex'),
};

const config = testConfig({});
const emulator = await startEmulator({
  host: '127.0.0.1',
  port: 0,
  seed: 'scale',
  scale: { gateways: GATEWAYS },
  accessKeys: [key],
});
const runtime = await createRuntime(config, {
  cloudTarget: { url: emulator.url, ...key },
  metricsDefaults: false,
});
const store = await openStore({ memory: true });
let now = Date.now();
const byAction = new Map<RpcAction, number>();
const outcomes = { complete: 0, partial: 0, failed: 0 };
const recorder = new HistoryRecorder({
  cloud: runtime.cloud,
  db: store.db,
  defaultRegion: 'cn-hangzhou',
  intervalMs: config.history.intervalMs,
  fastMs: config.history.fastMs,
  retentionDays: config.history.retentionDays,
  callsPerMinute: config.history.callsPerMinute,
  holder: 'bench',
  now: () => now,
  metrics: {
    round: (outcome) => {
      outcomes[outcome] += 1;
    },
    upstreamCall: (action) => {
      byAction.set(action, (byAction.get(action) ?? 0) + 1);
    },
    pruned: () => undefined,
    leaseHeld: () => undefined,
  },
});

// Start-up: rounds until every region has been seen once (not counted).
const startedAt = performance.now();
while ((byAction.get('DescribeVpnGateways') ?? 0) < 25) {
  await recorder.runRound();
  now += recorder.nextDelayMs();
}
const regions = await store.db
  .selectFrom('history_current')
  .select('region_id')
  .distinct()
  .execute();
const before = { calls: recorder.calls, visits: byAction.get('DescribeVpnGateways') ?? 0 };
byAction.clear();
for (const k of Object.keys(outcomes) as (keyof typeof outcomes)[]) outcomes[k] = 0;

let elapsed = 0;
let fastRounds = 0;
while (elapsed < HOUR_MS) {
  const wait = recorder.nextDelayMs();
  if (wait === config.history.fastMs) fastRounds += 1;
  now += wait;
  elapsed += wait;
  await recorder.runRound();
}
const notUp = await store.db
  .selectFrom('history_current')
  .select((eb) => eb.fn.count('key').as('n'))
  .where('lane', '=', 'negotiation')
  .where('value', '!=', 'ipsec_sa_established')
  .executeTakeFirst();
const logReads = byAction.get('DescribeVpnConnectionLogs') ?? 0;
const realSeconds = (performance.now() - startedAt) / 1000;
const calls = recorder.calls - before.calls;
const visits = byAction.get('DescribeVpnGateways') ?? 0;
const regionCount = regions.length;
const passes = visits / Math.max(1, regionCount);
const capPerHour = config.history.callsPerMinute * 60;
const budgetPerHour = config.cloud.callsPerSecond * 3600;
const rounds = outcomes.complete + outcomes.partial + outcomes.failed;
const actions = [...byAction.entries()]
  .sort((a, b) => b[1] - a[1])
  .map(([action, n]) => `${action} ${String(n)}`)
  .join(', ');

process.stdout.write(
  `recorder at scale: ${String(GATEWAYS)} gateways in ${String(regionCount)} regions (scale seed), default settings: ` +
    `interval ${String(config.history.intervalMs / 1000)} s (fast ${String(config.history.fastMs / 1000)} s after a change), ` +
    `cap ${String(config.history.callsPerMinute)} calls/min, account budget ${String(config.cloud.callsPerSecond)} calls/s\n` +
    `  a simulated hour: ${String(rounds)} rounds (${String(outcomes.complete)} complete, ${String(outcomes.partial)} stopped by the cap, ${String(outcomes.failed)} failed; ${String(fastRounds)} on the fast interval)\n` +
    `  upstream calls: ${String(calls)} = ${(calls / GATEWAYS).toFixed(2)} per gateway per hour; ` +
    `${((calls / capPerHour) * 100).toFixed(0)} % of the recorder's cap (${String(capPerHour)}/h), ` +
    `${((calls / budgetPerHour) * 100).toFixed(1)} % of the account's budget (${String(budgetPerHour)}/h)\n` +
    `  by action: ${actions}\n` +
    `  every region looked at ${passes.toFixed(1)} times in the hour: one full pass every ${(3600 / Math.max(passes, 1e-9)).toFixed(0)} s ` +
    `(interval ${String(config.history.intervalMs / 1000)} s: ${passes >= 60 ? 'kept' : 'NOT kept: the cap spreads a pass over several rounds'})\n` +
    `  connection logs: ${String(logReads)} reads for ${String(Number(notUp?.n ?? 0))} connections/tunnels not up` +
    `${logReads === 0 ? ' (NOT read: status takes the whole cap, and logs come after status)' : ''}\n` +
    `  (${realSeconds.toFixed(0)} s of real time)\n`,
);
await store.close();
await runtime.close();
await emulator.close();
process.exit(0);
