// The last enabled admin can be neither disabled nor demoted, whoever asks (API or CLI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../store/store';
import { openTestStore, testEngines } from '../store/testing';
import { Accounts, LastAdminError } from './accounts';
import { PasswordPolicyError } from './password-policy';

describe.each(testEngines)('account rules on %s', (engine) => {
  let store: Store;
  let accounts: Accounts;
  beforeAll(async () => {
    store = await openTestStore(engine);
    accounts = new Accounts(store.db);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  }, 120_000);

  it('refuses to disable or demote the last enabled admin, and allows it once another exists', async () => {
    const only = await accounts.create({
      username: 'only-admin',
      password: 'a long enough passphrase',
      role: 'admin',
    });
    await expect(accounts.change(only.id, { role: 'operator' })).rejects.toThrow(LastAdminError);
    await expect(accounts.change(only.id, { disabled: true })).rejects.toThrow(LastAdminError);
    await expect(accounts.change(only.id, { role: 'admin' })).resolves.toBeDefined();
    const other = await accounts.create({
      username: 'other-admin',
      password: 'another long passphrase',
      role: 'admin',
    });
    await accounts.change(other.id, { disabled: true });
    // A disabled admin does not count.
    await expect(accounts.change(only.id, { role: 'viewer' })).rejects.toThrow(LastAdminError);
    await accounts.change(other.id, { disabled: false });
    await expect(accounts.change(only.id, { role: 'viewer' })).resolves.toBeDefined();
    expect((await accounts.get(only.id))?.role).toBe('viewer');
  });

  it('refuses weak passwords in create and change (the CLI goes through here too)', async () => {
    await expect(
      accounts.create({ username: 'weakling', password: 'password1234', role: 'viewer' }),
    ).rejects.toThrow(PasswordPolicyError);
    const a = await accounts.create({
      username: 'twelve-chars',
      password: 'a long enough passphrase',
      role: 'viewer',
    });
    await expect(accounts.change(a.id, { password: 'Twelve-Chars' })).rejects.toThrow(
      PasswordPolicyError,
    );
  });
});
