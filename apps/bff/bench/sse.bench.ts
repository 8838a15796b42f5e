// SSE fan-out benchmark: N watchers (1,000 and 5,000) of 50 gateways on one BFF process.
// Prints: upstream DescribeVpnGateway calls per gateway per interval, p99 event delivery, BFF
// RSS, emulator status change → client event latency (p95), and the latency ratio of a read
// through the BFF against the same read straight from pop-core to the emulator.
//
// Processes: this one runs the raw-HTTP SSE clients; the emulator (its CLI, port 0, driven through
// its control API) and the BFF (bench/bff-child.ts) each run in their own child process, so the
// BFF's RSS is measured alone. All three share the same 2 cores.
import { builtBffChild } from './build-child';
import { memoryOf, signIn, spawnReady, type Memory } from './children';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRegionsResponseSchema } from '@vpn-console/shared/responses/regions';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { startEmulator } from '@vpn-console/vpc-emulator/server';
import { stateSchema } from '@vpn-console/vpc-emulator/state';
import { z } from 'zod';
import { staticCredentials } from '../src/cloud/credentials';
import { PopTransport } from '../src/cloud/pop-client';
import { createTestDatabase } from '../src/store/testing';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Gateways watched (BENCH_GATEWAYS; 1,000 for issue 18's large account). */
const GATEWAYS = Number(process.env.BENCH_GATEWAYS ?? '50');
const REGION = 'cn-hangzhou';
const FAST_MS = 1000;
const SLOW_MS = 5000;
/**
 * `spread`: watcher i watches gateway i mod 50 (N/50 watchers per gateway, one stream per tab);
 * `all`: every watcher watches all 50 gateways (each gateway change goes to all N streams).
 */
type Mode = 'spread' | 'all';
/** BENCH_SECURITY=off measures the BFF core without the security layer (no sign-in). */
const SECURITY = process.env.BENCH_SECURITY !== 'off';
/**
 * `watchers:mode[:replicas]`. With DATABASE_URL (PostgreSQL) the default adds a three-replica
 * run (issue 16): three BFF processes on one fresh database, watchers spread round-robin.
 */
const DATABASE_URL = process.env.DATABASE_URL === '' ? undefined : process.env.DATABASE_URL;
const SCENARIOS: Array<{ watchers: number; mode: Mode; replicas: number }> = (
  process.env.BENCH_SCENARIOS ??
  `1000:spread,5000:spread,1000:all${DATABASE_URL === undefined ? '' : ',1000:spread:3,5000:spread:3'}`
)
  .split(',')
  .map((item) => {
    const [count, mode, replicas] = item.split(':');
    return {
      watchers: Number(count),
      mode: mode === 'all' ? 'all' : 'spread',
      replicas: Math.max(1, Number(replicas ?? '1') || 1),
    };
  });

/** BENCH_STORE=postgres: a one-process run uses DATABASE_URL too (issue 18), not PGlite. */
const SINGLE_ON_POSTGRES = process.env.BENCH_STORE === 'postgres';
if (SINGLE_ON_POSTGRES && DATABASE_URL === undefined) {
  throw new Error('BENCH_STORE=postgres needs DATABASE_URL');
}

type Key = { accessKeyId: string; accessKeySecret: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const percentile = (values: number[], p: number): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
  );
};
const fmt = (n: number, digits = 1) => n.toFixed(digits);

const callsSchema = z.object({ calls: z.record(z.string(), z.number()) });

/** The emulator CLI in its own process: the demo seed plus 50 plain gateways in cn-hangzhou. */
const startBenchEmulator = async (key: Key) => {
  const seedOnly = await startEmulator({ port: 0, seed: 'demo', accessKeys: [key] });
  const state = stateSchema.parse(seedOnly.snapshot());
  await seedOnly.close();
  const template = state.gateways.find((g) => g.VpnGatewayId === DEMO_IDS.gateways.free1);
  if (!template) throw new Error('demo seed has no free gateway');
  const ids: string[] = [];
  for (let i = 0; i < GATEWAYS; i += 1) {
    const id = `vpn-bench${String(i).padStart(14, '0')}`;
    ids.push(id);
    state.gateways.push({ ...template, VpnGatewayId: id, Name: `bench-${i}`, UpdatingUntil: 0 });
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'bff-bench-'));
  const stateFile = path.join(dir, 'state.json');
  writeFileSync(stateFile, JSON.stringify(state));
  const child = await spawnReady([
    path.resolve(here, '../../../packages/vpc-emulator/src/cli.ts'),
    '--port',
    '0',
    '--state-file',
    stateFile,
    '--fault-control',
    '--access-key-id',
    key.accessKeyId,
    '--access-key-secret',
    key.accessKeySecret,
  ]);
  const url = child.line.trim();
  const ctl = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${url}/__emulator${route}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }),
    });
    return res.json();
  };
  return {
    url,
    ids,
    calls: async () => callsSchema.parse(await ctl('GET', '/calls')).calls,
    resetCalls: () => ctl('DELETE', '/calls'),
    setUpdating: (id: string, forMs: number) =>
      ctl('POST', `/gateways/${id}/status`, { status: 'updating', forMs }),
    injectLatency: (action: string, latencyMs: number) =>
      ctl('POST', '/faults', { action, kind: 'latency', latencyMs }),
    clearFaults: () => ctl('DELETE', '/faults'),
    stop: child.stop,
  };
};

