// Event-stream caps across replicas (issue 16): every open stream holds a row in the store
// (`stream_slots`), so the deployment-wide cap (SSE_MAX_STREAMS) and the per-session and
// per-account caps count every replica's streams. A stream is admitted in one transaction under
// an advisory lock (parallel opens on any replica cannot all pass); its replica renews its rows
// every heartbeat, so a replica that dies frees its streams' slots once their lease runs out
// (three heartbeats; the next admission deletes it), and a clean close deletes the row at once.
// PGlite runs the same statements.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../store/schema';
import { StreamCapError, TooManyStreamsError } from './hub';

interface StreamCaps {
  maxStreams: number;
  maxStreamsPerSession?: number | undefined;
  maxStreamsPerAccount?: number | undefined;
}

export interface StreamSlotsOptions {
  db: Kysely<Database>;
  /** This replica (lease holder id). */
  holder: string;
  caps: StreamCaps;
  /** How often this replica renews its slots; a slot lives three of these unrenewed. */
  heartbeatMs: number;
  now?: () => number;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

/** One lock for every admission (any number for the key: it only has to be the same one). */
const ADMISSION_LOCK = 160_016;

export class StreamSlots {
  private readonly now: () => number;
  private readonly ttlMs: number;
  private timer: NodeJS.Timeout | undefined;
  /** Slots whose delete failed (store unreachable): retried with the next heartbeat. */
  private readonly unreleased = new Set<string>();
  private beating = false;

  constructor(private readonly options: StreamSlotsOptions) {
    this.now = options.now ?? Date.now;
    this.ttlMs = 3 * options.heartbeatMs;
  }

  start(): void {
    this.timer = setInterval(() => {
      void this.heartbeat();
    }, this.options.heartbeatMs);
    this.timer.unref();
  }

  /**
   * Takes a slot for stream `id` if the deployment, the session and the account are all under
   * their caps (counting every replica's live streams); throws TooManyStreamsError or
   * StreamCapError otherwise. Other errors: the store could not be asked.
   */
  async admit(id: string, session: string | undefined, account: string | undefined): Promise<void> {
    const { db, caps } = this.options;
    const now = new Date(this.now());
    await db.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(${ADMISSION_LOCK})`.execute(tx);
      // A dead replica's slots (not renewed) count no more: they go now.
      await tx.deleteFrom('stream_slots').where('expires_at', '<=', now).execute();
      const counts = await sql<{
        total: string | number;
        session: string | number;
        account: string | number;
      }>`
        select count(*) as total,
          count(*) filter (where session = ${session ?? null}) as session,
          count(*) filter (where account = ${account ?? null}) as account
        from stream_slots`
        .execute(tx)
        .then((r) => r.rows[0]);
      if (counts === undefined) throw new Error('stream slots not counted');
      if (Number(counts.total) >= caps.maxStreams) throw new TooManyStreamsError();
      if (
        session !== undefined &&
        Number(counts.session) >= (caps.maxStreamsPerSession ?? Infinity)
      ) {
        throw new StreamCapError('session');
      }
      if (
        account !== undefined &&
        Number(counts.account) >= (caps.maxStreamsPerAccount ?? Infinity)
      ) {
        throw new StreamCapError('account');
      }
      await tx
        .insertInto('stream_slots')
        .values({
          id,
          holder: this.options.holder,
          session: session ?? null,
          account: account ?? null,
          expires_at: new Date(now.getTime() + this.ttlMs),
        })
        .execute();
    });
  }

  /** The stream ended: its slot is free for anyone at once. */
  release(id: string): void {
    this.delete([id]).catch((error: unknown) => {
      this.unreleased.add(id);
      this.options.logger?.warn({ err: error }, 'stream slot not released (retried)');
    });
  }

  /** Renews this replica's slots (and retries the deletes that failed). */
  async heartbeat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      if (this.unreleased.size > 0) {
        const ids = [...this.unreleased];
        await this.delete(ids);
        for (const id of ids) this.unreleased.delete(id);
      }
      await this.options.db
        .updateTable('stream_slots')
        .set({ expires_at: new Date(this.now() + this.ttlMs) })
        .where('holder', '=', this.options.holder)
        .execute();
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'stream slots not renewed');
    } finally {
      this.beating = false;
    }
  }

  /** Shutdown: every slot of this replica is freed (its streams were told to reconnect). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.options.db
      .deleteFrom('stream_slots')
      .where('holder', '=', this.options.holder)
      .execute()
      .catch((error: unknown) => {
        this.options.logger?.warn({ err: error }, 'stream slots not released on close');
      });
  }

  private async delete(ids: readonly string[]): Promise<void> {
    await this.options.db
      .deleteFrom('stream_slots')
      .where('id', 'in', [...ids])
      .where('holder', '=', this.options.holder)
      .execute();
  }
}
