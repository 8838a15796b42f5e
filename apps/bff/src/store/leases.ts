// Leases: one holder per name across every replica sharing the store (a gateway's poller, the
// operation runner of a dead replica, a deployment-wide recorder). A lease is a row that its
// holder renews before it expires; anyone may take it once it has expired. PGlite (one process)
// and PostgreSQL run the same statements.
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** This process's name as a lease holder (one per BFF process). */
export const newHolderId = (): string => `bff-${process.pid}-${randomUUID().slice(0, 8)}`;

export interface LeaseClock {
  now(): Date;
}

const systemClock: LeaseClock = { now: () => new Date() };

/**
 * Takes or renews the leases `names` for `holder` for `ttlMs`; answers the names it now holds
 * (the others are held by someone else whose lease has not expired). One statement for all names.
 */
export async function acquireLeases(
  db: Kysely<Database>,
  names: readonly string[],
  holder: string,
  ttlMs: number,
  clock: LeaseClock = systemClock,
): Promise<Set<string>> {
  if (names.length === 0) return new Set();
  const now = clock.now();
  const expires = new Date(now.getTime() + ttlMs);
  const rows = await db
    .insertInto('leases')
    .values(
      [...new Set(names)].map((name) => ({
        name,
        holder,
        expires_at: expires,
        acquired_at: now,
      })),
    )
    .onConflict((oc) =>
      oc
        .column('name')
        .doUpdateSet({
          holder: (eb) => eb.ref('excluded.holder'),
          expires_at: (eb) => eb.ref('excluded.expires_at'),
          // A renewal keeps the time it was first taken.
          acquired_at: sql<Date>`case when leases.holder = excluded.holder then leases.acquired_at else excluded.acquired_at end`,
        })
        .where((eb) =>
          eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<=', now)]),
        ),
    )
    .returning('name')
    .execute();
  return new Set(rows.map((r) => r.name));
}

/** Takes or renews one lease; true when `holder` now holds it. */
export async function acquireLease(
  db: Kysely<Database>,
  name: string,
  holder: string,
  ttlMs: number,
  clock: LeaseClock = systemClock,
): Promise<boolean> {
  return (await acquireLeases(db, [name], holder, ttlMs, clock)).has(name);
}

/** Gives leases up at once (a clean shutdown), so another replica takes over without waiting. */
export async function releaseLeases(
  db: Kysely<Database>,
  names: readonly string[],
  holder: string,
): Promise<void> {
  if (names.length === 0) return;
  await db
    .deleteFrom('leases')
    .where('name', 'in', [...names])
    .where('holder', '=', holder)
    .execute();
}

/** Who holds `name` now (undefined when nobody does or the lease has expired). */
export async function leaseHolder(
  db: Kysely<Database>,
  name: string,
  clock: LeaseClock = systemClock,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('leases')
    .select(['holder', 'expires_at'])
    .where('name', '=', name)
    .executeTakeFirst();
  return row !== undefined && row.expires_at > clock.now() ? row.holder : undefined;
}

export interface LeaseKeeperOptions {
  db: Kysely<Database>;
  name: string;
  holder: string;
  /** How long one renewal holds the lease. */
  ttlMs: number;
  /** How often to try (renew when held, take when free); well under `ttlMs`. */
  renewMs: number;
  clock?: LeaseClock;
  /** The lease was taken (true) or lost / not renewed in time (false). */
  onChange?: (held: boolean) => void;
  onError?: (error: unknown) => void;
}

/**
 * Keeps trying to hold one lease: renews it while held, takes it when it is free, says when that
 * changes. A failed renewal (store unreachable) counts as lost: two holders must never overlap.
 */
export class LeaseKeeper {
  private timer: NodeJS.Timeout | undefined;
  private heldNow = false;
  private stopped = false;
  private ticking: Promise<void> | undefined;

  constructor(private readonly options: LeaseKeeperOptions) {}

  get held(): boolean {
    return this.heldNow;
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** One attempt now (also what the timer runs). */
  async tick(): Promise<boolean> {
    const { db, name, holder, ttlMs, clock } = this.options;
    let held = false;
    try {
      held = await acquireLease(db, name, holder, ttlMs, clock);
    } catch (error) {
      this.options.onError?.(error);
    }
    if (this.stopped) return false;
    this.set(held);
    return held;
  }

  /** Stops renewing and gives the lease up. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.ticking;
    const wasHeld = this.heldNow;
    this.set(false);
    if (wasHeld) {
      await releaseLeases(this.options.db, [this.options.name], this.options.holder).catch(
        (error: unknown) => this.options.onError?.(error),
      );
    }
  }

  private set(held: boolean): void {
    if (held === this.heldNow) return;
    this.heldNow = held;
    this.options.onChange?.(held);
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.ticking = this.tick().then(() => {
        this.ticking = undefined;
        this.schedule(this.options.renewMs);
      });
    }, ms);
    this.timer.unref();
  }
}
