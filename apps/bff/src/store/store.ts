// The store: PGlite in DATA_DIR by default (nothing to install), PostgreSQL when DATABASE_URL is
// set, both through Kysely with the same schema and migrations, run on open.
import { spawn } from 'node:child_process';
import { chmod, mkdir, readdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import v8 from 'node:v8';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type Dialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations';
import { PgliteDialect } from './pglite-dialect';
import type { Database } from './schema';

export type StoreEngine = 'pglite' | 'postgres';

export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: StoreEngine;
  /** PostgreSQL's URL (a replica's own LISTEN connection needs it); undefined on PGlite. */
  readonly databaseUrl?: string | undefined;
  close(): Promise<void>;
}

export type StoreOptions =
  /** PostgreSQL: `postgres://…` (several BFF replicas may share it). */
  | { readonly databaseUrl: string }
  /** PGlite persisted in `<dataDir>/store`. */
  | { readonly dataDir: string }
  /** PGlite in memory (tests, throwaway demos). */
  | { readonly memory: true };

class StoreMigrationError extends Error {
  override readonly name = 'StoreMigrationError';
}

/**
 * Memory settings of the embedded store. PGlite starts PostgreSQL with its defaults (128 MB of
 * shared buffers and more), which kept the BFF at 700–900 MB RSS; this store holds a few small
 * tables (accounts, sessions, audit), so small buffers are plenty. Durability is unchanged:
 * PGlite already runs with fsync off (`-F`) and writes through to DATA_DIR.
 */
const PGLITE_MEMORY_SETTINGS: readonly string[] = [
  'shared_buffers=8MB',
  'work_mem=1MB',
  'maintenance_work_mem=4MB',
  'temp_buffers=1MB',
  'wal_buffers=256kB',
];

const pgliteStartParams = (): string[] => [
  ...PGlite.defaultStartParams,
  ...PGLITE_MEMORY_SETTINGS.flatMap((setting) => ['-c', setting]),
];

/**
 * V8 compiles PGlite's WebAssembly (all of PostgreSQL) twice by default: at once with its
 * baseline compiler (Liftoff), then again, in the background, with its optimising compiler
 * (TurboFan) for the functions that run hot. The second copy and the compiler's working memory
 * cost about 40 MB of RSS that the process keeps, for queries on a few small tables that did not
 * get measurably faster (issue 16: 185 → 138 MB RSS for PGlite alone, select and insert times
 * unchanged). Only PGlite's module is WebAssembly in the BFF. The flag is read when a module is
 * compiled, so it is set before the first PGlite starts.
 */
const WASM_FLAGS = ['--liftoff-only'] as const;
let wasmFlagsSet = false;

const newPglite = (dataDir?: string): PGlite => {
  if (!wasmFlagsSet) {
    for (const flag of WASM_FLAGS) v8.setFlagsFromString(flag);
    wasmFlagsSet = true;
  }
  return new PGlite({
    ...(dataDir === undefined ? {} : { dataDir }),
    startParams: pgliteStartParams(),
  });
};

const INIT_SCRIPT = `
const { PGlite } = require(process.env.VPNC_PGLITE);
(async () => {
  const db = new PGlite({
    dataDir: process.env.VPNC_STORE_DIR,
    startParams: JSON.parse(process.env.VPNC_START_PARAMS),
  });
  await db.waitReady;
  await db.close();
})().catch((error) => {
  process.stderr.write(String(error && error.stack || error));
  process.exit(1);
});
`;

/**
 * A new PGlite store is created (initdb) in a short-lived child process: PGlite's first
 * initialisation grows the WebAssembly heap to about 750 MB, which a process never gives back,
 * while opening an existing store stays near 260 MB (issue 16, measured). False when the child
 * could not do it (the caller then initialises in-process, as before).
 */
async function initialisePgliteApart(dir: string): Promise<boolean> {
  let pgliteEntry: string;
  try {
    pgliteEntry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  } catch {
    return false;
  }
  return new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, [...WASM_FLAGS, '-e', INIT_SCRIPT], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        VPNC_PGLITE: pgliteEntry,
        VPNC_STORE_DIR: dir,
        VPNC_START_PARAMS: JSON.stringify(pgliteStartParams()),
      },
    });
    child.stderr.resume();
    child.once('error', () => {
      resolve(false);
    });
    child.once('exit', (code) => {
      resolve(code === 0);
    });
  });
}

async function dialectFor(
  options: StoreOptions,
): Promise<{ dialect: Dialect; engine: StoreEngine }> {
  if ('databaseUrl' in options) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server ends (restart, failover, a dropped test database) is an
    // 'error' event; without a listener it ends the process. The pool discards that connection
    // and the next query opens a new one, reporting its own error to its caller.
    pool.on('error', () => undefined);
    return { dialect: new PostgresDialect({ pool }), engine: 'postgres' };
  }
  if ('dataDir' in options) {
    const dir = path.join(options.dataDir, 'store');
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await chmod(options.dataDir, 0o700);
    const fresh = !(await stat(path.join(dir, 'PG_VERSION')).catch(() => undefined));
    if (fresh) await initialisePgliteApart(dir);
    return { dialect: new PgliteDialect(newPglite(dir)), engine: 'pglite' };
  }
  return { dialect: new PgliteDialect(newPglite()), engine: 'pglite' };
}

/**
 * Makes a folder and everything under it private to the BFF's user: folders 0700, files 0600
 * (PGlite creates its files with the process umask; stores made before issue 10 were 0666).
 */
async function makePrivate(dir: string): Promise<void> {
  await chmod(dir, 0o700);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await makePrivate(full);
    else if (entry.isFile()) await chmod(full, 0o600);
  }
}

/** Opens the store and brings its schema up to date. */
export async function openStore(options: StoreOptions): Promise<Store> {
  const { dialect, engine } = await dialectFor(options);
  const db = new Kysely<Database>({ dialect });
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new StoreMigrationError(`store migration ${failed} failed`, { cause: error });
  }
  if ('dataDir' in options) await makePrivate(path.join(options.dataDir, 'store'));
  return {
    db,
    engine,
    databaseUrl: 'databaseUrl' in options ? options.databaseUrl : undefined,
    close: () => db.destroy(),
  };
}
