// Large accounts (issue 18): the all-regions gateway list at 100 and 1,000 gateways in 25 regions
// (the emulator's scale seed, 5 connections per gateway), through the real BFF with its security
// layer, each in its own process. Prints, per size:
//   - time to the first page (first rows) and to the complete list (every page), cold and warm;
//   - upstream calls per list view, against the bound regions × pages;
//   - the calls one view costs when 20 viewers open the list at once;
// then, with the emulator limited to 20 calls/s per AccessKey, 30 s of views with the shared lists
// turned off (every view lists every region): errors users saw, views answered, the longest
// "status may be up to N s old", and how many calls the cloud refused.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gatewayPageSchema } from '@vpn-console/shared/api/gateway-list';
import { z } from 'zod';
import { signIn, spawnReady } from './children';

const here = path.dirname(fileURLToPath(import.meta.url));
const SIZES = (process.env.BENCH_LIST_SIZES ?? '100,1000').split(',').map(Number);
const REGIONS = 25;
const RATE_LIMIT = 20;
const THROTTLED_SECONDS = Number(process.env.BENCH_THROTTLED_SECONDS ?? '30');

type Key = { accessKeyId: string; accessKeySecret: string };
const newKey = (): Key => ({
  accessKeyId: `LTAIlists${randomBytes(6).toString('hex')}`,
  accessKeySecret: randomBytes(18).toString('hex'),
});

const callsSchema = z.object({
  calls: z.record(z.string(), z.number()),
  rateLimited: z.number().optional(),
});

const startEmulator = async (key: Key, gateways: number, rateLimit?: number) => {
  const child = await spawnReady([
    path.resolve(here, '../../../packages/vpc-emulator/src/cli.ts'),
    '--port',
    '0',
    '--seed',
    'scale',
    '--scale-gateways',
    String(gateways),
    '--scale-regions',
    String(REGIONS),
    '--fault-control',
    '--access-key-id',
    key.accessKeyId,
    '--access-key-secret',
    key.accessKeySecret,
    ...(rateLimit === undefined ? [] : ['--rate-limit', String(rateLimit)]),
  ]);
  const url = child.line.trim();
  const calls = async () =>
    callsSchema.parse(await (await fetch(`${url}/__emulator/calls`)).json());
  return {
    url,
    calls,
    resetCalls: () => fetch(`${url}/__emulator/calls`, { method: 'DELETE' }),
    state: async () =>
      z
        .object({ gateways: z.array(z.object({ RegionId: z.string() })) })
        .parse(await (await fetch(`${url}/__emulator/state`)).json()),
    stop: child.stop,
  };
};

const startBff = async (url: string, key: Key, env: Record<string, string>) => {
  const child = await spawnReady([
    path.join(here, 'bff-child.ts'),
    JSON.stringify({ url, ...key, env: { LOG_LEVEL: 'silent', ...env }, security: true }),
  ]);
  const ready = z
    .object({ port: z.number(), username: z.string(), password: z.string() })
    .parse(JSON.parse(child.line));
  const cookie = await signIn(ready.port, ready.username, ready.password);
  const get = async (query: string) => {
    const res = await fetch(`http://127.0.0.1:${String(ready.port)}/api/v1/vpn-gateways${query}`, {
      headers: { Cookie: cookie },
    });
    return { status: res.status, body: await res.json() };
  };
  return { get, stop: child.stop };
};

const ms = (since: number) => performance.now() - since;
const fmt = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** One list view: the first page, then every page (100 a page) until the list is complete. */
const view = async (get: (q: string) => Promise<{ status: number; body: unknown }>) => {
  const started = performance.now();
  const first = await get('?pageSize=100');
  if (first.status !== 200) throw new Error(`list answered ${String(first.status)}`);
  const firstPage = gatewayPageSchema.parse(first.body);
  const firstRowMs = ms(started);
  let rows = firstPage.items.length;
  for (let page = 2; rows < firstPage.totalCount; page += 1) {
    const next = gatewayPageSchema.parse((await get(`?pageSize=100&page=${String(page)}`)).body);
    if (next.items.length === 0) break;
    rows += next.items.length;
  }
  return { firstRowMs, completeMs: ms(started), rows, total: firstPage.totalCount };
};

