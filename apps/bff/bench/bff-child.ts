// The BFF under test, in its own process so its RSS is its own: the real app as server.ts builds
// it (runtime + security layer: sessions, CSRF, authorisation, audit; PGlite store) against an
// emulator given on the command line; with `databaseUrl`, one replica of several on PostgreSQL.
// Creates one viewer account and prints
// `{"port":…,"username":…,"password":…}` when listening; the bench signs in through the API.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { BENCH_METRICS_TOKEN } from './metrics-token';
import { PERMISSIVE_SECURITY_FOR_BENCH_ONLY } from './permissive-security';
import { createApp } from '../src/app';
import { startSecurity } from '../src/auth/bootstrap';
import { generatePassword } from '../src/auth/passwords';
import { testConfig } from '../src/config';
import { createRuntime } from '../src/runtime';
import { openStore } from '../src/store/store';
import { favourMemory } from '../src/v8-memory';

const argsSchema = z.object({
  url: z.string(),
  accessKeyId: z.string(),
  accessKeySecret: z.string(),
  env: z.record(z.string(), z.string()),
  security: z.boolean(),
  /** A replica on this PostgreSQL database (issue 16); PGlite in a fresh data folder otherwise. */
  databaseUrl: z.string().optional(),
});

const main = async () => {
  // As the server does first thing (src/server.ts).
  favourMemory();
  const args = argsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const config = testConfig({
    STATIC_DIR: '/nonexistent',
    SSE_MAX_STREAMS: '20000',
    // The bench's watchers share one signed-in viewer: lift the per-caller caps.
    METRICS_TOKEN: BENCH_METRICS_TOKEN,
    SSE_MAX_STREAMS_PER_SESSION: '20000',
    SSE_MAX_STREAMS_PER_ACCOUNT: '20000',
    ...args.env,
  });
  // As in production (server.ts): the store opens first; operations, poll leases and the bus
  // between replicas live there as well as sessions and audit.
  const store = await openStore(
    args.databaseUrl === undefined
      ? { dataDir: mkdtempSync(path.join(tmpdir(), 'bff-bench-data-')) }
      : { databaseUrl: args.databaseUrl },
  );
  const runtime = await createRuntime(config, {
    store,
    cloudTarget: {
      url: args.url,
      accessKeyId: args.accessKeyId,
      accessKeySecret: args.accessKeySecret,
    },
  });
  // `security: false` measures the BFF core alone (no sessions); the default is the real stack.
  const secured = args.security
    ? await startSecurity(config, {
        demo: false,
        openStore: store,
        onStreamSessionEnded: (sessionHash) => runtime.hub.logout(sessionHash),
      })
    : undefined;
  const account = {
    username: `bench-${randomBytes(3).toString('hex')}`,
    password: generatePassword(),
  };
  await secured?.security.accounts.create({ ...account, role: 'viewer' });
  const app = createApp({
    runtime,
    ...(secured
      ? {
          security: secured.security,
          history: { db: secured.store.db, retentionDays: config.history.retentionDays },
        }
      : { security: PERMISSIVE_SECURITY_FOR_BENCH_ONLY, coreOnly: true }),
  });
  const server = app.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ port, ...account })}\n`);
  });
  server.requestTimeout = 0;
  server.maxConnections = 20_000;
  process.on('SIGTERM', () => {
    void runtime
      .close()
      .then(() => secured?.close())
      .then(() => store.close())
      .then(() => {
        server.closeAllConnections();
        process.exit(0);
      });
  });
};

void main();
