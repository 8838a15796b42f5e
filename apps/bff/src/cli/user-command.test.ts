import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Accounts } from '../auth/accounts';
import { openStore, type Store } from '../store/store';
import { runUserCommand, UsageError } from './user-command';

describe('user command', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ memory: true });
  }, 120_000);
  afterAll(async () => {
    await store.close();
  }, 60_000);

  const run = async (args: string[], stdinPassword?: string) => {
    const lines: string[] = [];
    await runUserCommand(args, store, { stdinPassword, out: (l) => lines.push(l) });
    return lines;
  };

  it('creates the first admin with a generated password that logs in', async () => {
    const lines = await run(['add', 'root-admin', '--role', 'admin']);
    expect(lines[0]).toBe('created root-admin (admin)');
    const password = /^password: (.+)$/.exec(lines[1] ?? '')?.[1] ?? '';
    const accounts = new Accounts(store.db);
    expect((await accounts.verifyLogin('root-admin', password))?.role).toBe('admin');
  });

  it('takes the password from stdin and never prints it', async () => {
    const lines = await run(['add', 'ops', '--role', 'operator'], 'stdin password 123');
    expect(lines.join('\n')).not.toContain('stdin password 123');
    expect(await new Accounts(store.db).verifyLogin('ops', 'stdin password 123')).toBeDefined();
  });

  it('re-roles, disables, enables and lists accounts, and audits the changes', async () => {
    await run(['role', 'ops', 'viewer']);
    await run(['disable', 'ops']);
    expect(await run(['list'])).toEqual(['ops\tviewer\tdisabled', 'root-admin\tadmin']);
    await run(['enable', 'ops']);
    await run(['password', 'ops'], 'a brand new password');
    expect(await new Accounts(store.db).verifyLogin('ops', 'a brand new password')).toBeDefined();
    const audit = await store.db.selectFrom('audit_log').select(['action', 'actor_name']).execute();
    expect(audit.filter((a) => a.action === 'changeAccount')).toHaveLength(4);
    expect(audit.every((a) => a.actor_name === 'cli')).toBe(true);
  });

  it('refuses bad arguments with a usage error', async () => {
    await expect(run(['add', 'x y', '--role', 'admin'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['add', 'zed', '--role', 'root'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['add', 'ops', '--role', 'admin'])).rejects.toThrow('exists');
    await expect(run(['disable', 'nobody'])).rejects.toThrow('no such user');
    await expect(run(['add', 'short', '--role', 'viewer'], 'short')).rejects.toBeInstanceOf(
      UsageError,
    );
    await expect(run(['frobnicate'])).rejects.toThrow('usage');
  });
});
