// The ONE integration-test fixture: a real emulator on port 0 and the real app on port 0,
// talking over HTTP with a real signature. Sessions (issue 5) are added here, in one place.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Express } from 'express';
import { operationSchema, type Operation } from '@vpn-console/shared/api/operations';
import { csrfHeader, type Role } from '@vpn-console/shared/api/session';
import { startEmulator, type RunningEmulator } from '@vpn-console/vpc-emulator/server';
import { createApp } from '../src/app';
import {
  startSecurity,
  type StartedSecurity,
  type StartSecurityOptions,
} from '../src/auth/bootstrap';
import { generatePassword } from '../src/auth/passwords';
import { openStore, type Store } from '../src/store/store';
import { openTestStore, testDatabaseUrl } from '../src/store/testing';
import { testConfig } from '../src/config';
import { createRuntime, type Runtime, type RuntimeOptions } from '../src/runtime';
import { openSse, type SseClient } from './sse-client';

/** The bearer token test stacks accept on /metrics (Prometheus' way in). */
export const TEST_METRICS_TOKEN = 'test-metrics-token-0123456789';

export interface TestStackOptions {
  seed?: 'demo' | 'empty';
  updatingMs?: number;
  negotiationMs?: number;
  /** Environment overrides for the BFF config (e.g. POLL_FAST_MS). */
  env?: Record<string, string>;
  runtime?: Omit<RuntimeOptions, 'cloudTarget'>;
  /** Use an emulator that is already running (benches). */
  emulator?: { running: RunningEmulator; accessKeyId: string; accessKeySecret: string };
  /** Who `api` is signed in as (default `operator`); `anonymous` sends no session. */
  role?: Role | 'anonymous';
  /** Use this store (several stacks as replicas of one deployment); left open on close. */
  store?: Store;
  /** Security layer settings (defaults: generous login limits, streams re-checked every 200 ms). */
  security?: Pick<StartSecurityOptions, 'loginLimits' | 'streamCheckMs' | 'pskCheckLimits' | 'now'>;
}

export interface ApiResponse {
  status: number;
  headers: Headers;
  body: unknown;
}