/**
 * How the BFF child runs: built and started with the `start` script's node flags (what
 * production runs; the default), or from source under tsx with BENCH_BFF_FROM_SOURCE=1.
 * BENCH_NODE_FLAGS (space-separated) replaces the flags, to measure others.
 */
const bffRunner = async () => {
  if (process.env.BENCH_BFF_FROM_SOURCE === '1') {
    return {
      script: path.join(here, 'bff-child.ts'),
      built: undefined,
      label: 'from source (tsx)',
    };
  }
  const built = await builtBffChild();
  const nodeFlags =
    process.env.BENCH_NODE_FLAGS === undefined
      ? built.nodeFlags
      : process.env.BENCH_NODE_FLAGS.split(' ').filter((flag) => flag !== '');
  return {
    script: built.script,
    built: { nodeFlags },
    label: `built (tsup), node ${nodeFlags.join(' ')}`,
  };
};
type Runner = Awaited<ReturnType<typeof bffRunner>>;

const startBff = async (runner: Runner, emulatorUrl: string, key: Key, databaseUrl?: string) => {
  const args = JSON.stringify({
    url: emulatorUrl,
    ...key,
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    env: {
      POLL_FAST_MS: String(FAST_MS),
      POLL_SLOW_MS: String(SLOW_MS),
      LOG_LEVEL: 'silent',
      // One session watches everything here: lift the per-account budget of watch changes.
      SSE_WATCH_CALLS_PER_MINUTE: '100000',
      // The account's call budget (issue 18); BENCH_CALLS_PER_SECOND measures the hub without it.
      ...(process.env.BENCH_CALLS_PER_SECOND === undefined
        ? {}
        : {
            CLOUD_CALLS_PER_SECOND: process.env.BENCH_CALLS_PER_SECOND,
            CLOUD_CALLS_BURST: process.env.BENCH_CALLS_PER_SECOND,
          }),
    },
    security: SECURITY,
  });
  const child = await spawnReady([runner.script, args], runner.built);
  const ready = z
    .object({ port: z.number(), username: z.string(), password: z.string() })
    .parse(JSON.parse(child.line));
  if (!SECURITY) return { port: ready.port, cookie: 'none=1', stop: child.stop };
  const cookie = await signIn(ready.port, ready.username, ready.password).catch(
    async (error: unknown) => {
      await child.stop();
      throw error;
    },
  );
  return { port: ready.port, cookie, stop: child.stop };
};

interface BenchEvent {
  type?: string;
  vpnGatewayId?: string;
  observedAt?: string;
  gateway?: { status?: string } | null;
}
type OnEvent = (watcher: number, event: BenchEvent, at: number) => void;

const openWatcher = (
  port: number,
  cookie: string,
  query: string,
  index: number,
  onEvent: OnEvent,
) =>
  new Promise<{ close(): void }>((resolve, reject) => {
    const req = http.get(
      {
        host: '127.0.0.1',
        port,
        path: `/api/v1/events${query}`,
        agent: false,
        headers: { Accept: 'text/event-stream', Cookie: cookie },
      },
      (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`status ${String(res.statusCode)}`));
          return;
        }
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const at = Date.now();
          buffer += chunk;
          let i = buffer.indexOf('\n\n');
          while (i !== -1) {
            const block = buffer.slice(0, i);
            buffer = buffer.slice(i + 2);
            const data = block.split('\n').find((l) => l.startsWith('data: '));
            // The hot path stays cheap: no schema parse per frame, only the fields we measure.
            if (data) onEvent(index, JSON.parse(data.slice(6)) as BenchEvent, at);
            i = buffer.indexOf('\n\n');
          }
        });
        res.on('error', () => undefined);
        resolve({
          close: () => {
            req.destroy();
          },
        });
      },
    );
    req.on('error', reject);
  });

