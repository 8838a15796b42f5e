// Two BFF replicas (two app stacks) on one store and one emulator (issue 16): operations are
// answered by either, writes to one gateway keep one order across both, and an operation left
// open by a replica whose heartbeat stopped is adopted and finished by another, with its audit.
import { randomBytes } from 'node:crypto';
import { operationSchema, type Operation } from '@vpn-console/shared/api/operations';
import { ipsecServerListSchema, ipsecServerViewSchema } from '@vpn-console/shared/api/views';
import { startEmulator, type RunningEmulator } from '@vpn-console/vpc-emulator/server';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DurableOperations } from '../src/operations/durable';
import { leaseHolder } from '../src/store/leases';
import type { Store } from '../src/store/store';
import { openTestStore, testDatabaseUrl } from '../src/store/testing';
import { startTestStack, type TestStack } from './harness';

const HZ = 'cn-hangzhou';
const gw = DEMO_IDS.gateways;
const base = `/api/v1/regions/${HZ}`;

let store: Store;
let emulator: RunningEmulator;
let a: TestStack;
let b: TestStack;
const key = {
  accessKeyId: `LTAIrep${randomBytes(6).toString('hex')}`,
  accessKeySecret: randomBytes(18).toString('hex'),
};

beforeAll(async () => {
  store = await openTestStore(testDatabaseUrl() === undefined ? 'pglite' : 'postgres');
  emulator = await startEmulator({
    host: '127.0.0.1',
    port: 0,
    seed: 'demo',
    accessKeys: [key],
    updatingMs: 300,
    negotiationMs: 200,
  });
  const shared = { store, emulator: { running: emulator, ...key } };
  a = await startTestStack(shared);
  b = await startTestStack(shared);
}, 120_000);

afterAll(async () => {
  await a.close();
  await b.close();
  await emulator.close();
  await store.close();
}, 120_000);

const accepted = (res: { status: number; body: unknown }): Operation => {
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return operationSchema.parse(res.body);
};

