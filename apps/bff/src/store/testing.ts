// Stores for tests: PGlite in memory always, and PostgreSQL when DATABASE_URL is set (each
// store in its own freshly created database, dropped again by `close`).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore, type Store, type StoreEngine } from './store';

/** The PostgreSQL server tests may use (CI sets DATABASE_URL), or undefined. */
export function testDatabaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url === undefined || url === '' ? undefined : url;
}

export const testEngines: readonly StoreEngine[] =
  testDatabaseUrl() === undefined ? ['pglite'] : ['pglite', 'postgres'];

/** Creates an empty database on the server of `adminUrl`; returns its URL and a dropper. */
export async function createTestDatabase(
  adminUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  // TEST_DATABASE_PREFIX lets engineers sharing one server tell their databases apart.
  const prefix = /^[a-z][a-z0-9_]{0,20}$/.exec(process.env.TEST_DATABASE_PREFIX ?? '')?.[0];
  const name = `${prefix ?? 'vpnc_test'}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}

/** A fresh, migrated store on `engine`; `close` also drops a PostgreSQL test database. */
export async function openTestStore(engine: StoreEngine): Promise<Store> {
  if (engine === 'pglite') return openStore({ memory: true });
  const adminUrl = testDatabaseUrl();
  if (adminUrl === undefined) throw new Error('DATABASE_URL is not set');
  const { url, drop } = await createTestDatabase(adminUrl);
  const store = await openStore({ databaseUrl: url });
  return {
    db: store.db,
    engine: store.engine,
    databaseUrl: store.databaseUrl,
    close: async () => {
      await store.close();
      await drop();
    },
  };
}

/** `db` whose transactions are counted (`count()`): how often code asks the store. */
export function countingTransactions(db: Store['db']): {
  db: Store['db'];
  count: () => number;
} {
  let transactions = 0;
  const counted = new Proxy(db, {
    get: (target, prop) =>
      prop === 'transaction'
        ? () => {
            transactions += 1;
            return target.transaction();
          }
        : (() => {
            const value = Reflect.get(target, prop, target) as unknown;
            return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
          })(),
  });
  return { db: counted, count: () => transactions };
}