const readRatio = async (port: number, cookie: string, emulatorUrl: string, key: Key) => {
  const transport = new PopTransport({ credentials: staticCredentials(key) });
  const rounds = 200;
  const direct: number[] = [];
  const viaBff: number[] = [];
  const agent = new http.Agent({ keepAlive: true });
  const bffGet = () =>
    new Promise<void>((resolve, reject) => {
      http
        .get(
          { host: '127.0.0.1', port, path: '/api/v1/regions', agent, headers: { Cookie: cookie } },
          (res) => {
            res.resume();
            res.on('end', () => {
              resolve();
            });
          },
        )
        .on('error', reject);
    });
  const directGet = async () => {
    const raw = await transport.send(
      emulatorUrl,
      'DescribeRegions',
      { AcceptLanguage: 'en-US' },
      3000,
    );
    describeRegionsResponseSchema.parse(raw.json);
  };
  for (let i = 0; i < 30; i += 1) {
    await bffGet();
    await directGet();
  }
  for (let i = 0; i < rounds; i += 1) {
    let t = performance.now();
    await directGet();
    direct.push(performance.now() - t);
    t = performance.now();
    await bffGet();
    viaBff.push(performance.now() - t);
  }
  transport.close();
  agent.destroy();
  return {
    directP50: percentile(direct, 50),
    bffP50: percentile(viaBff, 50),
    directP95: percentile(direct, 95),
    bffP95: percentile(viaBff, 95),
  };
};