describe('two replicas on one store', () => {
  it('answers an operation made on one replica on the other, and a resent key there too', async () => {
    const headers = { 'Idempotency-Key': `rep-${randomBytes(6).toString('hex')}` };
    const body = { ipAddress: '203.0.113.91', name: 'replicas' };
    const op = accepted(await a.api.post(`${base}/customer-gateways`, body, headers));
    const seen = await b.api.get(`/api/v1/operations/${op.id}`);
    expect(seen.status).toBe(200);
    expect(operationSchema.parse(seen.body).id).toBe(op.id);
    // The same key through the other replica is the same operation, not a second write.
    // (Keys are per user: the same user, signed in on the other replica; sessions are shared.)
    Object.assign(b.accounts.operator, a.accounts.operator);
    const sameUserOnB = await b.as('operator');
    const again = accepted(await sameUserOnB.post(`${base}/customer-gateways`, body, headers));
    expect(again.id).toBe(op.id);
    const done = await b.api.settled(op.id);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.resourceId).toMatch(/^cgw-/);
  });

  it('settles the audit of two resends of one key racing through two replicas: one entry, no pending', async () => {
    Object.assign(b.accounts.operator, a.accounts.operator);
    const onA = a.api;
    const onB = await b.as('operator');
    const user = a.accounts.operator.username;
    const intents = async (ids: readonly string[]) =>
      store.db
        .selectFrom('audit_log')
        .select(['operation_id', 'outcome'])
        .where('actor_name', '=', user)
        .where('action', '=', 'createCustomerGateway')
        .where('id', 'not in', ids.length === 0 ? [-1] : ids.map(Number))
        .execute();
    const before = (
      await store.db.selectFrom('audit_log').select('id').where('actor_name', '=', user).execute()
    ).map((r) => String(r.id));
    const body = { ipAddress: '203.0.113.93', name: 'racing-resend' };
    // A loser for sure: B looks the key up before A stored it (the window of a real race), then
    // stores its intent and finds A's operation holding the key.
    const racedKey = { 'Idempotency-Key': `race-${randomBytes(6).toString('hex')}` };
    const lookup = vi
      .spyOn(b.runtime.registry, 'lookupByIdempotencyKey')
      .mockResolvedValueOnce(undefined);
    const first = accepted(await onA.post(`${base}/customer-gateways`, body, racedKey));
    const second = accepted(await onB.post(`${base}/customer-gateways`, body, racedKey));
    lookup.mockRestore();
    expect(second.id).toBe(first.id);
    // And a real race: both at once, whichever wins.
    const bothKey = { 'Idempotency-Key': `race-${randomBytes(6).toString('hex')}` };
    const both = { ...body, ipAddress: '203.0.113.94' };
    const [x, y] = await Promise.all([
      onA.post(`${base}/customer-gateways`, both, bothKey),
      onB.post(`${base}/customer-gateways`, both, bothKey),
    ]);
    expect(accepted(x).id).toBe(accepted(y).id);
    const ids = [first.id, accepted(x).id];
    for (const id of ids) {
      const done = await a.api.settled(id);
      expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    }
    // One entry per write, each settled with its outcome; the losers' intents did not stay.
    await vi.waitFor(async () => {
      const rows = await intents(before);
      expect(rows.map((r) => r.outcome)).toEqual(['success', 'success']);
      expect(rows.map((r) => r.operation_id).sort()).toEqual([...ids].sort());
    });
  });

  it('runs two changes to one gateway sent through two replicas one after the other', async () => {
    emulator.resetCalls();
    const list = ipsecServerListSchema.parse(
      (await a.api.get(`${base}/ipsec-servers?vpnGatewayId=${gw.servers}`)).body,
    );
    const id = list.items[0]?.id ?? '';
    const first = accepted(
      await a.api.patch(`${base}/ipsec-servers/${id}`, { ipsecServerName: 'from-a' }),
    );
    const second = accepted(
      await b.api.patch(`${base}/ipsec-servers/${id}`, { localSubnet: ['192.168.78.0/24'] }),
    );
    const [doneFirst, doneSecond] = await Promise.all([
      a.api.settled(first.id),
      b.api.settled(second.id),
    ]);
    expect(doneFirst.state, JSON.stringify(doneFirst.error)).toBe('succeeded');
    expect(doneSecond.state, JSON.stringify(doneSecond.error)).toBe('succeeded');
    // One at a time: the second was sent once, never refused with VpnGateway.Configuring.
    expect(doneSecond.attempts).toBe(1);
    expect(emulator.calls().UpdateIpsecServer).toBe(2);
    expect(Date.parse(doneFirst.updatedAt)).toBeLessThanOrEqual(Date.parse(doneSecond.updatedAt));
    const after = ipsecServerViewSchema.parse(
      (await b.api.get(`${base}/ipsec-servers/${id}`)).body,
    );
    expect(after.name).toBe('from-a');
    expect(after.localSubnet).toEqual(['192.168.78.0/24']);
  });

  it('adopts an operation whose replica stopped, sends it again with its ClientToken, audits it', async () => {
    // A replica that stored an operation (and its audit intent) and died before the cloud call.
    const dead = new DurableOperations({ db: store.db, holder: 'dead-replica', ownerTtlMs: 1 });
    const id = `op-adopt-${randomBytes(4).toString('hex')}`;
    const at = new Date().toISOString();
    await store.db
      .insertInto('audit_log')
      .values({
        at: new Date(),
        category: 'config',
        action: 'createCustomerGateway',
        outcome: 'pending',
        actor_id: null,
        actor_name: 'someone',
        actor_role: 'operator',
        region_id: HZ,
        gateway_id: null,
        resource_type: 'customer-gateway',
        resource_id: null,
        request_id: null,
        client_ip: null,
        operation_id: id,
        detail: JSON.stringify({ errorCode: null, changes: [] }),
      })
      .execute();
    await dead.insert({
      operation: {
        id,
        state: 'queued',
        action: 'create',
        resourceKind: 'customer-gateway',
        regionId: HZ,
        attempts: 0,
        createdAt: at,
        updatedAt: at,
      },
      laneKey: `${HZ}/customer-gateway`,
      originStreamId: undefined,
      idempotencyKey: undefined,
      fingerprint: undefined,
      job: {
        action: 'CreateCustomerGateway',
        params: { RegionId: HZ, IpAddress: '203.0.113.92', ClientToken: `tok-${id}` },
        resourceIdField: 'CustomerGatewayId',
      },
    });
    const done = await b.api.settled(id, 20_000);
    expect(done.state, JSON.stringify(done.error)).toBe('succeeded');
    expect(done.resourceId).toMatch(/^cgw-/);
    // The outcome reaches the store just after the operation ends.
    const audit = await vi.waitFor(async () => {
      const entry = await store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('operation_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(entry.outcome).toBe('success');
      return entry;
    });
    expect(audit.resource_id).toBe(done.resourceId);
    const row = await store.db
      .selectFrom('operations')
      .select(['job', 'owner', 'state'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Finished: the sealed RPC (it may hold a PSK) is gone.
    expect(row).toEqual({ job: null, owner: null, state: 'succeeded' });
  });

  it('polls a gateway watched on both replicas from one of them; both streams see its changes', async () => {
    const query = `?gateways=${HZ}/${gw.free1}`;
    const onA = await a.api.events(query);
    const onB = await b.api.events(query);
    for (const events of [onA, onB]) {
      const snapshot = await events.next('snapshot');
      expect(snapshot.gateways[0]?.gateway?.id ?? snapshot.gateways[0]?.vpnGatewayId).toBe(
        gw.free1,
      );
    }
    // One replica holds the gateway's poll lease; the other polls nothing for it.
    const holder = await leaseHolder(store.db, `poll/${HZ}/${gw.free1}`);
    expect([a.runtime.replicaId, b.runtime.replicaId]).toContain(holder);
    emulator.setGatewayStatus(gw.free1, 'updating', 2500);
    for (const events of [onA, onB]) {
      await events.next('gateway', (e) => e.gateway?.status === 'updating', 5000);
      await events.next('gateway', (e) => e.gateway?.status === 'active', 5000);
    }
    a.api.closeStreams();
    b.api.closeStreams();
  });
});
