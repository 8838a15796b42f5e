import { chmod, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationNames } from './migrations';
import { openStore, type Store } from './store';
import { createTestDatabase, openTestStore, testDatabaseUrl, testEngines } from './testing';

describe.each(testEngines)('store on %s', (engine) => {
  let store: Store;
  beforeAll(async () => {
    store = await openTestStore(engine);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  }, 120_000);

  it('runs every migration on open and records it', async () => {
    const rows = await sql<{
      name: string;
    }>`select name from kysely_migration order by name`.execute(store.db);
    expect(rows.rows.map((r) => r.name)).toEqual([...migrationNames]);
    expect(store.engine).toBe(engine);
  });

  it('stores and reads back timestamps, booleans and JSON the same way', async () => {
    const at = new Date('2026-01-02T03:04:05.678Z');
    await store.db
      .insertInto('accounts')
      .values({
        id: 'a1',
        username: 'alice',
        username_key: 'alice',
        password_hash: 'x',
        role: 'viewer',
        disabled: true,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const row = await store.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', 'a1')
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBeInstanceOf(Date);
    expect(row.created_at.toISOString()).toBe(at.toISOString());
    expect(row.disabled).toBe(true);
    await store.db
      .insertInto('audit_log')
      .values({
        at,
        category: 'auth',
        action: 'login',
        outcome: 'success',
        actor_id: 'a1',
        actor_name: 'alice',
        actor_role: 'viewer',
        region_id: null,
        gateway_id: null,
        resource_type: null,
        resource_id: null,
        request_id: null,
        client_ip: null,
        detail: JSON.stringify({ changes: [{ path: 'x', secret: true, changed: false }] }),
      })
      .execute();
    const audit = await store.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(typeof audit.id).toBe('number');
    expect(audit.detail).toEqual({ changes: [{ path: 'x', secret: true, changed: false }] });
  });

  it('refuses a role outside viewer/operator/admin and a duplicate user name', async () => {
    const at = new Date();
    const base = {
      password_hash: 'x',
      disabled: false,
      created_at: at,
      updated_at: at,
    };
    await expect(
      store.db
        .insertInto('accounts')
        .values({ ...base, id: 'b1', username: 'bob', username_key: 'bob', role: 'root' })
        .execute(),
    ).rejects.toThrow();
    await expect(
      store.db
        .insertInto('accounts')
        .values({ ...base, id: 'b2', username: 'alice', username_key: 'alice', role: 'viewer' })
        .execute(),
    ).rejects.toThrow();
  });

  it('deletes sessions with their account and rolls back a failed transaction', async () => {
    const at = new Date();
    await store.db
      .insertInto('sessions')
      .values({ id_hash: 'h1', account_id: 'a1', created_at: at, last_seen_at: at })
      .execute();
    await expect(
      store.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('sessions').where('id_hash', '=', 'h1').execute();
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(1);
    await store.db.deleteFrom('accounts').where('id', '=', 'a1').execute();
    expect(await store.db.selectFrom('sessions').selectAll().execute()).toHaveLength(0);
  });

  it('keeps concurrent transactions apart', async () => {
    const at = new Date();
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.db
          .transaction()
          .execute(async (trx) => {
            await trx
              .insertInto('accounts')
              .values({
                id: `c${i}`,
                username: `user${i}`,
                username_key: `user${i}`,
                password_hash: 'x',
                role: 'viewer',
                disabled: false,
                created_at: at,
                updated_at: at,
              })
              .execute();
            if (i % 2 === 1) throw new Error('odd ones roll back');
          })
          .catch(() => undefined),
      ),
    );
    const rows = await store.db
      .selectFrom('accounts')
      .select('id')
      .where('id', 'like', 'c%')
      .execute();
    expect(rows.map((r) => r.id).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `c${i * 2}`).sort(),
    );
  });
});

describe('store persistence', () => {
  it('keeps PGlite data in DATA_DIR across a reopen and migrates only once', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'vpnc-store-'));
    try {
      const first = await openStore({ dataDir: dir });
      const at = new Date();
      await first.db
        .insertInto('accounts')
        .values({
          id: 'p1',
          username: 'persisted',
          username_key: 'persisted',
          password_hash: 'x',
          role: 'admin',
          disabled: false,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await first.close();
      const second = await openStore({ dataDir: dir });
      const row = await second.db
        .selectFrom('accounts')
        .select('username')
        .executeTakeFirstOrThrow();
      expect(row.username).toBe('persisted');
      await second.close();
      // Issue 10: the store was world-writable (0666). Folders 0700, files 0600, even when a
      // file was left open to others before.
      await chmod(path.join(dir, 'store', 'PG_VERSION'), 0o666);
      const third = await openStore({ dataDir: dir });
      await third.close();
      const loose: string[] = [];
      const walk = async (at: string): Promise<void> => {
        const mode = (await stat(at)).mode & 0o777;
        const entries = (await stat(at)).isDirectory()
          ? await readdir(at, { withFileTypes: true })
          : undefined;
        if (entries === undefined) {
          if (mode !== 0o600) loose.push(`${at} ${mode.toString(8)}`);
          return;
        }
        if (mode !== 0o700) loose.push(`${at} ${mode.toString(8)}`);
        for (const e of entries) await walk(path.join(at, e.name));
      };
      await walk(dir);
      expect(loose).toEqual([]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it.runIf(testDatabaseUrl() !== undefined)(
    'migrates a PostgreSQL database once even when opened twice at the same time',
    async () => {
      const adminUrl = testDatabaseUrl() ?? '';
      const { url, drop } = await createTestDatabase(adminUrl);
      try {
        const [a, b] = await Promise.all([
          openStore({ databaseUrl: url }),
          openStore({ databaseUrl: url }),
        ]);
        const rows = await sql<{
          n: number;
        }>`select count(*)::int as n from kysely_migration`.execute(a.db);
        expect(rows.rows[0]?.n).toBe(migrationNames.length);
        await a.close();
        await b.close();
      } finally {
        await drop();
      }
    },
    120_000,
  );
});

describe('embedded store memory', () => {
  it('starts PGlite with small buffers (the store is a few small tables)', async () => {
    const store = await openStore({ memory: true });
    try {
      const shown = await sql<{
        shared_buffers: string;
      }>`show shared_buffers`.execute(store.db);
      expect(shown.rows[0]?.shared_buffers).toBe('8MB');
      const work = await sql<{ work_mem: string }>`show work_mem`.execute(store.db);
      expect(work.rows[0]?.work_mem).toBe('1MB');
    } finally {
      await store.close();
    }
  }, 120_000);
});
