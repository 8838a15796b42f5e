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

/**
 * Last-seen is written at most this often per session (the idle clock is that coarse: a session
 * may end up to this much before its idle timeout, never after).
 */
const TOUCH_EVERY_MS = 60_000;

/**
 * A looked-up session is reused from memory for this long (real time), so a busy session costs
 * one store query per interval instead of one per request. Changes made through this process
 * (logout, end-all, account change/disable) drop the entry at once; a change made by another
 * process (the `user` CLI, another BFF on the same PostgreSQL) is seen within this delay.
 */
export const SESSION_CACHE_MS = 5_000;
const SESSION_CACHE_MAX = 10_000;

interface SessionRow {
  readonly id_hash: string;
  readonly created_at: Date;
  last_seen_at: Date;
  readonly account_id: string;
  readonly username: string;
  readonly role: string;
  readonly disabled: boolean;
}

interface CachedSession {
  readonly row: SessionRow;
  readonly readAt: number;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export class Sessions {
  private readonly cache = new Map<string, CachedSession>();
  /** A quarter of a short idle timeout (tests), else TOUCH_EVERY_MS. */
  private readonly touchEveryMs: number;

  constructor(
    private readonly db: Kysely<Database>,
    readonly timeouts: SessionTimeouts = defaultSessionTimeouts,
    private readonly now: () => Date = () => new Date(),
    /** Real (monotonic) time for the cache's age; tests may move `now` without it. */
    private readonly monotonic: () => number = () => performance.now(),
  ) {
    this.touchEveryMs = Math.min(TOUCH_EVERY_MS, timeouts.idleMs / 4);
  }

  /** Drops the cached sessions of an account (after a change to it in this process). */
  forgetAccount(accountId: string): void {
    for (const [hash, entry] of this.cache) {
      if (entry.row.account_id === accountId) this.cache.delete(hash);
    }
  }

  private live(row: SessionRow, t: number): boolean {
    return (
      !row.disabled &&
      t < row.created_at.getTime() + this.timeouts.absoluteMs &&
      t < row.last_seen_at.getTime() + this.timeouts.idleMs &&
      roleSchema.safeParse(row.role).success
    );
  }

  private async readRows(idHashes: readonly string[]): Promise<SessionRow[]> {
    if (idHashes.length === 0) return [];
    return this.db
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
      .where('sessions.id_hash', 'in', idHashes)
      .execute();
  }

  private remember(row: SessionRow): void {
    this.cache.delete(row.id_hash);
    if (this.cache.size >= SESSION_CACHE_MAX) {
      const oldest = this.cache.keys().next();
      if (oldest.done !== true) this.cache.delete(oldest.value);
    }
    this.cache.set(row.id_hash, { row, readAt: this.monotonic() });
  }

  /**
   * Which of these sessions are still live, read from the store (not the cache) in one query:
   * the sweep of open event streams. Sessions found ended are deleted.
   */
  async liveOf(idHashes: readonly string[]): Promise<Set<string>> {
    const t = this.now().getTime();
    const live = new Set<string>();
    const ended: string[] = [];
    for (let i = 0; i < idHashes.length; i += 500) {
      const chunk = idHashes.slice(i, i + 500);
      const rows = await this.readRows(chunk);
      const found = new Set<string>();
      for (const row of rows) {
        found.add(row.id_hash);
        if (this.live(row, t)) {
          live.add(row.id_hash);
          const cached = this.cache.get(row.id_hash);
          // Keep the later last-seen (this process may have touched it since the read).
          if (cached !== undefined && cached.row.last_seen_at > row.last_seen_at)
            row.last_seen_at = cached.row.last_seen_at;
          this.remember(row);
        } else ended.push(row.id_hash);
      }
      for (const hash of chunk) if (!found.has(hash)) this.cache.delete(hash);
    }
    for (const hash of ended) await this.destroyHash(hash);
    return live;
  }

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
    const t = this.now().getTime();
    const cached = this.cache.get(idHash);
    let row =
      cached !== undefined &&
      this.monotonic() - cached.readAt < SESSION_CACHE_MS &&
      this.live(cached.row, t)
        ? cached.row
        : undefined;
    if (row === undefined) {
      // Not cached, cached too long, or ended by the cached facts: the store decides (another
      // process may have touched it meanwhile).
      row = (await this.readRows([idHash]))[0];
      if (row === undefined) {
        this.cache.delete(idHash);
        return undefined;
      }
      this.remember(row);
    }
    const role = roleSchema.safeParse(row.role);
    if (!this.live(row, t) || !role.success) {
      await this.destroyHash(idHash);
      return undefined;
    }
    const expiresAt = row.created_at.getTime() + this.timeouts.absoluteMs;
    if (touch && t - row.last_seen_at.getTime() >= this.touchEveryMs) {
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: new Date(t) })
        .where('id_hash', '=', idHash)
        .execute();
      row.last_seen_at = new Date(t);
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
    this.cache.delete(idHash);
    await this.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  }

  /** Ends every session of the account; answers how many there were. */
  async destroyForAccount(accountId: string): Promise<number> {
    this.forgetAccount(accountId);
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
