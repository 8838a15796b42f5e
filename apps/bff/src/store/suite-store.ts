// One fresh store per test suite on `engine`: opened before its tests, closed (a PostgreSQL test
// database also dropped) after them. Tests only (it registers vitest hooks).
import { afterAll, beforeAll } from 'vitest';
import type { Store, StoreEngine } from './store';
import { openTestStore } from './testing';

export function suiteStore(engine: StoreEngine): { readonly db: Store['db'] } {
  let store: Store | undefined;
  beforeAll(async () => {
    store = await openTestStore(engine);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  }, 120_000);
  return {
    get db(): Store['db'] {
      if (store === undefined) throw new Error('the suite store is not open yet');
      return store.db;
    },
  };
}
