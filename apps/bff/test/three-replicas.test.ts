// Three BFF replicas as processes (src/server.ts) on this machine's PostgreSQL and one
// standalone emulator (CLOUD_MODE=alibaba + CLOUD_ENDPOINT), requests spread round-robin
// (issue 16). Needs DATABASE_URL (CI sets it); skipped without, with the reason in its name.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { operationSchema, type Operation } from '@vpn-console/shared/api/operations';
import { csrfHeader } from '@vpn-console/shared/api/session';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { sslVpnClientCertListSchema } from '@vpn-console/shared/api/remote-access';
import { startEmulator, type RunningEmulator } from '@vpn-console/vpc-emulator/server';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSecurity, type StartedSecurity } from '../src/auth/bootstrap';
import { generatePassword } from '../src/auth/passwords';
import { testConfig } from '../src/config';
import { openStore, type Store } from '../src/store/store';
import { createTestDatabase, testDatabaseUrl } from '../src/store/testing';
import { openSse, type SseClient } from './sse-client';

const bffRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const HZ = 'cn-hangzhou';
const gw = DEMO_IDS.gateways;
const HEARTBEAT_MS = 300;
const SLOW_MS = 1000;

interface Replica {
  child: ChildProcess;
  url: string;
}

const adminUrl = testDatabaseUrl();