export interface TestApi {
  get(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  patch(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  put(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse>;
  delete(path: string, headers?: Record<string, string>): Promise<ApiResponse>;
  /** Raw request (any body / content type). */
  raw(path: string, init: RequestInit): Promise<ApiResponse>;
  events(query?: string, headers?: Record<string, string>): Promise<SseClient>;
  /** Closes every stream opened through `events()` so far. */
  closeStreams(): void;
  /** Polls GET /api/v1/operations/:id until it is succeeded or failed. */
  settled(operationId: string, timeoutMs?: number): Promise<Operation>;
}

export interface TestStack {
  baseUrl: string;
  /** The Express app (its router lists every route). */
  app: Express;
  emulator: RunningEmulator;
  runtime: Runtime;
  /** Signed in as `options.role` (operator by default); sends the CSRF header on every request. */
  api: TestApi;
  /** The store, accounts, sessions and audit log behind the app. */
  secured: StartedSecurity;
  /** The test accounts (one per role) and their passwords. */
  accounts: Record<Role, { username: string; password: string }>;
  /** A client signed in as `role` (a new session each call), or without a session. */
  as(role: Role | 'anonymous'): Promise<TestApi>;
  signIn(role: Role): Promise<{ Cookie: string }>;
  close(): Promise<void>;
}

const readBody = async (res: Response): Promise<unknown> => {
  const text = await res.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
};

/** One in-memory store per test file (PGlite takes seconds to start); stacks use own accounts. */
let sharedStore: Promise<Store> | undefined;

export const startTestStack = async (options: TestStackOptions = {}): Promise<TestStack> => {
  let emulator: RunningEmulator;
  let key: { accessKeyId: string; accessKeySecret: string };
  let ownEmulator = false;
  if (options.emulator) {
    emulator = options.emulator.running;
    key = {
      accessKeyId: options.emulator.accessKeyId,
      accessKeySecret: options.emulator.accessKeySecret,
    };
  } else {
    key = {
      accessKeyId: `LTAItest${randomBytes(6).toString('hex')}`,
      accessKeySecret: randomBytes(18).toString('hex'),
    };
    emulator = await startEmulator({
      host: '127.0.0.1',
      port: 0,
      seed: options.seed ?? 'demo',
      accessKeys: [key],
      updatingMs: options.updatingMs ?? 300,
      negotiationMs: options.negotiationMs ?? 200,
      faultControl: true,
    });
    ownEmulator = true;
  }
  const config = testConfig({
    POLL_FAST_MS: '100',
    POLL_SLOW_MS: '1000',
    SSE_HEARTBEAT_MS: '15000',
    REPLICA_HEARTBEAT_MS: '200',
    // The emulator is local, but a loaded 2-core machine can stall it past a second: a poll
    // that timed out left a snapshot without its gateway. Tests of the timeout itself (an
    // injected hang) set a short one.
    UPSTREAM_READ_TIMEOUT_MS: '10000',
    UPSTREAM_WRITE_TIMEOUT_MS: '10000',
    STATIC_DIR: '/nonexistent-spa-dir',
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    ...options.env,
  });
  // Sessions (issue 5): an in-memory store with one account per role; `api` signs in.
  // The runtime keeps its operations there too (issue 16).
  // With DATABASE_URL (CI): a fresh PostgreSQL database per stack, dropped on close. Otherwise
  // one in-memory PGlite store per test file.
  const ownStore =
    options.store !== undefined || testDatabaseUrl() === undefined
      ? undefined
      : await openTestStore('postgres');
  const store = options.store ?? ownStore ?? (await (sharedStore ??= openStore({ memory: true })));
  const runtime = await createRuntime(config, {
    store,
    cloudTarget: { url: emulator.url, ...key },
    readPolicy: { baseDelayMs: 20, throttleBaseDelayMs: 50, maxDelayMs: 200 },
    writePolicy: { baseDelayMs: 20, throttleBaseDelayMs: 50, maxDelayMs: 200 },
    lanes: { waitPollMs: 50, busyTimeoutMs: 20_000, settleTimeoutMs: 20_000 },
    // A snapshot carries its gateways' state: the first polls took over the product's 3 s at
    // load ~25 (the snapshot then says nothing yet, and the state follows as a change).
    snapshotWaitMs: 30_000,
    metricsDefaults: false,
    ...options.runtime,
  });
  const secured = await startSecurity(config, {
    demo: false,
    openStore: store,
    onStreamSessionEnded: (sessionHash) => runtime.hub.logout(sessionHash),
    gatewayName: async (regionId, id) =>
      (await runtime.gatewayLists.region(regionId)).items.find((g) => g.id === id)?.name,
    loginLimits: {
      perUser: { limit: 1000, windowMs: 60_000 },
      perIp: { limit: 100_000, windowMs: 60_000 },
    },
    streamCheckMs: 200,
    ...options.security,
  });
  const roles: Role[] = ['viewer', 'operator', 'admin'];
  const accounts = Object.fromEntries(
    roles.map((role) => [
      role,
      { username: `test-${role}-${randomBytes(4).toString('hex')}`, password: generatePassword() },
    ]),
  ) as Record<Role, { username: string; password: string }>;
  for (const role of roles) {
    await secured.security.accounts.create({ ...accounts[role], role });
  }
  const app = createApp({
    runtime,
    security: secured.security,
    history: { db: secured.store.db, retentionDays: config.history.retentionDays },
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => {
      resolve(s);
    });
  });
  server.requestTimeout = 0;
  // The test's fetch keeps connections alive for 4 s; a server closing an idle one at 5 s can
  // cross a request sent on it when a loaded machine stalls the event loop (ECONNRESET on a
  // POST, which undici does not resend). Tests keep connections open for their whole run.
  server.keepAliveTimeout = 120_000;
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  const streams: SseClient[] = [];
  const makeApi = (cookie: string | undefined): TestApi => {
    // Every request carries the session cookie and the CSRF header (callers may override).
    const defaults: Record<string, string> = {
      [csrfHeader.name]: csrfHeader.value,
      ...(cookie === undefined ? {} : { Cookie: cookie }),
    };
    const send = async (path: string, init: RequestInit): Promise<ApiResponse> => {
      const headers = new Headers(defaults);
      new Headers(init.headers).forEach((value, key) => {
        headers.set(key, value);
      });
      const res = await fetch(`${baseUrl}${path}`, { ...init, headers });
      return { status: res.status, headers: res.headers, body: await readBody(res) };
    };
    const json =
      (method: string) =>
      (path: string, body?: unknown, headers: Record<string, string> = {}) =>
        send(path, {
          method,
          headers: {
            ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
    const api: TestApi = {
      get: (path, headers = {}) => send(path, { headers }),
      post: json('POST'),
      patch: json('PATCH'),
      put: json('PUT'),
      delete: (path, headers = {}) => send(path, { method: 'DELETE', headers }),
      raw: send,
      events: async (query = '', headers = {}) => {
        const client = await openSse(`${baseUrl}/api/v1/events${query}`, {
          ...defaults,
          ...headers,
        });
        streams.push(client);
        return client;
      },
      closeStreams: () => {
        for (const s of streams.splice(0)) s.close();
      },
      settled: async (operationId, timeoutMs = 20_000) => {
        const deadline = Date.now() + timeoutMs;
        for (;;) {
          const res = await send(`/api/v1/operations/${operationId}`, {});
          const op = operationSchema.parse(res.body);
          if (op.state === 'succeeded' || op.state === 'failed') return op;
          if (Date.now() > deadline) throw new Error(`operation still ${op.state}`);
          await new Promise((r) => setTimeout(r, 25));
        }
      },
    };
    return api;
  };
  /** A new session of the role's account: its cookie header (sessions live in the store). */
  const signIn = async (role: Role): Promise<{ Cookie: string }> => {
    const res = await fetch(`${baseUrl}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [csrfHeader.name]: csrfHeader.value },
      body: JSON.stringify(accounts[role]),
    });
    const cookie = res.headers.get('set-cookie')?.split(';')[0];
    if (res.status !== 201 || cookie === undefined) {
      throw new Error(`test login as ${role} failed: ${res.status}`);
    }
    return { Cookie: cookie };
  };
  const as = async (role: Role | 'anonymous'): Promise<TestApi> =>
    makeApi(role === 'anonymous' ? undefined : (await signIn(role)).Cookie);
  const api = await as(options.role ?? 'operator');

  return {
    baseUrl,
    app,
    emulator,
    runtime,
    api,
    secured,
    accounts,
    as,
    signIn,
    close: async () => {
      // The runtime ends open streams itself (reconnect event), as on a real shutdown.
      await runtime.close();
      await Promise.race([
        Promise.all(streams.map((s) => s.ended)),
        new Promise((r) => setTimeout(r, 1000)),
      ]);
      for (const s of streams) s.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
      await secured.close();
      await ownStore?.close();
      if (ownEmulator) await emulator.close();
    },
  };
};
