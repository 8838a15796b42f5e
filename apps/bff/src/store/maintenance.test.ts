// Store upkeep (issue 16) on a clock the test moves: what goes, what stays, and one replica at
// a time doing it.
import type { Operation } from '@vpn-console/shared/api/operations';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DurableOperations } from '../operations/durable';
import { acquireLease, leaseHolder } from './leases';
import { defaultPruneRules, pruneStore, StoreMaintenance } from './maintenance';
import { suiteStore } from './suite-store';
import { testEngines } from './testing';

const DAY = 86_400_000;

describe.each(testEngines)('store maintenance on %s', (engine) => {
  const store = suiteStore(engine);
  let t = Date.parse('2026-03-01T00:00:00Z');
  const now = () => new Date(t);
  const rules = defaultPruneRules(7);

  const operation = (id: string): Operation => ({
    id,
    state: 'queued',
    action: 'create',
    resourceKind: 'customer-gateway',
    regionId: 'cn-hangzhou',
    attempts: 0,
    createdAt: now().toISOString(),
    updatedAt: now().toISOString(),
  });
  const ops = () => new DurableOperations({ db: store.db, holder: 'r1', ownerTtlMs: 60_000, now });
  /** What a table still holds (its keys, sorted). */
  const left = async (table: 'gateway_status' | 'leases', column: 'key' | 'name') =>
    (
      await sql<{
        id: string;
      }>`select ${sql.ref(column)} as id from ${sql.table(table)} order by 1`.execute(store.db)
    ).rows.map((r) => r.id);
  const insert = async (id: string, key: string) => {
    await ops().insert({
      operation: operation(id),
      laneKey: 'cn-hangzhou/customer-gateway',
      originStreamId: undefined,
      idempotencyKey: key,
      fingerprint: 'f',
      job: undefined,
    });
  };

  it('forgets finished operations (and their Idempotency-Key) past the retention, never open ones', async () => {
    await insert('op-old-done', 'k-old-done');
    await insert('op-old-open', 'k-old-open');
    await ops().save({ ...operation('op-old-done'), state: 'succeeded' });
    t += 6 * DAY;
    await insert('op-new-done', 'k-new-done');
    await ops().save({ ...operation('op-new-done'), state: 'failed' });
    // Six days on: within the retention, a resend of the key is still answered.
    expect(await pruneStore(store.db, rules, now())).toMatchObject({ operations: 0 });
    expect((await ops().findByIdempotencyKey('k-old-done'))?.operation.id).toBe('op-old-done');
    t += 1 * DAY + 1;
    expect(await pruneStore(store.db, rules, now())).toMatchObject({ operations: 1 });
    expect(await ops().findByIdempotencyKey('k-old-done')).toBeUndefined();
    // An open operation stays however old (its replica or an adopter still has to finish it).
    expect((await ops().get('op-old-open'))?.operation.state).toBe('queued');
    expect((await ops().get('op-new-done'))?.operation.state).toBe('failed');
  });

  it('drops the last state of gateways nobody polls for a day, keeps polled and recent ones', async () => {
    const put = (key: string) =>
      store.db
        .insertInto('gateway_status')
        .values({ key, status: JSON.stringify({ key }), updated_at: now() })
        .execute();
    await put('cn-hangzhou/vpn-gone');
    await put('cn-hangzhou/vpn-polled');
    t += DAY + 1;
    await put('cn-hangzhou/vpn-recent');
    // Someone polls vpn-polled (its state has not changed for a day: a quiet gateway).
    expect(await acquireLease(store.db, 'poll/cn-hangzhou/vpn-polled', 'r2', 6000, { now })).toBe(
      true,
    );
    expect(await pruneStore(store.db, rules, now())).toMatchObject({ gatewayStatus: 1 });
    expect(await left('gateway_status', 'key')).toEqual([
      'cn-hangzhou/vpn-polled',
      'cn-hangzhou/vpn-recent',
    ]);
  });

  it('deletes leases expired for over an hour, keeps live and lately expired ones', async () => {
    await store.db.deleteFrom('leases').execute();
    await acquireLease(store.db, 'poll/dead-replica', 'dead', 1000, { now });
    t += 60 * 60_000;
    await acquireLease(store.db, 'poll/lately', 'dead', 1000, { now });
    await acquireLease(store.db, 'poll/live', 'r1', 60_000, { now });
    t += 1001;
    expect(await pruneStore(store.db, rules, now())).toMatchObject({ leases: 1 });
    expect(await left('leases', 'name')).toEqual(['poll/lately', 'poll/live']);
    // A dead replica's stream slots the same way.
    const slot = (id: string, expiresAt: number) =>
      store.db
        .insertInto('stream_slots')
        .values({
          id,
          holder: 'dead',
          session: null,
          account: null,
          expires_at: new Date(expiresAt),
        })
        .execute();
    await slot('long-dead', t - 60 * 60_000 - 1);
    await slot('lately-dead', t - 1000);
    expect(await pruneStore(store.db, rules, now())).toMatchObject({ streamSlots: 1 });
  });

  it('prunes on one replica at a time; another takes over when it stops', async () => {
    const maintenance = (holder: string) =>
      new StoreMaintenance({ db: store.db, holder, rules, everyMs: 60_000, now: () => t });
    const one = maintenance('m1');
    const two = maintenance('m2');
    await store.db.deleteFrom('leases').execute();
    expect(await one.tick()).toEqual({
      operations: 0,
      gatewayStatus: 0,
      leases: 0,
      streamSlots: 0,
    });
    expect(await two.tick()).toBeUndefined();
    expect(await leaseHolder(store.db, 'store-maintenance', { now })).toBe('m1');
    // m1 stops (a clean shutdown gives the lease up): m2 does the job from its next round.
    await one.stop();
    await insert('op-later', 'k-later');
    await ops().save({ ...operation('op-later'), state: 'succeeded' });
    t += 8 * DAY;
    // (op-later and the first test's op-new-done are both past the retention now.)
    expect(await two.tick()).toMatchObject({ operations: 2 });
    expect(await ops().get('op-later')).toBeUndefined();
    await two.stop();
  });
});