const runScenario = async (
  runner: Runner,
  watchers: number,
  mode: Mode,
  first: boolean,
  replicas: number,
) => {
  const key: Key = {
    accessKeyId: `LTAIbench${randomBytes(4).toString('hex')}`,
    accessKeySecret: randomBytes(16).toString('hex'),
  };
  const emulator = await startBenchEmulator(key);
  // Several replicas share one fresh PostgreSQL database (dropped at the end).
  const database =
    (replicas > 1 || SINGLE_ON_POSTGRES) && DATABASE_URL !== undefined
      ? await createTestDatabase(DATABASE_URL)
      : undefined;
  const bffs: Array<Awaited<ReturnType<typeof startBff>>> = [];
  try {
    for (let i = 0; i < replicas; i += 1)
      bffs.push(await startBff(runner, emulator.url, key, database?.url));
  } catch (error) {
    for (const b of bffs) await b.stop();
    await emulator.stop();
    await database?.drop();
    throw error;
  }
  const bff = bffs[0];
  if (!bff) throw new Error('no BFF');
  const queryAll = `?gateways=${emulator.ids.map((id) => `${REGION}/${id}`).join(',')}`;
  const queryFor = (i: number) =>
    mode === 'all' ? queryAll : `?gateways=${REGION}/${emulator.ids[i % GATEWAYS] ?? ''}`;
  try {
    const idle = await memoryOf(bff.port);
    const rssIdleAll = await Promise.all(bffs.map(async (b) => (await memoryOf(b.port)).rss));
    // Read latency first, with no SSE load: plain loopback, then with 20 ms upstream latency.
    let ratio: Awaited<ReturnType<typeof readRatio>> | undefined;
    let ratioWithLatency: Awaited<ReturnType<typeof readRatio>> | undefined;
    if (first) {
      ratio = await readRatio(bff.port, bff.cookie, emulator.url, key);
      await emulator.injectLatency('DescribeRegions', 20);
      ratioWithLatency = await readRatio(bff.port, bff.cookie, emulator.url, key);
      await emulator.clearFaults();
    }

    // ── connect N watchers, each watching all 50 gateways ────────────────────────────────
    const snapshots = new Set<number>();
    const deliveries: number[] = [];
    /** gatewayId → time the emulator flips it back to active. */
    const activeAt = new Map<string, number>();
    const changeLatency: number[] = [];
    let measuring = false;
    const onEvent: OnEvent = (index, event, at) => {
      if (event.type === 'snapshot') snapshots.add(index);
      if (!measuring || event.type !== 'gateway' || event.observedAt === undefined) return;
      deliveries.push(at - Date.parse(event.observedAt));
      const flippedAt =
        event.vpnGatewayId === undefined ? undefined : activeAt.get(event.vpnGatewayId);
      if (event.gateway?.status === 'active' && flippedAt !== undefined) {
        changeLatency.push(at - flippedAt);
      }
    };
    const clients: Array<{ close(): void }> = [];
    const connectStarted = Date.now();
    for (let i = 0; i < watchers; i += 50) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(50, watchers - i) }, (_, j) =>
          openWatcher(
            (bffs[(i + j) % bffs.length] ?? bff).port,
            (bffs[(i + j) % bffs.length] ?? bff).cookie,
            queryFor(i + j),
            i + j,
            onEvent,
          ),
        ),
      );
      clients.push(...batch);
      if (clients.length % 1000 === 0) {
        process.stderr.write(
          `  ${String(clients.length)} streams open after ${fmt((Date.now() - connectStarted) / 1000)} s\n`,
        );
      }
    }
    while (snapshots.size < watchers) await sleep(50);
    const connectSeconds = (Date.now() - connectStarted) / 1000;
    await sleep(1500);

    // ── polls per gateway per interval while stable (slow interval) ──────────────────────
    await emulator.resetCalls();
    const window = 3 * SLOW_MS;
    await sleep(window);
    const describeCalls = (await emulator.calls()).DescribeVpnGateway ?? 0;
    const callsPerGatewayPerInterval = describeCalls / GATEWAYS / (window / SLOW_MS);
    const stable = await memoryOf(bff.port);
    process.stderr.write(
      `  streams open: RSS ${fmt(stable.rss)} MB (heap ${fmt(stable.heapUsed)} of ${fmt(stable.heapTotal)}, external ${fmt(stable.external)}); ${fmt(callsPerGatewayPerInterval, 2)} polls per gateway per interval\n`,
    );
    const rssStableAll = await Promise.all(bffs.map(async (b) => (await memoryOf(b.port)).rss));

    // ── status changes on all 50 gateways: delivery and change → client latency ──────────
    // Each gateway goes `updating` (the hub sees it within one slow interval and then polls
    // fast); the measured latency is from its flip back to `active` to each client.
    measuring = true;
    // Longer than the slow interval, so the hub sees every gateway go `updating`.
    const updatingMs = SLOW_MS + 1000;
    // 50 control calls at a time: 1,000 at once timed out connecting to the emulator.
    for (let i = 0; i < emulator.ids.length; i += 50) {
      await Promise.all(
        emulator.ids.slice(i, i + 50).map(async (id) => {
          await emulator.setUpdating(id, updatingMs);
          activeAt.set(id, Date.now() + updatingMs);
        }),
      );
    }
    await sleep(updatingMs + 3000);
    measuring = false;
    const peak = await memoryOf(bff.port);
    const rssPeakAll = await Promise.all(bffs.map(async (b) => (await memoryOf(b.port)).rss));
    for (const c of clients) c.close();
    await sleep(500);
    return {
      watchers,
      mode,
      expectedEvents: 2 * (mode === 'all' ? watchers * GATEWAYS : watchers),
      connectSeconds,
      callsPerGatewayPerInterval,
      describeCalls,
      window,
      deliveryP50: percentile(deliveries, 50),
      deliveryP99: percentile(deliveries, 99),
      deliveries: deliveries.length,
      changeP50: percentile(changeLatency, 50),
      changeP95: percentile(changeLatency, 95),
      changes: changeLatency.length,
      idle,
      stable,
      peak,
      rssIdleAll,
      rssStableAll,
      rssPeakAll,
      replicas: bffs.length,
      store: database === undefined ? 'PGlite' : 'PostgreSQL',
      load: loadavg()[0] ?? Number.NaN,
      ratio,
      ratioWithLatency,
    };
  } finally {
    for (const b of bffs) await b.stop();
    await emulator.stop();
    await database?.drop();
  }
};

