import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../../auth/accounts';
import { openStore, type Store } from '../../store/store';
import { DEMO_ACCOUNTS_FILE, ensureDemoAccounts } from './demo-accounts';

describe('demo accounts', () => {
  let dir: string;
  let store: Store;
  let accounts: Accounts;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vpnc-demo-'));
    store = await openStore({ memory: true });
    accounts = new Accounts(store.db);
  }, 120_000);
  afterAll(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }, 120_000);

  it('creates admin, operator and viewer with generated passwords kept in DATA_DIR', async () => {
    const demo = await ensureDemoAccounts(dir, accounts);
    expect(demo.map((a) => [a.username, a.role])).toEqual([
      ['admin', 'admin'],
      ['operator', 'operator'],
      ['viewer', 'viewer'],
    ]);
    for (const a of demo) {
      expect(a.password).toMatch(/^[A-Za-z0-9_-]{24}$/);
      expect((await accounts.verifyLogin(a.username, a.password))?.role).toBe(a.role);
    }
    const file = path.join(dir, DEMO_ACCOUNTS_FILE);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ accounts: demo });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
  });

  it('reuses the stored passwords on the next start and repairs a disabled or re-roled account', async () => {
    const first = await ensureDemoAccounts(dir, accounts);
    const viewer = await accounts.findByUsername('viewer');
    if (viewer === undefined) throw new Error('viewer missing');
    await accounts.change(viewer.id, {
      disabled: true,
      role: 'admin',
      password: 'changed by hand',
    });
    const second = await ensureDemoAccounts(dir, accounts);
    expect(second).toEqual(first);
    const v = second.find((a) => a.username === 'viewer');
    expect((await accounts.verifyLogin('viewer', v?.password ?? ''))?.role).toBe('viewer');
  });

  it('puts the same passwords into a fresh store (PostgreSQL replaced, DATA_DIR kept)', async () => {
    const known = await ensureDemoAccounts(dir, accounts);
    const other = await openStore({ memory: true });
    try {
      const again = await ensureDemoAccounts(dir, new Accounts(other.db));
      expect(again).toEqual(known);
    } finally {
      await other.close();
    }
  }, 120_000);
});