const startReplica = (env: Record<string, string>): Promise<Replica> =>
  new Promise((resolve, reject) => {
    const home = mkdtempSync(path.join(tmpdir(), 'bff-replica-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: bffRoot,
      env: { PATH: process.env.PATH ?? '', HOME: home, LOG_LEVEL: 'silent', ...env },
    });
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      reject(new Error(`replica did not start: ${err}`));
    }, 60_000);
    child.stderr.setEncoding('utf8').on('data', (c: string) => {
      err += c;
    });
    child.stdout.setEncoding('utf8').on('data', (c: string) => {
      out += c;
      const match = /ready at (http:\/\/\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.on('exit', () => {
      clearTimeout(timer);
    });
  });

describe.skipIf(adminUrl === undefined)(
  adminUrl === undefined
    ? 'three replicas on PostgreSQL — skipped: DATABASE_URL is not set'
    : 'three replicas on PostgreSQL',
  () => {
    let emulator: RunningEmulator;
    let store: Store;
    let secured: StartedSecurity;
    let drop: () => Promise<void>;
    const replicas: Replica[] = [];
    let cookie = '';
    let turn = 0;
    const key = {
      accessKeyId: `LTAI3rep${randomBytes(6).toString('hex')}`,
      accessKeySecret: randomBytes(18).toString('hex'),
    };

    /** The next replica, round-robin (as a load balancer would). */
    const alive = (r: Replica): boolean => r.child.exitCode === null && r.child.signalCode === null;
    const next = (): Replica => {
      const live = replicas.filter(alive);
      const replica = live[turn % live.length];
      turn += 1;
      if (!replica) throw new Error('no live replica');
      return replica;
    };
    const send = async (
      replica: Replica,
      method: string,
      route: string,
      body?: unknown,
    ): Promise<{ status: number; body: unknown }> => {
      const res = await fetch(`${replica.url}${route}`, {
        method,
        headers: {
          Cookie: cookie,
          [csrfHeader.name]: csrfHeader.value,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const text = await res.text();
      return { status: res.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
    };
    const settled = async (id: string, timeoutMs = 30_000): Promise<Operation> => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const res = await send(next(), 'GET', `/api/v1/operations/${id}`);
        const op = operationSchema.parse(res.body);
        if (op.state === 'succeeded' || op.state === 'failed') return op;
        if (Date.now() > deadline) throw new Error(`operation still ${op.state}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const events = (replica: Replica, query: string): Promise<SseClient> =>
      openSse(`${replica.url}/api/v1/events${query}`, {
        Cookie: cookie,
        [csrfHeader.name]: csrfHeader.value,
      });

    beforeAll(async () => {
      const db = await createTestDatabase(adminUrl ?? '');
      drop = db.drop;
      emulator = await startEmulator({
        host: '127.0.0.1',
        port: 0,
        seed: 'demo',
        accessKeys: [key],
        updatingMs: 300,
        negotiationMs: 200,
      });
      store = await openStore({ databaseUrl: db.url });
      secured = await startSecurity(testConfig({ DATABASE_URL: db.url }), {
        demo: false,
        openStore: store,
      });
      const account = { username: 'replica-operator', password: generatePassword() };
      await secured.security.accounts.create({ ...account, role: 'operator' });
      const env = {
        DATABASE_URL: db.url,
        CLOUD_MODE: 'alibaba',
        CLOUD_ENDPOINT: emulator.url,
        ALIBABA_CLOUD_ACCESS_KEY_ID: key.accessKeyId,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: key.accessKeySecret,
        PORT: '0',
        STATIC_DIR: '/nonexistent-spa-dir',
        POLL_FAST_MS: '100',
        POLL_SLOW_MS: String(SLOW_MS),
        REPLICA_HEARTBEAT_MS: String(HEARTBEAT_MS),
        UPSTREAM_WRITE_TIMEOUT_MS: '8000',
      };
      for (let i = 0; i < 3; i += 1) replicas.push(await startReplica(env));
      const login = await fetch(`${next().url}/api/v1/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [csrfHeader.name]: csrfHeader.value },
        body: JSON.stringify(account),
      });
      expect(login.status).toBe(201);
      cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }, 240_000);

    afterAll(async () => {
      for (const r of replicas) {
        if (alive(r)) r.child.kill('SIGTERM');
      }
      await Promise.all(
        replicas.map(
          (r) =>
            new Promise<void>((resolve) => {
              if (r.child.exitCode !== null || r.child.signalCode !== null) resolve();
              else
                r.child.on('exit', () => {
                  resolve();
                });
            }),
        ),
      );
      await secured.close();
      await store.close();
      await emulator.close();
      await drop();
    }, 120_000);

    it('reads an operation created on one replica on another (sessions are shared too)', async () => {
      const created = await send(next(), 'POST', apiPaths.customerGateways(HZ), {
        ipAddress: '203.0.113.101',
        name: 'three-replicas',
      });
      expect(created.status).toBe(202);
      const op = operationSchema.parse(created.body);
      const elsewhere = await send(next(), 'GET', `/api/v1/operations/${op.id}`);
      expect(elsewhere.status).toBe(200);
      expect(operationSchema.parse(elsewhere.body).id).toBe(op.id);
      expect((await settled(op.id)).state).toBe('succeeded');
    });

    it('lands two writes to one gateway sent through two replicas in order, none refused busy', async () => {
      const server = DEMO_IDS.sslServers.hangzhou;
      const first = operationSchema.parse(
        (await send(next(), 'POST', apiPaths.sslVpnClientCerts(HZ, server), { name: 'order-1' }))
          .body,
      );
      const second = operationSchema.parse(
        (await send(next(), 'POST', apiPaths.sslVpnClientCerts(HZ, server), { name: 'order-2' }))
          .body,
      );
      const [a, b] = await Promise.all([settled(first.id), settled(second.id)]);
      expect(a.state, JSON.stringify(a.error)).toBe('succeeded');
      expect(b.state, JSON.stringify(b.error)).toBe('succeeded');
      expect(b.attempts).toBe(1);
      expect(Date.parse(a.updatedAt)).toBeLessThanOrEqual(Date.parse(b.updatedAt));
    });

    it('polls each watched gateway once per interval however many replicas watch it', async () => {
      const watched = [gw.free1, gw.free2, gw.servers];
      const query = `?gateways=${watched.map((id) => `${HZ}/${id}`).join(',')}`;
      const streams = await Promise.all(replicas.map((r) => events(r, query)));
      for (const s of streams) await s.next('snapshot');
      // Let leases settle (a first look may poll once on a replica that then loses the race).
      await new Promise((r) => setTimeout(r, 3 * HEARTBEAT_MS));
      emulator.resetCalls();
      const windowMs = 6 * SLOW_MS;
      await new Promise((r) => setTimeout(r, windowMs));
      const polls = emulator.calls().DescribeVpnGateway ?? 0;
      const perGatewayPerInterval = polls / watched.length / (windowMs / SLOW_MS);
      // One poller per gateway: about 1.00; three pollers would make about 3.
      expect(perGatewayPerInterval).toBeGreaterThan(0.6);
      expect(perGatewayPerInterval).toBeLessThan(1.4);
      for (const s of streams) s.close();
    });

    it('kill -9 of the replica holding an applying and a queued write: both end, once each, audited; its streams reconnect elsewhere', async () => {
      const victim = replicas[2];
      if (!victim) throw new Error('no replica');
      const server = DEMO_IDS.sslServers.hangzhou;
      const stream = await events(victim, `?gateways=${HZ}/${gw.servers}`);
      await stream.next('snapshot');
      // The first write hangs upstream for a while: it is applying when the replica dies.
      emulator.faults.inject({
        action: 'CreateSslVpnClientCert',
        kind: 'latency',
        latencyMs: 2000,
        count: 1,
      });
      const applying = operationSchema.parse(
        (await send(victim, 'POST', apiPaths.sslVpnClientCerts(HZ, server), { name: 'kill-1' }))
          .body,
      );
      const queued = operationSchema.parse(
        (await send(victim, 'POST', apiPaths.sslVpnClientCerts(HZ, server), { name: 'kill-2' }))
          .body,
      );
      await new Promise((r) => setTimeout(r, 500));
      victim.child.kill('SIGKILL');
      await new Promise<void>((resolve) => {
        victim.child.on('exit', () => {
          resolve();
        });
      });
      const [one, two] = await Promise.all([settled(applying.id), settled(queued.id)]);
      // Adopted by a live replica and sent again with their ClientTokens: done, once each.
      expect(one.state, JSON.stringify(one.error)).toBe('succeeded');
      expect(two.state, JSON.stringify(two.error)).toBe('succeeded');
      const list = sslVpnClientCertListSchema.parse(
        (await send(next(), 'GET', apiPaths.sslVpnClientCerts(HZ, server))).body,
      );
      expect(list.items.filter((c) => c.name === 'kill-1')).toHaveLength(1);
      expect(list.items.filter((c) => c.name === 'kill-2')).toHaveLength(1);
      const audit = await store.db
        .selectFrom('audit_log')
        .select(['operation_id', 'outcome'])
        .where('operation_id', 'in', [applying.id, queued.id])
        .execute();
      expect(audit).toHaveLength(2);
      for (const row of audit) expect(row.outcome).toBe('success');
      // The dead replica's stream ended; the client reconnects (to another replica) and gets a
      // snapshot.
      await stream.ended;
      const again = await events(next(), `?gateways=${HZ}/${gw.servers}`);
      const snapshot = await again.next('snapshot');
      expect(snapshot.gateways.map((g) => g.vpnGatewayId)).toEqual([gw.servers]);
      again.close();
    });
  },
);
