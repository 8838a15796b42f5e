// The account's call budget shared by every replica on one store (issue 16): the token bucket's
// state is one row (`call_budget`), changed in a transaction holding that row. A replica takes
// tokens in small batches (up to `maxBatch`, as many as calls wait here, more while it keeps
// using whole batches) and spends them locally within `leaseMs`; the row lists what each replica
// holds, and returns the unused part when that replica next asks (a dead replica's batch expires
// with its lease, unused tokens lost). So the store is asked once per batch, not once per call.
// Guarantee (tested): all replicas together never exceed `burst + rate · T` in any window of T.
// Why batches keep it: the row refills only up to `burst − held` (held: every replica's batches
// not yet returned, spent or not), so row tokens plus tokens held unspent never exceed the burst,
// and only the rate adds to them: that sum is a token bucket every call is taken from.
// A replica that hears `Throttling.User` writes the pause and the halved rate there and drops
// its own batch: every replica slows down (one holding a batch may still spend it, at most
// `maxBatch − 1` calls within `leaseMs`, before it sees the pause).
// Each replica keeps its queue (./budget.ts); across replicas a call waits while one of higher
// priority waits on another replica (the row says until when), so writes still go first; a batch
// is taken only then, and serves only calls of its priority or higher. A store that cannot be
// asked leaves this replica its own bucket meanwhile (logged). Replicas' clocks are assumed to
// agree (NTP) to well under a second (`HELD_SLACK_MS`).
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/schema';
import {
  CALL_PRIORITIES,
  newBucket,
  refill,
  takeToken,
  takeTokens,
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
  /** Batches replicas hold (`count` taken at once, spent or not), until returned or `until`. */
  held: z.array(z.object({ by: z.string(), count: z.number(), until: z.number() })).default([]),
});

type SharedState = z.infer<typeof stateSchema>;

/** How long past its next try a replica's waiting call still holds its priority's place. */
const WAITING_SLACK_MS = 250;
/** Longest a lower priority waits before asking again while a higher one waits elsewhere. */
const YIELD_MAX_MS = 1000;
/** How long past its lease another replica's batch stays counted (clocks differ a little). */
const HELD_SLACK_MS = 1000;

/**
 * Writes first across replicas: a call waits while a call of higher priority waits on any
 * replica (that one takes the next token); a call told to wait says so in the row until its
 * next try. Takes up to `count` tokens: how many, and ms to wait (as takeTokens).
 */
const takeInTurn = (
  params: BucketParams,
  state: SharedState,
  now: number,
  needed: number,
  priority: CallPriority,
  count: number,
): { taken: number; wait: number } => {
  const rank = CALL_PRIORITIES.indexOf(priority);
  const higher = state.waiting.slice(0, rank).filter((until) => until > now);
  if (higher.length > 0) {
    return { taken: 0, wait: Math.min(YIELD_MAX_MS, Math.max(1, Math.min(...higher) - now)) };
  }
  const cap = params.burst - state.held.reduce((sum, h) => sum + h.count, 0);
  const answer = takeTokens(params, state, now, needed, count, cap);
  const waiting = CALL_PRIORITIES.map((_, i) => state.waiting[i] ?? 0);
  waiting[rank] =
    answer.wait === 0 ? 0 : Math.max(waiting[rank] ?? 0, now + answer.wait + WAITING_SLACK_MS);
  state.waiting = waiting;
  return answer;
};

/** Tokens this replica took at once and spends locally. */
interface Batch {
  /** Not spent yet. */
  left: number;
  size: number;
  /** Serves calls of this priority rank or higher (lower rank). */
  rank: number;
  /** Spent only before this instant. */
  until: number;
}

export interface StoreTokensOptions {
  db: Kysely<Database>;
  /** The bucket's row (default `account`: one cloud account per deployment). */
  key?: string;
  /** Most tokens taken at once (default: 8, at most a quarter of the burst). */
  maxBatch?: number;
  /** How long a batch may be spent (default 500 ms). */
  leaseMs?: number;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

export class StoreTokens implements TokenSource {
  readonly immediate = false;
  private readonly key: string;
  /** This replica's name in the row's `held`. */
  private readonly id = randomUUID();
  private readonly maxBatch: number;
  private readonly leaseMs: number;
  /** The row as this replica last saw it (state, expected waits). */
  private last: BucketState;
  /** This replica's own bucket while the store cannot be asked. */
  private readonly fallback: BucketState;
  private created: Promise<void> | undefined;
  /** Store changes one after the other (a throttling answer before the next take). */
  private chain: Promise<unknown> = Promise.resolve();
  private batch: Batch = { left: 0, size: 0, rank: 0, until: 0 };
  /** The next batch's size when calls keep coming one at a time (doubles while batches empty). */
  private nextBatch = 1;
  private heardThrottlingAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly options: StoreTokensOptions,
    private readonly params: BucketParams,
    now: number,
  ) {
    this.key = options.key ?? 'account';
    this.maxBatch = Math.max(1, options.maxBatch ?? Math.min(8, Math.floor(params.burst / 4)));
    this.leaseMs = options.leaseMs ?? 500;
    this.last = newBucket(params, now);
    this.fallback = newBucket(params, now);
  }

