// Store upkeep (issue 16): one replica per deployment (a lease, as the history recorder's) now
// and then deletes what no one needs any more:
// - finished operations older than the retention (their Idempotency-Key is answered until then;
//   open operations are never touched);
// - `gateway_status` rows of gateways nobody has polled for long (no live poll lease and no
//   change stored for a day): gateways deleted or no longer watched;
// - leases that expired long ago (a dead replica's poll leases, a stopped recorder's), and the
//   stream slots of replicas that died (the next admission deletes them too).
import { sql, type Kysely } from 'kysely';
import { LeaseKeeper } from './leases';
import type { Database } from './schema';

const MAINTENANCE_LEASE = 'store-maintenance';
const DAY_MS = 86_400_000;

export interface PruneRules {
  /** Finished operations whose last change is older than this go (ms). */
  operationsMaxAgeMs: number;
  /** A gateway's last published state with no poller and no change for this long goes (ms). */
  gatewayStatusMaxAgeMs: number;
  /** Leases expired for longer than this go (ms). */
  expiredLeaseGraceMs: number;
}

export const defaultPruneRules = (operationsRetentionDays: number): PruneRules => ({
  operationsMaxAgeMs: operationsRetentionDays * DAY_MS,
  gatewayStatusMaxAgeMs: DAY_MS,
  expiredLeaseGraceMs: 60 * 60_000,
});

export interface Pruned {
  operations: number;
  gatewayStatus: number;
  leases: number;
  streamSlots: number;
}

/** One pass of deletions as of `now`; answers how many rows each went. */
export async function pruneStore(
  db: Kysely<Database>,
  rules: PruneRules,
  now: Date,
): Promise<Pruned> {
  const at = now.getTime();
  const operations = await db
    .deleteFrom('operations')
    .where('state', 'in', ['succeeded', 'failed'])
    .where('updated_at', '<', new Date(at - rules.operationsMaxAgeMs))
    .executeTakeFirst();
  const gatewayStatus = await db
    .deleteFrom('gateway_status')
    .where('updated_at', '<', new Date(at - rules.gatewayStatusMaxAgeMs))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('leases')
            .select('leases.name')
            .where('leases.name', '=', sql<string>`'poll/' || gateway_status.key`)
            .where('leases.expires_at', '>', now),
        ),
      ),
    )
    .executeTakeFirst();
  const leases = await db
    .deleteFrom('leases')
    .where('expires_at', '<', new Date(at - rules.expiredLeaseGraceMs))
    .executeTakeFirst();
  const streamSlots = await db
    .deleteFrom('stream_slots')
    .where('expires_at', '<', new Date(at - rules.expiredLeaseGraceMs))
    .executeTakeFirst();
  return {
    streamSlots: Number(streamSlots.numDeletedRows),
    operations: Number(operations.numDeletedRows),
    gatewayStatus: Number(gatewayStatus.numDeletedRows),
    leases: Number(leases.numDeletedRows),
  };
}

export interface StoreMaintenanceOptions {
  db: Kysely<Database>;
  /** This replica's lease holder id. */
  holder: string;
  rules: PruneRules;
  /** How often the replica holding the lease prunes (ms). */
  everyMs: number;
  now?: () => number;
  logger?: {
    info(obj: Record<string, unknown>, msg: string): void;
    warn(obj: Record<string, unknown>, msg: string): void;
  };
}

/** Runs {@link pruneStore} every `everyMs` on the one replica holding the maintenance lease. */
export class StoreMaintenance {
  private readonly lease: LeaseKeeper;
  private readonly now: () => number;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<Pruned | undefined> | undefined;
  private stopped = true;

  constructor(private readonly options: StoreMaintenanceOptions) {
    this.now = options.now ?? Date.now;
    // Held across rounds (renewed well within), so one replica keeps the job while it lives.
    const ttlMs = Math.max(30_000, 3 * Math.min(options.everyMs, 10 * 60_000));
    this.lease = new LeaseKeeper({
      db: options.db,
      name: MAINTENANCE_LEASE,
      holder: options.holder,
      ttlMs,
      renewMs: Math.max(1000, Math.floor(ttlMs / 3)),
      clock: { now: () => new Date(this.now()) },
      onError: (error) => options.logger?.warn({ err: error }, 'store maintenance lease failed'),
    });
  }

  start(): void {
    this.stopped = false;
    this.lease.start();
    // The first round soon after start (replicas restarted often still prune), then every
    // `everyMs`.
    this.schedule(Math.min(this.options.everyMs, 60_000));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    await this.lease.stop();
  }

  /**
   * One round (what the timer runs): prunes when this replica holds (or now takes) the lease;
   * undefined when another replica does the job.
   */
  tick(): Promise<Pruned | undefined> {
    this.running ??= this.round().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async round(): Promise<Pruned | undefined> {
    try {
      if (!(this.lease.held || (await this.lease.tick()))) return undefined;
      const pruned = await pruneStore(this.options.db, this.options.rules, new Date(this.now()));
      if (Object.values(pruned).some((n) => n > 0)) {
        this.options.logger?.info({ ...pruned }, 'store pruned');
      }
      return pruned;
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'store maintenance failed');
      return undefined;
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick().finally(() => {
        this.schedule(this.options.everyMs);
      });
    }, ms);
    this.timer.unref();
  }
}
