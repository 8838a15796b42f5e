// Event-stream caps across replicas (issue 16): every open stream holds a row in the store
// (`stream_slots`), so the deployment-wide cap (SSE_MAX_STREAMS) and the per-session and
// per-account caps count every replica's streams. A stream is admitted in one statement under
// an advisory lock (migration 0011: parallel opens on any replica cannot all pass); its replica
// renews its rows every heartbeat, so a replica that dies frees its streams' slots once their
// lease runs out (three heartbeats; the next admission deletes them), and a clean close deletes
// the row at once. Only on PostgreSQL: a PGlite store has one process, whose hub caps suffice
// (runtime.ts); the statements run on PGlite too (tests).
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

/** A cap as the admission function takes it: null for none. */
const capOrNull = (cap: number | undefined): number | null =>
  cap === undefined || !Number.isFinite(cap) ? null : cap;

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
    const now = this.now();
    // One statement: migration 0011's stream_slot_admit (lock, forget expired, count, insert).
    const result = await sql<{ verdict: string }>`select stream_slot_admit(
        ${id}, ${this.options.holder}, ${session ?? null}, ${account ?? null},
        ${new Date(now)}, ${new Date(now + this.ttlMs)},
        ${caps.maxStreams}, ${capOrNull(caps.maxStreamsPerSession)},
        ${capOrNull(caps.maxStreamsPerAccount)}) as verdict`.execute(db);
    const verdict = result.rows[0]?.verdict;
    if (verdict === 'admitted') return;
    if (verdict === 'deployment') throw new TooManyStreamsError();
    if (verdict === 'session' || verdict === 'account') throw new StreamCapError(verdict);
    throw new Error(`stream slot not admitted: ${String(verdict)}`);
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