  take(
    needed: number,
    now: number,
    priority: CallPriority,
    demand: number,
  ): number | Promise<number> {
    const rank = CALL_PRIORITIES.indexOf(priority);
    const b = this.batch;
    if (b.left > 0 && now < b.until && rank <= b.rank) {
      b.left -= 1;
      if (b.left === 0) this.nextBatch = Math.min(this.maxBatch, b.size * 2);
      return 0;
    }
    const count = Math.min(this.maxBatch, Math.max(1, demand, this.nextBatch));
    return this.fromStore(needed, now, priority, count);
  }

  private async fromStore(
    needed: number,
    now: number,
    priority: CallPriority,
    count: number,
  ): Promise<number> {
    try {
      const { taken, wait } = await this.change(now, (s) =>
        takeInTurn(this.params, s, now, needed, priority, count),
      );
      if (taken > 0) {
        const rank = CALL_PRIORITIES.indexOf(priority);
        // Taken before a throttling answer was heard here: only the call it was taken for goes.
        const until = this.heardThrottlingAt >= now ? now : now + this.leaseMs;
        this.batch = { left: taken - 1, size: taken, rank, until };
        if (taken === 1) this.nextBatch = Math.min(this.maxBatch, 2);
      }
      return wait;
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'shared call budget unreachable: own bucket used');
      return takeToken(this.params, this.fallback, now, needed);
    }
  }

  throttled(now: number, retryAfterMs: number | undefined): void {
    // Seen here at once (this replica's batch is not spent); in the store for every replica
    // right after.
    this.batch.until = Math.min(this.batch.until, now);
    this.heardThrottlingAt = now;
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
    const own = now < this.batch.until ? this.batch.left : 0;
    return { ...this.last, tokens: this.last.tokens + own };
  }

  close(): void {
    // Nothing else held: the row stays for the other replicas; this replica's batch expires.
  }

  /**
   * Before any change: the row refilled (up to what no batch holds), others' batches past their
   * lease forgotten, and this replica's batch handed back (its unused tokens return).
   */
  private settle(state: SharedState, now: number): void {
    refill(
      this.params,
      state,
      now,
      this.params.burst - state.held.reduce((n, h) => n + h.count, 0),
    );
    const own = state.held.find((h) => h.by === this.id);
    if (own !== undefined) state.tokens += Math.min(own.count, this.batch.left);
    state.held = state.held.filter((h) => h.by !== this.id && h.until + HELD_SLACK_MS > now);
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
      const result = await db.transaction().execute(async (tx) => {
        const row = await tx
          .selectFrom('call_budget')
          .select('state')
          .where('key', '=', this.key)
          .forUpdate()
          .executeTakeFirst();
        const parsed = stateSchema.safeParse(row?.state);
        const state = parsed.success
          ? parsed.data
          : { ...newBucket(this.params, now), waiting: [], held: [] };
        this.settle(state, now);
        const answer = apply(state);
        const taken = isTake(answer) ? answer.taken : 0;
        if (taken > 0) state.held.push({ by: this.id, count: taken, until: now + this.leaseMs });
        await tx
          .updateTable('call_budget')
          .set({ state: JSON.stringify(state) })
          .where('key', '=', this.key)
          .execute();
        const { waiting: _waiting, held: _held, ...bucket } = state;
        this.last = bucket;
        return answer;
      });
      // Handed back in the row: nothing of the old batch is spent any more. Tokens left over
      // mean calls come slower than batches: the next one is small again.
      if (this.batch.left > 0) this.nextBatch = 1;
      this.batch = { left: 0, size: 0, rank: 0, until: 0 };
      return result;
    };
    const next = this.chain.then(run, run);
    this.chain = next.catch(() => undefined);
    return next;
  }
}

const isTake = (answer: unknown): answer is { taken: number } =>
  typeof answer === 'object' && answer !== null && 'taken' in answer;
