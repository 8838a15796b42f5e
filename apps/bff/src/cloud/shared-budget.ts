// The account's call budget shared by every replica on one store (issue 16): the token bucket's
// state is one row (`call_budget`), and each token is taken in a transaction holding that row,
// so all replicas together never exceed `burst + rate · T` in any window of T. A replica that
// hears `Throttling.User` writes the pause and the halved rate there: every replica slows down.
// The queue and its priorities (writes first) stay in each replica (./budget.ts); across
// replicas, lower priorities leave their reserve of the bucket to higher ones. A store that
// cannot be asked leaves this replica its own bucket meanwhile (logged). Replicas' clocks are
// assumed to agree (NTP) to well under a second.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/schema';
import {
  newBucket,
  refill,
  takeToken,
  throttleBucket,
  type BucketParams,
  type BucketState,
  type TokenSource,
} from './budget';

const stateSchema = z.object({
  tokens: z.number(),
  refilledAt: z.number(),
  pausedUntil: z.number(),
  lastThrottledAt: z.number().nullable(),
  cutRate: z.number(),
  throttlingAnswers: z.number(),
});

export interface StoreTokensOptions {
  db: Kysely<Database>;
  /** The bucket's row (default `account`: one cloud account per deployment). */
  key?: string;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

export class StoreTokens implements TokenSource {
  readonly immediate = false;
  private readonly key: string;
  /** The row as this replica last saw it (state, expected waits). */
  private last: BucketState;
  /** This replica's own bucket while the store cannot be asked. */
  private readonly fallback: BucketState;
  private created: Promise<void> | undefined;
  /** Store changes one after the other (a throttling answer before the next take). */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly options: StoreTokensOptions,
    private readonly params: BucketParams,
    now: number,
  ) {
    this.key = options.key ?? 'account';
    this.last = newBucket(params, now);
    this.fallback = newBucket(params, now);
  }

  async take(needed: number, now: number): Promise<number> {
    try {
      return await this.change(now, (s) => takeToken(this.params, s, now, needed));
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'shared call budget unreachable: own bucket used');
      return takeToken(this.params, this.fallback, now, needed);
    }
  }

  throttled(now: number, retryAfterMs: number | undefined): void {
    // Seen here at once; in the store for every replica right after.
    throttleBucket(this.params, this.last, now, retryAfterMs);
    throttleBucket(this.params, this.fallback, now, retryAfterMs);
    this.change(now, (s) => {
      throttleBucket(this.params, s, now, retryAfterMs);
    }).catch((error: unknown) => {
      this.options.logger?.warn({ err: error }, 'throttling not shared with other replicas');
    });
  }

  view(now: number): BucketState {
    refill(this.params, this.last, now);
    return this.last;
  }

  close(): void {
    // Nothing held: the row stays for the other replicas.
  }

  /** Applies `apply` to the row under its lock; queued behind this replica's earlier changes. */
  private change<T>(now: number, apply: (state: BucketState) => T): Promise<T> {
    const run = async (): Promise<T> => {
      const { db } = this.options;
      this.created ??= db
        .insertInto('call_budget')
        .values({ key: this.key, state: JSON.stringify(newBucket(this.params, now)) })
        .onConflict((oc) => oc.column('key').doNothing())
        .execute()
        .then(
          () => undefined,
          (error: unknown) => {
            this.created = undefined;
            throw error;
          },
        );
      await this.created;
      return db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom('call_budget')
          .select('state')
          .where('key', '=', this.key)
          .forUpdate()
          .executeTakeFirst();
        const parsed = stateSchema.safeParse(row?.state);
        const state = parsed.success ? parsed.data : newBucket(this.params, now);
        const result = apply(state);
        await tx
          .updateTable('call_budget')
          .set({ state: JSON.stringify(state) })
          .where('key', '=', this.key)
          .execute();
        this.last = { ...state };
        return result;
      });
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
