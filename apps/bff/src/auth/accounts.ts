// Accounts: create, list, re-role, disable, change password, and check a login.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { AccountView } from '@vpn-console/shared/api/accounts';
import { roleSchema, type Role } from '@vpn-console/shared/api/session';
import { z } from 'zod';
import type { AccountRow, Database } from '../store/schema';
import { PasswordPolicyError, passwordPolicyIssue } from './password-policy';
import { hashPassword, verifyDummy, verifyPassword } from './passwords';

const accountIdSchema = z.uuid();

/** Account ids are UUIDs (`create`): anything else names no account (and never reaches SQL). */
function isAccountId(id: string): boolean {
  return accountIdSchema.safeParse(id).success;
}

export class AccountExistsError extends Error {
  override readonly name = 'AccountExistsError';
}

/** The change would leave no enabled admin (409 `LastAdmin`). */
export class LastAdminError extends Error {
  override readonly name = 'LastAdminError';
}

export interface Account {
  readonly id: string;
  readonly username: string;
  readonly role: Role;
  readonly disabled: boolean;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly lastLoginAt: Date | null;
}

/** The case-insensitive key a user name is unique by (`OPERATOR` is `operator`). */
const usernameKey = (username: string): string => username.toLowerCase();

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    role: roleSchema.parse(row.role),
    disabled: row.disabled,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    lastLoginAt: row.last_login_at,
  };
}

export function accountView(a: Account): AccountView {
  return {
    id: a.id,
    username: a.username,
    role: a.role,
    disabled: a.disabled,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
    lastLoginAt: a.lastLoginAt === null ? null : a.lastLoginAt.toISOString(),
  };
}

export interface AccountChange {
  readonly role?: Role | undefined;
  readonly disabled?: boolean | undefined;
  readonly password?: string | undefined;
}

export class Accounts {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
    /** After a change to an account (Sessions.forgetAccount: no cached role or session). */
    private readonly onChanged: (accountId: string) => void = () => undefined,
  ) {}

  async create(input: { username: string; password: string; role: Role }): Promise<Account> {
    const issue = passwordPolicyIssue(input.password, input.username);
    if (issue !== undefined) throw new PasswordPolicyError(issue);
    const passwordHash = await hashPassword(input.password);
    const at = this.now();
    const row = await this.db
      .insertInto('accounts')
      .values({
        id: randomUUID(),
        username: input.username,
        username_key: usernameKey(input.username),
        password_hash: passwordHash,
        role: input.role,
        disabled: false,
        created_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.column('username_key').doNothing())
      .returningAll()
      .executeTakeFirst();
    if (row === undefined) throw new AccountExistsError(`account ${input.username} exists`);
    return toAccount(row);
  }

  async list(): Promise<Account[]> {
    const rows = await this.db.selectFrom('accounts').selectAll().orderBy('username').execute();
    return rows.map(toAccount);
  }

  async get(id: string): Promise<Account | undefined> {
    if (!isAccountId(id)) return undefined;
    const row = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row === undefined ? undefined : toAccount(row);
  }

  async findByUsername(username: string): Promise<Account | undefined> {
    const row = await this.findRow(username);
    return row === undefined ? undefined : toAccount(row);
  }

  /**
   * The account a typed name means: the exact name first (a store from before migration 0005
   * may hold names differing only in case), else the one whose case-insensitive key matches.
   */
  private async findRow(username: string): Promise<AccountRow | undefined> {
    const exact = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    if (exact !== undefined) return exact;
    return this.db
      .selectFrom('accounts')
      .selectAll()
      .where('username_key', '=', usernameKey(username))
      .executeTakeFirst();
  }

  /**
   * Applies a change; disabling or a new password ends the account's sessions (in the same
   * transaction). Returns the account before and after, or undefined when it does not exist.
   */
  async change(
    id: string,
    change: AccountChange,
  ): Promise<{ before: Account; after: Account } | undefined> {
    if (!isAccountId(id)) return undefined;
    if (change.password !== undefined) {
      const named = await this.get(id);
      if (named === undefined) return undefined;
      const issue = passwordPolicyIssue(change.password, named.username);
      if (issue !== undefined) throw new PasswordPolicyError(issue);
    }
    const passwordHash =
      change.password === undefined ? undefined : await hashPassword(change.password);
    const result = await this.db.transaction().execute(async (trx) => {
      // Every enabled admin row is locked first, so two concurrent demotions cannot both see
      // "another admin is left".
      const enabledAdmins = await trx
        .selectFrom('accounts')
        .select('id')
        .where('role', '=', 'admin')
        .where('disabled', '=', false)
        .forUpdate()
        .execute();
      const beforeRow = await trx
        .selectFrom('accounts')
        .selectAll()
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (beforeRow === undefined) return undefined;
      const staysEnabledAdmin =
        (change.role ?? beforeRow.role) === 'admin' && !(change.disabled ?? beforeRow.disabled);
      if (
        enabledAdmins.some((a) => a.id === id) &&
        !staysEnabledAdmin &&
        enabledAdmins.length <= 1
      ) {
        throw new LastAdminError('the last enabled admin cannot be disabled or demoted');
      }
      const afterRow = await trx
        .updateTable('accounts')
        .set({
          updated_at: this.now(),
          ...(change.role === undefined ? {} : { role: change.role }),
          ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
          ...(passwordHash === undefined ? {} : { password_hash: passwordHash }),
        })
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirstOrThrow();
      if (change.disabled === true || passwordHash !== undefined) {
        await trx.deleteFrom('sessions').where('account_id', '=', id).execute();
      }
      return { before: toAccount(beforeRow), after: toAccount(afterRow) };
    });
    if (result !== undefined) this.onChanged(id);
    return result;
  }

  /**
   * Checks a login. Unknown names cost the same argon2 work as known ones; a disabled account
   * fails like a wrong password.
   */
  async verifyLogin(username: string, password: string): Promise<Account | undefined> {
    const row = await this.findRow(username);
    if (row === undefined) {
      await verifyDummy(password);
      return undefined;
    }
    const ok = await verifyPassword(row.password_hash, password);
    if (!ok || row.disabled) return undefined;
    const at = this.now();
    await this.db
      .updateTable('accounts')
      .set({ last_login_at: at })
      .where('id', '=', row.id)
      .execute();
    return toAccount({ ...row, last_login_at: at });
  }

  /** True when the stored hash of `username` matches `password` (demo password reuse). */
  async passwordMatches(username: string, password: string): Promise<boolean> {
    const row = await this.findRow(username);
    return row !== undefined && (await verifyPassword(row.password_hash, password));
  }
}
