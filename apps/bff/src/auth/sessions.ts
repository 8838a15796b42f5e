// Server-side sessions: the browser holds an opaque 256-bit random token; the store holds only
// its SHA-256, the account, and when it started and was last used. Idle and absolute timeouts
// are checked on every lookup; a disabled account's sessions are gone (Accounts.change).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { roleSchema } from '@vpn-console/shared/api/session';
import type { Database } from '../store/schema';
import type { Principal } from './principal';

export interface SessionTimeouts {
  /** A session ends after this long without a request. */
  readonly idleMs: number;
  /** A session ends this long after login, however busy. */
  readonly absoluteMs: number;
}

/** ASVS 5.0 7.3 / v4 3.3.2 level 2: 30 min idle, 12 h absolute. */
export const defaultSessionTimeouts: SessionTimeouts = {
  idleMs: 30 * 60_000,
  absoluteMs: 12 * 60 * 60_000,
};

/** Last-seen is written at most this often per session (the idle clock is that coarse). */
const TOUCH_EVERY_MS = 15_000;

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class Sessions {
  constructor(
    private readonly db: Kysely<Database>,
    readonly timeouts: SessionTimeouts = defaultSessionTimeouts,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Starts a session for the account; returns the token for the cookie (never stored). */
  async create(accountId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const at = this.now();
    await this.db
      .insertInto('sessions')
      .values({
        id_hash: hashToken(token),
        account_id: accountId,
        created_at: at,
        last_seen_at: at,
      })
      .execute();
    return { token, expiresAt: new Date(at.getTime() + this.timeouts.absoluteMs) };
  }

  /**
   * The principal of a live session, refreshing its idle clock; undefined (and the row
   * deleted) when the token is unknown, expired, or the account is disabled.
   */
  async resolve(token: string, touch = true): Promise<Principal | undefined> {
    return this.resolveHash(hashToken(token), touch);
  }

  async resolveHash(idHash: string, touch = true): Promise<Principal | undefined> {
    const row = await this.db
      .selectFrom('sessions')
      .innerJoin('accounts', 'accounts.id', 'sessions.account_id')
      .select([
        'sessions.id_hash',
        'sessions.created_at',
        'sessions.last_seen_at',
        'accounts.id as account_id',
        'accounts.username',
        'accounts.role',
        'accounts.disabled',
      ])
      .where('sessions.id_hash', '=', idHash)
      .executeTakeFirst();
    if (row === undefined) return undefined;
    const t = this.now().getTime();
    const expiresAt = row.created_at.getTime() + this.timeouts.absoluteMs;
    const idleEnds = row.last_seen_at.getTime() + this.timeouts.idleMs;
    const role = roleSchema.safeParse(row.role);
    if (row.disabled || t >= expiresAt || t >= idleEnds || !role.success) {
      await this.destroyHash(idHash);
      return undefined;
    }
    if (touch && t - row.last_seen_at.getTime() >= TOUCH_EVERY_MS) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(t) })
        .where('id_hash', '=', idHash)
        .execute();
    }
    return {
      accountId: row.account_id,
      username: row.username,
      role: role.data,
      sessionHash: idHash,
      sessionCreatedAt: row.created_at,
      expiresAt: new Date(expiresAt),
    };
  }

  async destroy(token: string): Promise<void> {
    await this.destroyHash(hashToken(token));
  }

  async destroyHash(idHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Ends every session of the account; answers how many there were. */
  async destroyForAccount(accountId: string): Promise<number> {
    const result = await this.db
      .deleteFrom('sessions')
      .where('account_id', '=', accountId)
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  /** Deletes sessions past either timeout (housekeeping; lookups refuse them anyway). */
  async purgeExpired(): Promise<number> {
    const t = this.now().getTime();
    const result = await this.db
      .deleteFrom('sessions')
      .where((eb) =>
        eb.or([
          eb('created_at', '<=', new Date(t - this.timeouts.absoluteMs)),
          eb('last_seen_at', '<=', new Date(t - this.timeouts.idleMs)),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
