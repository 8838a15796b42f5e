// Callers' limits kept in the store (issue 16): every replica sharing the store counts the same
// attempts, so more replicas do not mean more guesses or more calls. One table (`login_failures`,
// migration 0007: key, count, last_at, until) and one way of counting: the rows an attempt
// touches are locked (inserted first if new, in key order), checked and counted in one
// transaction, so parallel attempts on any replica cannot all pass.
// - StoreLoginLimits: the failed-login back-off of ./rate-limit.ts (LoginBackoff's rule), per
//   user name and per client address: `limit` failures free, then 1 s, 2 s, 4 s, … up to
//   `maxDelayMs`; forgotten after `windowMs` without one. Keys `user:…`, `ip:…`.
// - StoreWindows: fixed windows (./rate-limit.ts `takeFromWindow`): the PSK check per user and
//   per key, the watch budget's cloud calls per account. Keys `window:…`; `last_at` is the
//   window's start, `until` its end.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import { takeFromWindow, type BackoffRule, type RateLimitRule } from './rate-limit';

/** The counters' rows for `keys`, created (count 0) if new and locked, in key order. */
const lockCounters = async (tx: Transaction<Database>, keys: readonly string[], t: number) => {
  const sorted = [...new Set(keys)].sort();
  await tx
    .insertInto('login_failures')
    .values(sorted.map((key) => ({ key, count: 0, last_at: t, until: 0 })))
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return tx
    .selectFrom('login_failures')
    .select(['key', 'count', 'last_at', 'until'])
    .where('key', 'in', sorted)
    .orderBy('key')
    .forUpdate()
    .execute();
};

interface Failures {
  count: number;
  lastAt: number;
  until: number;
}

/** What the login route needs: check-and-count an attempt, give it back on success. */
export interface LoginLimits {
  /** 0 when the attempt may go on (it is counted); else milliseconds to wait (not counted). */
  attempt(userKey: string, ip: string): Promise<number>;
  /** The attempt succeeded: the name's failures are forgotten, the address's one given back. */
  succeeded(userKey: string, ip: string): Promise<void>;
}

export class StoreLoginLimits implements LoginLimits {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly rules: { readonly perUser: BackoffRule; readonly perIp: BackoffRule },
    private readonly now: () => number = Date.now,
  ) {}

  private live(
    rule: BackoffRule,
    row: { count: number; last_at: string | number; until: string | number },
  ): Failures {
    const f = { count: row.count, lastAt: Number(row.last_at), until: Number(row.until) };
    const t = this.now();
    const expired = t - f.lastAt >= rule.windowMs && t >= f.until;
    return expired ? { count: 0, lastAt: t, until: 0 } : f;
  }

  async attempt(userKey: string, ip: string): Promise<number> {
    const keys: Array<[string, BackoffRule]> = [
      [`user:${userKey}`, this.rules.perUser],
      [`ip:${ip}`, this.rules.perIp],
    ];
    const wait = await this.db.transaction().execute(async (tx) => {
      const rows = await lockCounters(
        tx,
        keys.map(([k]) => k),
        this.now(),
      );
      const t = this.now();
      const states = keys.map(([key, rule]) => {
        const row = rows.find((r) => r.key === key);
        return { key, rule, f: row ? this.live(rule, row) : { count: 0, lastAt: t, until: 0 } };
      });
      const waitMs = Math.max(0, ...states.map((s) => s.f.until - t));
      if (waitMs > 0) return waitMs;
      for (const { key, rule, f } of states) {
        f.count += 1;
        f.lastAt = t;
        const past = f.count - rule.limit;
        const base = rule.baseDelayMs ?? 1_000;
        const max = rule.maxDelayMs ?? rule.windowMs;
        if (past >= 0) f.until = t + Math.min(max, base * 2 ** Math.min(past, 30));
        await tx
          .updateTable('login_failures')
          .set({ count: f.count, last_at: f.lastAt, until: f.until })
          .where('key', '=', key)
          .execute();
      }
      return 0;
    });
    // Forget long-expired rows now and then (one cheap statement, no timer).
    if (Math.random() < 0.01) {
      const oldest =
        this.now() -
        Math.max(this.rules.perUser.windowMs, this.rules.perIp.windowMs) -
        Math.max(this.rules.perUser.maxDelayMs ?? 0, this.rules.perIp.maxDelayMs ?? 0);
      await this.db
        .deleteFrom('login_failures')
        .where('last_at', '<', oldest)
        .where('until', '<', this.now())
        .execute();
    }
    return wait;
  }

  async succeeded(userKey: string, ip: string): Promise<void> {
    await this.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('login_failures').where('key', '=', `user:${userKey}`).execute();
      const rows = await lockCounters(tx, [`ip:${ip}`], this.now());
      const row = rows[0];
      if (!row) return;
      const count = Math.max(0, row.count - 1);
      await tx
        .updateTable('login_failures')
        .set({ count, ...(count < this.rules.perIp.limit ? { until: 0 } : {}) })
        .where('key', '=', row.key)
        .execute();
    });
  }
}

/** One fixed window to take from: `n` units of `key` under `rule`. */
export interface WindowTake {
  readonly key: string;
  readonly rule: RateLimitRule;
  readonly n: number;
}

/** Fixed-window limits shared by every replica (the security layer's, for the routes). */
export interface WindowLimits {
  /**
   * Takes every item's units if all fit in their windows: 0; else nothing is taken and the
   * answer is the milliseconds until the fullest window resets.
   */
  take(items: readonly WindowTake[]): Promise<number>;
}

export class StoreWindows implements WindowLimits {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number = Date.now,
  ) {}

  async take(items: readonly WindowTake[]): Promise<number> {
    const wanted = items.filter((i) => i.n > 0);
    if (wanted.length === 0) return 0;
    const keyOf = (i: WindowTake) => `window:${i.key}`;
    const wait = await this.db.transaction().execute(async (tx) => {
      const t = this.now();
      const rows = await lockCounters(tx, wanted.map(keyOf), t);
      const taken = wanted.map((item) => {
        const row = rows.find((r) => r.key === keyOf(item));
        const window = row && { count: row.count, resetAt: Number(row.until) };
        return { item, ...takeFromWindow(item.rule, window, t, item.n) };
      });
      const waitMs = Math.max(0, ...taken.map((x) => x.wait));
      if (waitMs > 0) return waitMs;
      for (const { item, next } of taken) {
        await tx
          .updateTable('login_failures')
          .set({
            count: next.count,
            last_at: next.resetAt - item.rule.windowMs,
            until: next.resetAt,
          })
          .where('key', '=', keyOf(item))
          .execute();
      }
      return 0;
    });
    // Forget ended windows now and then (one cheap statement, no timer).
    if (Math.random() < 0.01) {
      await this.db
        .deleteFrom('login_failures')
        .where('key', 'like', 'window:%')
        .where('until', '<', this.now())
        .execute();
    }
    return wait;
  }
}
