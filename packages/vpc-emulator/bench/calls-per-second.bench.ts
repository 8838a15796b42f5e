/**
 * Signed DescribeVpnGateway calls per second from pop-core to the emulator over loopback.
 * The emulator runs in its own process (as in the embedded demo), the client in this one.
 * Run: npx --yes pnpm@10.34.8 --filter @vpn-console/vpc-emulator run bench
 */
import RPCClient from '@alicloud/pop-core';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { DEMO_IDS } from '../src/seed';
import { DEFAULT_ACCESS_KEY } from '../src/server';

const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const WARMUP_MS = 2000;
const MEASURE_MS = 8000;

const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const child = spawn(tsx, [cli, '--port', '0', '--seed', 'demo'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const received: unknown[] = await once(child.stdout, 'data');
const chunk = received[0];
if (!Buffer.isBuffer(chunk)) throw new Error('The emulator printed no URL');
const url = chunk.toString('utf8').trim();

const client = new RPCClient({
  endpoint: url,
  apiVersion: '2016-04-28',
  accessKeyId: DEFAULT_ACCESS_KEY.accessKeyId,
  accessKeySecret: DEFAULT_ACCESS_KEY.accessKeySecret,
});
const params = { RegionId: 'cn-hangzhou', VpnGatewayId: DEMO_IDS.gateways.free1 };

let ok = 0;
let failed = 0;
let counting = false;
let running = true;

async function worker(): Promise<void> {
  while (running) {
    try {
      await client.request('DescribeVpnGateway', params, { method: 'POST', timeout: 10_000 });
      if (counting) ok += 1;
    } catch {
      if (counting) failed += 1;
    }
  }
}

const workers = Array.from({ length: CONCURRENCY }, () => worker());
await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
counting = true;
const started = performance.now();
await new Promise((resolve) => setTimeout(resolve, MEASURE_MS));
counting = false;
const elapsed = (performance.now() - started) / 1000;
running = false;
await Promise.all(workers);
child.kill('SIGTERM');

console.log(
  `DescribeVpnGateway (pop-core POST, HMAC-SHA1 signed, loopback, ${CONCURRENCY} in flight): ` +
    `${Math.round(ok / elapsed)} calls/s over ${elapsed.toFixed(1)} s (${ok} ok, ${failed} failed)`,
);
