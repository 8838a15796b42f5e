// Child processes of the benches (the emulator CLI, the BFF) and what the benches read from them.
import { spawn } from 'node:child_process';
import { BENCH_METRICS_TOKEN } from './metrics-token';

/** Children still running: killed if this process ends early. */
const children = new Set<ReturnType<typeof spawn>>();
const killChildren = () => {
  for (const child of children) child.kill('SIGTERM');
};
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killChildren();
    process.exit(1);
  });
}

/**
 * A child process that prints one line (its address) when ready: TypeScript under tsx, or with
 * `built`, a built script run by plain node with the given flags (as production runs the BFF).
 */
export const spawnReady = (args: string[], built?: { nodeFlags: readonly string[] }) =>
  new Promise<{ line: string; stop: () => Promise<void> }>((resolve, reject) => {
    const runner = built === undefined ? ['--import', 'tsx'] : built.nodeFlags;
    const child = spawn(process.execPath, [...runner, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    let out = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      out += chunk;
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) {
        resolve({
          line,
          stop: () =>
            new Promise<void>((done) => {
              child.once('exit', () => {
                done();
              });
              child.kill('SIGTERM');
            }),
        });
      }
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      reject(new Error(`child exited (${String(code)})`));
    });
  });

/** The BFF's memory (MB) from its /metrics: resident, V8 heap (used, total) and external. */
export interface Memory {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
}

export const memoryOf = async (port: number): Promise<Memory> => {
  const text = await (
    await fetch(`http://127.0.0.1:${port}/metrics`, {
      headers: { Authorization: `Bearer ${BENCH_METRICS_TOKEN}` },
    })
  ).text();
  const read = (name: string) => {
    const match = new RegExp(`^bff_${name} (\\S+)$`, 'm').exec(text);
    return match?.[1] === undefined ? Number.NaN : Number(match[1]) / 1024 / 1024;
  };
  return {
    rss: read('process_resident_memory_bytes'),
    heapUsed: read('nodejs_heap_size_used_bytes'),
    heapTotal: read('nodejs_heap_size_total_bytes'),
    external: read('nodejs_external_memory_bytes'),
  };
};

/** Signs in through the API like the web does; every request then carries the cookie. */
export const signIn = async (port: number, username: string, password: string): Promise<string> => {
  const res = await fetch(`http://127.0.0.1:${String(port)}/api/v1/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
    body: JSON.stringify({ username, password }),
  });
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || cookie === undefined) throw new Error(`login failed: ${String(res.status)}`);
  return cookie;
};
