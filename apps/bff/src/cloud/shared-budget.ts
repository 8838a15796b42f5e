// The account's call budget shared by every replica on one store (issue 16): the token bucket's
// state is one row (`call_budget`), and each token is taken in a transaction holding that row,
// so all replicas together never exceed `burst + rate · T` in any window of T. A replica that
// hears `Throttling.User` writes the pause and the halved rate there: every replica slows down.
// Each replica keeps its queue (./budget.ts); across replicas a call waits while one of higher
// priority waits on another replica (the row says until when), so writes still go first. A store that
// cannot be asked leaves this replica its own bucket meanwhile (logged). Replicas' clocks are
// assumed to agree (NTP) to well under a second.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/schema';
import {
  CALL_PRIORITIES,
  newBucket,
  refill,
  takeToken,
  throttleBucket,
  type BucketParams,
  type BucketState,
  type CallPriority,
  type TokenSource,
} from './budget';

const stateSchema = z.object({
  tokens: z.number(),
  refilledAt: z.number(),
  pausedUntil: z.number(),
  lastThrottledAt: z.number().nullable(),
  cutRate: z.number(),
  throttlingAnswers: z.number(),
  /** Per priority (CALL_PRIORITIES order): until when some replica has a call of it waiting. */
  waiting: z.array(z.number()).default([]),
});

type SharedState = z.infer<typeof stateSchema>;

/** How long past its next try a replica's waiting call still holds its priority's place. */
const WAITING_SLACK_MS = 250;
/** Longest a lower priority waits before asking again while a higher one waits elsewhere. */
const YIELD_MAX_MS = 1000;

/**
 * Writes first across replicas: a call waits while a call of higher priority waits on any
 * replica (that one takes the next token); a call told to wait says so in the row until its
 * next try. 0 or ms to wait, as takeToken.
 */
const takeInTurn = (
  params: BucketParams,
  state: SharedState,
  now: number,
  needed: number,
  priority: CallPriority,
): number => {
  const rank = CALL_PRIORITIES.indexOf(priority);
  const higher = state.waiting.slice(0, rank).filter((until) => until > now);
  if (higher.length > 0) {
    return Math.min(YIELD_MAX_MS, Math.max(1, Math.min(...higher) - now));
  }
  const wait = takeToken(params, state, now, needed);
  const waiting = CALL_PRIORITIES.map((_, i) => state.waiting[i] ?? 0);
  waiting[rank] = wait === 0 ? 0 : Math.max(waiting[rank] ?? 0, now + wait + WAITING_SLACK_MS);
  state.waiting = waiting;
  return wait;
};

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

  async take(needed: number, now: number, priority: CallPriority): Promise<number> {
    try {
      return await this.change(now, (s) => takeInTurn(this.params, s, now, needed, priority));
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
  private change<T>(now: number, apply: (state: SharedState) => T): Promise<T> {
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
        const state = parsed.success
          ? parsed.data
          : { ...newBucket(this.params, now), waiting: [] };
        const result = apply(state);
        await tx
          .updateTable('call_budget')
          .set({ state: JSON.stringify(state) })
          .where('key', '=', this.key)
          .execute();
        const { waiting: _waiting, ...bucket } = state;
        this.last = bucket;
        return result;
      });
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }
}
