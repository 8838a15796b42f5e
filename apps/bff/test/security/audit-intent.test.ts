// No write without its audit record: the intent is stored before the cloud call and completed
// with the outcome; when the store cannot take it, the write is refused (503) and the cloud
// never hears of it (counted by the emulator). Free text with control characters is refused
// before anything is stored or sent.
import { apiErrorBodySchema } from '@vpn-console/shared/api/errors';
import { operationSchema } from '@vpn-console/shared/api/operations';
import { DEMO_IDS } from '@vpn-console/vpc-emulator/seed';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../harness';

const HZ = 'cn-hangzhou';
const base = `/api/v1/regions/${HZ}`;

const customerGateway = (name: string) => ({
  ipAddress: `203.0.113.${String(10 + Math.floor(Math.random() * 200))}`,
  name,
});

describe('audit intents', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  }, 120_000);
  afterAll(async () => {
    await stack.close();
  }, 60_000);

  const intentOf = (operationId: string) =>
    stack.secured.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('operation_id', '=', operationId)
      .execute();

  it('stores the intent under the operation id and completes it with the outcome', async () => {
    const res = await stack.api.post(`${base}/customer-gateways`, customerGateway('intent-ok'));
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    const op = operationSchema.parse(res.body);
    const settled = await stack.api.settled(op.id);
    expect(settled.state).toBe('succeeded');
    // Completion is written right after the operation settles.
    let rows = await intentOf(op.id);
    for (let i = 0; i < 50 && rows[0]?.outcome === 'pending'; i += 1) {
      await new Promise((r) => setTimeout(r, 20));
      rows = await intentOf(op.id);
    }
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      category: 'config',
      action: 'createCustomerGateway',
      outcome: 'success',
      actor_name: stack.accounts.operator.username,
      resource_id: settled.resourceId,
    });
    expect(rows[0]?.request_id).toBeTruthy();
  });

  it('refuses the write with 503 AuditUnavailable and makes no cloud call when the store cannot take the intent', async () => {
    const db = stack.secured.store.db;
    await sql`create or replace function refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit store unavailable'; end $$`.execute(db);
    await sql`create trigger refuse_audit before insert on audit_log
      for each row execute function refuse_audit()`.execute(db);
    try {
      stack.emulator.resetCalls();
      const res = await stack.api.post(`${base}/customer-gateways`, customerGateway('never-sent'));
      expect(res.status).toBe(503);
      expect(apiErrorBodySchema.parse(res.body).error.code).toBe('AuditUnavailable');
      const change = await stack.api.patch(`${base}/ipsec-servers/${DEMO_IDS.ipsecServer}`, {
        ipsecServerName: 'never-renamed',
      });
      expect(change.status).toBe(503);
      // Give a (wrongly) queued write time to reach the cloud before counting.
      await new Promise((r) => setTimeout(r, 300));
      const calls = stack.emulator.calls();
      expect(calls.CreateCustomerGateway ?? 0).toBe(0);
      expect(calls.UpdateIpsecServer ?? 0).toBe(0);
    } finally {
      await sql`drop trigger refuse_audit on audit_log`.execute(db);
      await sql`drop function refuse_audit()`.execute(db);
    }
  });

  it('refuses control and bidi characters in free text with CONTROL_CHARACTER before any call', async () => {
    stack.emulator.resetCalls();
    for (const name of ['a\u0000b', 'evil\u202Egnp', 'x\u0085y', 'line\r\nbreak']) {
      const res = await stack.api.patch(`${base}/ipsec-servers/${DEMO_IDS.ipsecServer}`, {
        ipsecServerName: name,
      });
      expect(res.status, JSON.stringify(name)).toBe(400);
      const { error } = apiErrorBodySchema.parse(res.body);
      expect(error.issues).toEqual([
        expect.objectContaining({ path: 'ipsecServerName', code: 'CONTROL_CHARACTER' }),
      ]);
      const cgw = await stack.api.post(`${base}/customer-gateways`, {
        ...customerGateway('ok-name'),
        description: name,
      });
      expect(cgw.status).toBe(400);
      expect(apiErrorBodySchema.parse(cgw.body).error.issues?.[0]?.code).toBe('CONTROL_CHARACTER');
    }
    const calls = stack.emulator.calls();
    expect(calls.UpdateIpsecServer ?? 0).toBe(0);
    expect(calls.CreateCustomerGateway ?? 0).toBe(0);
  });
});