const main = async () => {
  const runner = await bffRunner();
  console.log(
    `BFF child: ${runner.label}; load average ${loadavg()
      .map((l) => fmt(l, 2))
      .join(' ')}`,
  );
  console.log(
    `SSE bench: ${String(GATEWAYS)} gateways; ${SECURITY ? `signed in as a viewer (sessions, CSRF, authorisation, ${SINGLE_ON_POSTGRES ? 'PostgreSQL' : 'PGlite'} store on)` : 'BFF core without the security layer (BENCH_SECURITY=off)'}; BFF, emulator and clients in ` +
      `separate processes on this machine; fast ${String(FAST_MS)} ms, slow ${String(SLOW_MS)} ms (slow shortened from 20 s to keep the run bounded)`,
  );
  if (DATABASE_URL === undefined && process.env.BENCH_SCENARIOS === undefined) {
    console.log('(the three-replica runs need DATABASE_URL: skipped)');
  }
  for (const [index, scenario] of SCENARIOS.entries()) {
    if (scenario.replicas > 1 && DATABASE_URL === undefined) {
      console.log(`\n── ${String(scenario.replicas)} replicas: skipped (DATABASE_URL is not set)`);
      continue;
    }
    const r = await runScenario(
      runner,
      scenario.watchers,
      scenario.mode,
      // The read ratio runs before the first scenario; BENCH_READ_RATIO=off skips it.
      index === 0 && process.env.BENCH_READ_RATIO !== 'off',
      scenario.replicas,
    );
    const how =
      r.mode === 'all'
        ? 'every watcher watches all 50 gateways'
        : `each watcher watches one gateway, ${String(r.watchers / GATEWAYS)} per gateway`;
    const where =
      r.replicas > 1
        ? `; ${String(r.replicas)} BFF replicas on one PostgreSQL database, watchers round-robin`
        : `; one BFF process on ${r.store}`;
    console.log(
      `\n── ${String(r.watchers)} watchers of ${String(GATEWAYS)} gateways (${how}${where}; connected in ${fmt(r.connectSeconds)} s; load average ${fmt(r.load, 1)})`,
    );
    console.log(
      `  DescribeVpnGateway calls per gateway per interval: ${fmt(r.callsPerGatewayPerInterval, 2)} ` +
        `(${String(r.describeCalls)} calls in ${String(r.window / 1000)} s at the ${String(SLOW_MS / 1000)} s slow interval; target 1)`,
    );
    console.log(
      `  event delivery (BFF poll result → client): p50 ${fmt(r.deliveryP50, 0)} ms, p99 ${fmt(r.deliveryP99, 0)} ms over ${String(r.deliveries)} of ${String(r.expectedEvents)} expected events (target p99 ≤ 250 ms)`,
    );
    console.log(
      `  emulator status change → client event: p50 ${fmt(r.changeP50, 0)} ms, p95 ${fmt(r.changeP95, 0)} ms over ${String(r.changes)} (watcher, gateway) pairs (target ≤ ${String(FAST_MS + 500)} ms)`,
    );
    if (r.replicas > 1) {
      r.rssIdleAll.forEach((idle, i) => {
        console.log(
          `  replica ${String(i + 1)} RSS: idle ${fmt(idle)} MB, streams open ${fmt(r.rssStableAll[i] ?? Number.NaN)} MB, after the change burst ${fmt(r.rssPeakAll[i] ?? Number.NaN)} MB (target ≤ 300 MB)`,
        );
      });
    } else {
      const split = (m: Memory) =>
        `${fmt(m.rss)} MB (V8 heap ${fmt(m.heapUsed)} used of ${fmt(m.heapTotal)}, external ${fmt(m.external)})`;
      console.log(
        `  BFF RSS: idle ${split(r.idle)}; streams open ${split(r.stable)}; after the change burst ${split(r.peak)} (target ≤ 300 MB)`,
      );
      const perStream = (mb: number) => fmt((mb * 1024) / r.watchers, 1);
      console.log(
        `  per stream (streams open − idle, ÷ ${String(r.watchers)}): RSS ${perStream(r.stable.rss - r.idle.rss)} KB, V8 heap used ${perStream(r.stable.heapUsed - r.idle.heapUsed)} KB, external ${perStream(r.stable.external - r.idle.external)} KB`,
      );
    }
    if (r.ratio) {
      const q = r.ratio;
      console.log(
        `  read GET /api/v1/regions via BFF vs DescribeRegions via pop-core (loopback emulator): p50 ${fmt(q.bffP50, 2)} / ${fmt(q.directP50, 2)} ms = ratio ${fmt(q.bffP50 / q.directP50, 2)}; p95 ratio ${fmt(q.bffP95 / q.directP95, 2)} (target ≤ 1.5; no SSE load)`,
      );
    }
    if (r.ratioWithLatency) {
      const q = r.ratioWithLatency;
      console.log(
        `  same read with 20 ms upstream latency injected: p50 ${fmt(q.bffP50, 2)} / ${fmt(q.directP50, 2)} ms = ratio ${fmt(q.bffP50 / q.directP50, 2)}; p95 ratio ${fmt(q.bffP95 / q.directP95, 2)}`,
      );
    }
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