const listsAtSize = async (gateways: number) => {
  const key = newKey();
  const emulator = await startEmulator(key, gateways);
  const bff = await startBff(emulator.url, key, { GATEWAY_LIST_TTL_MS: '15000' });
  try {
    const state = await emulator.state();
    const perRegion = new Map<string, number>();
    for (const g of state.gateways) perRegion.set(g.RegionId, (perRegion.get(g.RegionId) ?? 0) + 1);
    // DescribeVpnGateways pages at 50; a region without gateways still costs one call.
    const bound = REGIONS + [...perRegion.values()].reduce((a, n) => a + Math.ceil(n / 50) - 1, 0);
    await emulator.resetCalls();
    const cold = await view(bff.get);
    const coldCalls = (await emulator.calls()).calls;
    await emulator.resetCalls();
    const warm = await view(bff.get);
    const warmCalls = (await emulator.calls()).calls.DescribeVpnGateways ?? 0;
    // 20 viewers at once on a fresh BFF (cold lists): one listing per region serves them all.
    const key2 = newKey();
    const emulator2 = await startEmulator(key2, gateways);
    const bff2 = await startBff(emulator2.url, key2, { GATEWAY_LIST_TTL_MS: '15000' });
    await emulator2.resetCalls();
    const crowdStarted = performance.now();
    await Promise.all(Array.from({ length: 20 }, () => bff2.get('?pageSize=50')));
    const crowdMs = ms(crowdStarted);
    const crowdCalls = (await emulator2.calls()).calls.DescribeVpnGateways ?? 0;
    await bff2.stop();
    await emulator2.stop();
    const describe = coldCalls.DescribeVpnGateways ?? 0;
    console.log(
      `lists ${String(gateways)} gateways / ${String(REGIONS)} regions: ` +
        `cold first row ${fmt(cold.firstRowMs)} ms, complete ${fmt(cold.completeMs)} ms (${String(cold.rows)} rows); ` +
        `warm first row ${fmt(warm.firstRowMs)} ms, complete ${fmt(warm.completeMs)} ms; ` +
        `upstream calls per view: cold ${String(describe)} DescribeVpnGateways + ${String(coldCalls.DescribeRegions ?? 0)} DescribeRegions ` +
        `(bound regions × pages = ${String(bound)}), warm ${String(warmCalls)}; ` +
        `20 viewers at once: ${String(crowdCalls)} DescribeVpnGateways in all (${fmt(crowdCalls / 20)} per view), ${fmt(crowdMs)} ms`,
    );
    return { gateways, cold, warm, describe, bound };
  } finally {
    await bff.stop();
    await emulator.stop();
  }
};

/** Views for THROTTLED_SECONDS against an emulator limited to 20 calls/s, lists not shared. */
const underRateLimit = async (gateways: number, callsPerSecond: number) => {
  const key = newKey();
  const emulator = await startEmulator(key, gateways, RATE_LIMIT);
  const bff = await startBff(emulator.url, key, {
    GATEWAY_LIST_TTL_MS: '0',
    CLOUD_CALLS_PER_SECOND: String(callsPerSecond),
    CLOUD_CALLS_BURST: String(callsPerSecond),
  });
  try {
    await emulator.resetCalls();
    const ends = performance.now() + THROTTLED_SECONDS * 1000;
    let answered = 0;
    let errors = 0;
    let stalest = 0;
    const latencies: number[] = [];
    // Four viewers, each opening the list again as soon as it has it.
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (performance.now() < ends) {
          const started = performance.now();
          const res = await bff.get('?pageSize=50');
          latencies.push(ms(started));
          if (res.status !== 200) {
            errors += 1;
            continue;
          }
          answered += 1;
          stalest = Math.max(stalest, gatewayPageSchema.parse(res.body).statusMayBeOldSeconds ?? 0);
        }
      }),
    );
    const { calls, rateLimited } = await emulator.calls();
    const total = Object.values(calls).reduce((a, b) => a + b, 0);
    latencies.sort((a, b) => a - b);
    const p95 = latencies[Math.floor(latencies.length * 0.95)] ?? Number.NaN;
    console.log(
      `rate limit ${String(RATE_LIMIT)} calls/s, BFF budget ${String(callsPerSecond)} calls/s, ${String(gateways)} gateways, ` +
        `${String(THROTTLED_SECONDS)} s of views, lists not shared: ${String(answered)} views answered, ${String(errors)} errors shown, ` +
        `p95 view ${fmt(p95)} ms, upstream ${fmt(total / THROTTLED_SECONDS)} calls/s, ` +
        `${String(rateLimited ?? 0)} refused by the cloud, "status may be up to ${String(stalest)} s old" at most`,
    );
  } finally {
    await bff.stop();
    await emulator.stop();
  }
};

const main = async () => {
  for (const size of SIZES) await listsAtSize(size);
  // The BFF's default budget (40/s) above the cloud's limit: throttling answers slow it down.
  await underRateLimit(1000, 40);
  // A budget set to the account's quota: the cloud never has to refuse.
  await underRateLimit(1000, RATE_LIMIT);
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
