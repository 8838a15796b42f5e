// The failed-login back-off of ./rate-limit.ts kept in the store (issue 16): every replica sharing
// the store counts the same failures, so more replicas do not mean more guesses. Same rule as
// LoginBackoff, per user name and per client address: `limit` failures free, then 1 s, 2 s, 4 s,
// … up to `maxDelayMs`; forgotten after `windowMs` without one. An attempt is checked and counted
// in one transaction with both rows locked, so parallel attempts (on any replica) cannot all pass.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../store/schema';
import type { BackoffRule } from './rate-limit';

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

  private async lock(tx: Transaction<Database>, keys: readonly string[]) {
    const t = this.now();
    await tx
      .insertInto('login_failures')
      .values(keys.map((key) => ({ key, count: 0, last_at: t, until: 0 })))
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    return tx
      .selectFrom('login_failures')
      .select(['key', 'count', 'last_at', 'until'])
      .where('key', 'in', [...keys])
      .orderBy('key')
      .forUpdate()
      .execute();
  }

  async attempt(userKey: string, ip: string): Promise<number> {
    const keys: Array<[string, BackoffRule]> = [
      [`user:${userKey}`, this.rules.perUser],
      [`ip:${ip}`, this.rules.perIp],
    ];
    const wait = await this.db.transaction().execute(async (tx) => {
      const rows = await this.lock(
        tx,
        keys.map(([k]) => k),
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
      const rows = await this.lock(tx, [`ip:${ip}`]);
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
