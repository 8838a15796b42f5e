// The `user` command: manage accounts from the command line (the first admin in particular).
//   user add <username> --role <viewer|operator|admin>   password from stdin, else generated
//   user role <username> <role>
//   user disable <username> | user enable <username>
//   user password <username>                             password from stdin, else generated
//   user list
import { passwordSchema } from '@vpn-console/shared/api/accounts';
import { roleSchema, usernameSchema } from '@vpn-console/shared/api/session';
import { AccountExistsError, Accounts, LastAdminError, type Account } from '../auth/accounts';
import { PasswordPolicyError } from '../auth/password-policy';
import { formatIssueMessage } from '@vpn-console/shared/errors/issue-texts';
import { generatePassword } from '../auth/passwords';
import { AuditLog } from '../modules/audit/audit-log';
import type { Store } from '../store/store';

export interface UserCommandIo {
  /** The password given on standard input (first line), if any. */
  readonly stdinPassword: string | undefined;
  out(line: string): void;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const USAGE = `usage:
  user add <username> --role <viewer|operator|admin>   (password from stdin, else generated)
  user role <username> <viewer|operator|admin>
  user disable <username>
  user enable <username>
  user password <username>                             (password from stdin, else generated)
  user list`;

function passwordFrom(io: UserCommandIo): { password: string; generated: boolean } {
  if (io.stdinPassword === undefined || io.stdinPassword === '') {
    return { password: generatePassword(), generated: true };
  }
  const parsed = passwordSchema.safeParse(io.stdinPassword);
  if (!parsed.success) {
    throw new UsageError('the password must be 12 to 1024 characters, not only spaces');
  }
  return { password: parsed.data, generated: false };
}

function passwordRefused(error: PasswordPolicyError): string {
  return `password refused: ${formatIssueMessage(error.code, 'en', { min: 12 })}`;
}

function usernameArg(value: string | undefined): string {
  const parsed = usernameSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`not a valid user name: ${value ?? '(missing)'}`);
  return parsed.data;
}

function roleArg(value: string | undefined) {
  const parsed = roleSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`role must be viewer, operator or admin`);
  return parsed.data;
}

const cli = { id: null, username: 'cli', role: null } as const;

/** Runs one `user` command against the store; throws UsageError for bad arguments. */
export async function runUserCommand(
  args: readonly string[],
  store: Store,
  io: UserCommandIo,
): Promise<void> {
  const accounts = new Accounts(store.db);
  const audit = new AuditLog(store.db);
  const [verb, name, ...rest] = args;
  const find = async (username: string): Promise<Account> => {
    const account = await accounts.findByUsername(username);
    if (account === undefined) throw new UsageError(`no such user: ${username}`);
    return account;
  };
  const change = async (
    username: string,
    what: { role?: Account['role']; disabled?: boolean; password?: string },
  ) => {
    const account = await find(username);
    try {
      await accounts.change(account.id, what);
    } catch (error) {
      if (error instanceof LastAdminError) {
        throw new UsageError(`${username} is the last enabled admin: add another admin first`);
      }
      if (error instanceof PasswordPolicyError) throw new UsageError(passwordRefused(error));
      throw error;
    }
    await audit.record({
      category: 'account',
      action: 'changeAccount',
      outcome: 'success',
      actor: cli,
      resourceType: 'account',
      resourceId: account.id,
      changes: [
        ...(what.role === undefined
          ? []
          : [{ path: 'role', secret: false as const, before: account.role, after: what.role }]),
        ...(what.disabled === undefined
          ? []
          : [
              {
                path: 'disabled',
                secret: false as const,
                before: account.disabled,
                after: what.disabled,
              },
            ]),
        ...(what.password === undefined
          ? []
          : [{ path: 'password', secret: true as const, changed: true }]),
      ],
    });
  };

  switch (verb) {
    case 'add': {
      const username = usernameArg(name);
      const roleFlag = rest.indexOf('--role');
      const role = roleArg(roleFlag < 0 ? undefined : rest[roleFlag + 1]);
      const { password, generated } = passwordFrom(io);
      try {
        const account = await accounts.create({ username, password, role });
        await audit.record({
          category: 'account',
          action: 'createAccount',
          outcome: 'success',
          actor: cli,
          resourceType: 'account',
          resourceId: account.id,
        });
      } catch (error) {
        if (error instanceof AccountExistsError) throw new UsageError(`user ${username} exists`);
        if (error instanceof PasswordPolicyError) throw new UsageError(passwordRefused(error));
        throw error;
      }
      io.out(`created ${username} (${role})`);
      if (generated) io.out(`password: ${password}`);
      return;
    }
    case 'role':
      await change(usernameArg(name), { role: roleArg(rest[0]) });
      io.out(`${name ?? ''} is now ${rest[0] ?? ''}`);
      return;
    case 'disable':
      await change(usernameArg(name), { disabled: true });
      io.out(`disabled ${name ?? ''}; its sessions have ended`);
      return;
    case 'enable':
      await change(usernameArg(name), { disabled: false });
      io.out(`enabled ${name ?? ''}`);
      return;
    case 'password': {
      const { password, generated } = passwordFrom(io);
      await change(usernameArg(name), { password });
      io.out(`password of ${name ?? ''} changed; its sessions have ended`);
      if (generated) io.out(`password: ${password}`);
      return;
    }
    case 'list':
      for (const a of await accounts.list()) {
        io.out(`${a.username}\t${a.role}${a.disabled ? '\tdisabled' : ''}`);
      }
      return;
    default:
      throw new UsageError(USAGE);
  }
}
