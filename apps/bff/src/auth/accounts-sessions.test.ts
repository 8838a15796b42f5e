import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore, testEngines } from '../store/testing';
import { AccountExistsError, Accounts } from './accounts';
import { hashToken, SESSION_CACHE_MS, Sessions } from './sessions';

describe.each(testEngines)('accounts and sessions on %s', (engine) => {
  let store: Store;
  let t: number;
  const now = () => new Date(t);
  let accounts: Accounts;
  let sessions: Sessions;

  beforeAll(async () => {
    store = await openTestStore(engine);
    sessions = new Sessions(store.db, { idleMs: 60_000, absoluteMs: 600_000 }, now);
    accounts = new Accounts(store.db, now, (id) => {
      sessions.forgetAccount(id);
    });
  }, 120_000);
  afterAll(async () => {
    await store.close();
  }, 120_000);
  beforeEach(async () => {
    t = Date.parse('2026-03-01T00:00:00Z');
    await store.db.deleteFrom('accounts').execute();
  });

  it('creates an account, refuses the same name twice, and checks logins', async () => {
    const a = await accounts.create({
      username: 'ops',
      password: 'long enough pw',
      role: 'operator',
    });
    expect(a).toMatchObject({ username: 'ops', role: 'operator', disabled: false });
    await expect(
      accounts.create({ username: 'ops', password: 'other password', role: 'viewer' }),
    ).rejects.toBeInstanceOf(AccountExistsError);
    expect((await accounts.verifyLogin('ops', 'long enough pw'))?.id).toBe(a.id);
    expect(await accounts.verifyLogin('ops', 'wrong password')).toBeUndefined();
    expect(await accounts.verifyLogin('nobody', 'long enough pw')).toBeUndefined();
  });

  it('stores only the hash of the session token and resolves it to the account', async () => {
    const a = await accounts.create({ username: 'v', password: 'viewer password', role: 'viewer' });
    const { token, expiresAt } = await sessions.create(a.id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const rows = await store.db.selectFrom('sessions').selectAll().execute();
    expect(rows.map((r) => r.id_hash)).toEqual([hashToken(token)]);
    expect(JSON.stringify(rows)).not.toContain(token);
    const p = await sessions.resolve(token);
    expect(p).toMatchObject({ accountId: a.id, username: 'v', role: 'viewer' });
    expect(p?.expiresAt.toISOString()).toBe(expiresAt.toISOString());
    expect(await sessions.resolve('x'.repeat(43))).toBeUndefined();
  });

  it('ends a session after the idle timeout, and activity keeps it alive', async () => {
    const a = await accounts.create({ username: 'i', password: 'idle password', role: 'viewer' });
    const { token } = await sessions.create(a.id);
    t += 50_000;
    expect(await sessions.resolve(token)).toBeDefined();
    t += 50_000; // 100 s after login but 50 s after the last request
    expect(await sessions.resolve(token)).toBeDefined();
    t += 60_000;
    expect(await sessions.resolve(token)).toBeUndefined();
    expect(await store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  it('ends a session at the absolute timeout however busy', async () => {
    const a = await accounts.create({ username: 'b', password: 'busy password', role: 'viewer' });
    const { token } = await sessions.create(a.id);
    for (let i = 0; i < 19; i++) {
      t += 30_000;
      expect(await sessions.resolve(token)).toBeDefined();
    }
    t += 30_000;
    expect(await sessions.resolve(token)).toBeUndefined();
  });

  it('ends all sessions of an account when it is disabled or its password changes', async () => {
    const a = await accounts.create({
      username: 'd',
      password: 'disable password',
      role: 'operator',
    });
    const s1 = await sessions.create(a.id);
    const s2 = await sessions.create(a.id);
    await accounts.change(a.id, { role: 'viewer' });
    expect((await sessions.resolve(s1.token))?.role).toBe('viewer');
    await accounts.change(a.id, { disabled: true });
    expect(await sessions.resolve(s1.token)).toBeUndefined();
    expect(await sessions.resolve(s2.token)).toBeUndefined();
    expect(await accounts.verifyLogin('d', 'disable password')).toBeUndefined();
    await accounts.change(a.id, { disabled: false });
    const s3 = await sessions.create(a.id);
    await accounts.change(a.id, { password: 'a new password!' });
    expect(await sessions.resolve(s3.token)).toBeUndefined();
    expect(await accounts.verifyLogin('d', 'a new password!')).toBeDefined();
  });

  it('reuses a looked-up session for a few seconds, sees a change from elsewhere after that, and writes last-seen rarely', async () => {
    let mono = 0;
    const cached = new Sessions(store.db, { idleMs: 60_000, absoluteMs: 600_000 }, now, () => mono);
    const a = await accounts.create({ username: 'c', password: 'cache password', role: 'viewer' });
    const s = await cached.create(a.id);
    const lastSeen = async () =>
      (
        await store.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id_hash', '=', hashToken(s.token))
          .executeTakeFirstOrThrow()
      ).last_seen_at.getTime();
    const started = t;
    t += 10_000;
    expect(await cached.resolve(s.token)).toBeDefined();
    // Within the touch interval (a quarter of this idle timeout): no write.
    expect(await lastSeen()).toBe(started);
    t += 10_000;
    expect(await cached.resolve(s.token)).toBeDefined();
    expect(await lastSeen()).toBe(t);
    // Ended by another process (e.g. the user CLI): seen once the cached copy is too old.
    await store.db.deleteFrom('sessions').where('id_hash', '=', hashToken(s.token)).execute();
    mono += SESSION_CACHE_MS;
    expect(await cached.resolve(s.token)).toBeUndefined();
    // Timeouts are checked on every lookup, cached or not.
    const s2 = await cached.create(a.id);
    expect(await cached.resolve(s2.token)).toBeDefined();
    t += 600_000;
    expect(await cached.resolve(s2.token)).toBeUndefined();
    // The stream sweep reads the store, not the cache.
    t += 1;
    const s3 = await cached.create(a.id);
    expect(await cached.resolve(s3.token)).toBeDefined();
    expect([...(await cached.liveOf([hashToken(s3.token)]))]).toEqual([hashToken(s3.token)]);
    await store.db.deleteFrom('sessions').where('id_hash', '=', hashToken(s3.token)).execute();
    expect((await cached.liveOf([hashToken(s3.token)])).size).toBe(0);
    expect(await cached.resolve(s3.token)).toBeUndefined();
  });

  it('gives a new id on every login, logs out, and purges expired sessions', async () => {
    const a = await accounts.create({ username: 'n', password: 'new id password', role: 'admin' });
    const s1 = await sessions.create(a.id);
    const s2 = await sessions.create(a.id);
    expect(s1.token).not.toBe(s2.token);
    await sessions.destroy(s1.token);
    expect(await sessions.resolve(s1.token)).toBeUndefined();
    expect(await sessions.resolve(s2.token)).toBeDefined();
    t += 61_000;
    expect(await sessions.purgeExpired()).toBe(1);
  });

  it('answers undefined when changing an account that does not exist', async () => {
    expect(await accounts.change('nope', { role: 'admin' })).toBeUndefined();
  });
});
