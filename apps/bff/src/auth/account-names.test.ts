// Issue 17: user names are unique whatever their case, a store with names that differ only in
// case migrates without losing an account or a login, and the last login is kept.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationProvider } from '../store/migrations';
import { PgliteDialect } from '../store/pglite-dialect';
import type { Database } from '../store/schema';
import { openStore, type Store } from '../store/store';
import { openTestStore, testEngines } from '../store/testing';
import { AccountExistsError, Accounts } from './accounts';
import { hashPassword } from './passwords';

describe.each(testEngines)('account names on %s', (engine) => {
  let store: Store;
  let accounts: Accounts;
  let now = new Date('2026-11-30T08:00:00.000Z');
  beforeAll(async () => {
    store = await openTestStore(engine);
    accounts = new Accounts(store.db, () => now);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  }, 120_000);

  it('refuses OPERATOR when operator exists, and logs OPERATOR in as operator', async () => {
    const op = await accounts.create({
      username: 'operator',
      password: 'a long enough passphrase',
      role: 'operator',
    });
    await expect(
      accounts.create({ username: 'OPERATOR', password: 'another passphrase!', role: 'admin' }),
    ).rejects.toThrow(AccountExistsError);
    expect(
      (await accounts.list()).filter((a) => a.username.toLowerCase() === 'operator'),
    ).toHaveLength(1);
    expect(op.lastLoginAt).toBeNull();
    now = new Date('2026-11-30T09:15:00.000Z');
    const in1 = await accounts.verifyLogin('OPERATOR', 'a long enough passphrase');
    expect(in1?.id).toBe(op.id);
    expect((await accounts.get(op.id))?.lastLoginAt?.toISOString()).toBe(
      '2026-11-30T09:15:00.000Z',
    );
    // A failed login leaves the last login as it was.
    now = new Date('2026-11-30T10:00:00.000Z');
    expect(await accounts.verifyLogin('operator', 'wrong passphrase here')).toBeUndefined();
    expect((await accounts.get(op.id))?.lastLoginAt?.toISOString()).toBe(
      '2026-11-30T09:15:00.000Z',
    );
  });
});

describe('migration 0005 on a store whose names differ only in case', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vpnc-names-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps both accounts and both logins; the rule holds for new names', async () => {
    const storeDir = path.join(dir, 'store');
    const db = new Kysely<Database>({ dialect: new PgliteDialect(new PGlite(storeDir)) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    expect((await migrator.migrateTo('0003-server-secrets')).error).toBeUndefined();
    const hash = await hashPassword('a long enough passphrase');
    for (const [id, username, at] of [
      ['00000000-0000-4000-8000-000000000001', 'operator', '2026-01-01T00:00:00Z'],
      ['00000000-0000-4000-8000-000000000002', 'OPERATOR', '2026-02-01T00:00:00Z'],
    ] as const) {
      await sql`insert into accounts (id, username, password_hash, role, disabled, created_at, updated_at)
        values (${id}, ${username}, ${hash}, 'operator', false, ${at}::timestamptz, ${at}::timestamptz)`.execute(
        db,
      );
    }
    await db.destroy();

    const store = await openStore({ dataDir: dir });
    try {
      const accounts = new Accounts(store.db);
      expect((await accounts.list()).map((a) => a.username).sort()).toEqual([
        'OPERATOR',
        'operator',
      ]);
      expect((await accounts.verifyLogin('operator', 'a long enough passphrase'))?.id).toBe(
        '00000000-0000-4000-8000-000000000001',
      );
      expect((await accounts.verifyLogin('OPERATOR', 'a long enough passphrase'))?.id).toBe(
        '00000000-0000-4000-8000-000000000002',
      );
      // The oldest holds the plain key: other spellings mean it.
      expect((await accounts.verifyLogin('Operator', 'a long enough passphrase'))?.id).toBe(
        '00000000-0000-4000-8000-000000000001',
      );
      await expect(
        accounts.create({
          username: 'OpErAtOr',
          password: 'yet another passphrase',
          role: 'viewer',
        }),
      ).rejects.toThrow(AccountExistsError);
    } finally {
      await store.close();
    }
  }, 120_000);
});
