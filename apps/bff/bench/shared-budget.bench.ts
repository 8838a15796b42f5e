// Shared call budget bench (issue 16): the store's cost per upstream call of the budget shared
// by replicas (cloud/shared-budget.ts). Two replicas (two budgets on one store) take tokens from
// a bucket too large to make anyone wait, so the time measured is the store's: (1) one caller
// per replica, one call after the other; (2) bursts of 50 calls at once per replica (a status
// pass). Tokens one at a time (maxBatch 1: one transaction per call, as before batches) and in
// batches (the default). PGlite always; PostgreSQL too with DATABASE_URL.
//   cd apps/bff && npx tsx bench/shared-budget.bench.ts
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx bench/shared-budget.bench.ts
import { performance } from 'node:perf_hooks';
import { TokenBucketBudget } from '../src/cloud/budget';
import { StoreTokens } from '../src/cloud/shared-budget';
import type { StoreEngine } from '../src/store/store';
import { countingTransactions, openTestStore, testEngines } from '../src/store/testing';

const CALLS = Number(process.env.BENCH_CALLS ?? 1000);

async function run(engine: StoreEngine, maxBatch: number | undefined): Promise<void> {
  const store = await openTestStore(engine);
  const { db, count } = countingTransactions(store.db);
  try {
    const make = () =>
      new TokenBucketBudget(
        { ratePerSecond: 1_000_000, burst: 1_000_000 },
        (params, now) =>
          new StoreTokens(
            { db, key: 'bench', ...(maxBatch === undefined ? {} : { maxBatch }) },
            params,
            now,
          ),
      );
    const replicas = [make(), make()];
    // Warm up (the row, the connections).
    await Promise.all(replicas.map((b) => b.acquire('poll')));
    const measure = async (name: string, perReplica: (b: TokenBucketBudget) => Promise<void>) => {
      const start = performance.now();
      const before = count();
      await Promise.all(replicas.map(perReplica));
      const ms = performance.now() - start;
      const calls = CALLS * replicas.length;
      console.log(
        `${engine.padEnd(8)} ${maxBatch === undefined ? 'batches (default 8)' : 'one at a time      '} ${name.padEnd(20)} ${String(calls)} calls in ${ms.toFixed(0)} ms: ` +
          `${(ms / calls).toFixed(3)} ms per call, ${((calls * 1000) / ms).toFixed(0)} calls/s, ` +
          `${((count() - before) / calls).toFixed(3)} store transactions per call`,
      );
    };
    await measure('one after the other', async (b) => {
      for (let i = 0; i < CALLS; i += 1) await b.acquire('read');
    });
    await measure('bursts of 50', async (b) => {
      for (let i = 0; i < CALLS; i += 50) {
        await Promise.all(Array.from({ length: 50 }, () => b.acquire('poll')));
      }
    });
    for (const b of replicas) b.close();
  } finally {
    await store.close();
  }
}

for (const engine of testEngines)
  for (const maxBatch of [1, undefined]) await run(engine, maxBatch);
