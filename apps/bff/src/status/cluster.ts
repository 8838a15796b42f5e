// The status hub across replicas (issue 16): a lease per watched gateway (`poll/<key>`) decides
// which replica polls it; that replica stores what changed and names the gateway on the bus, so
// every replica's streams get it. A replica that stops renewing loses its leases within three
// heartbeats and another watching replica takes them. Operation events and "a write just went
// out, poll fast" travel on the same bus. With PGlite (one process) the path is the same, the
// bus in-process.
import type { GatewayStatusEntry } from '@vpn-console/shared/api/events';
import { gatewayStatusEntrySchema } from '@vpn-console/shared/api/events';
import { operationSchema, type Operation } from '@vpn-console/shared/api/operations';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { MAX_BUS_MESSAGE_BYTES, type Bus } from '../store/bus';
import { acquireLeases, releaseLeases } from '../store/leases';
import type { Database } from '../store/schema';

const leaseName = (key: string): string => `poll/${key}`;

const messageSchema = z.discriminatedUnion('t', [
  z.object({
    t: z.literal('status'),
    from: z.string(),
    key: z.string(),
    /** The state itself when it fits in one NOTIFY; otherwise read from gateway_status. */
    status: z.unknown().optional(),
  }),
  z.object({ t: z.literal('fast'), from: z.string(), key: z.string() }),
  z.object({
    t: z.literal('operation'),
    from: z.string(),
    operation: operationSchema,
    origin: z.string().optional(),
  }),
]);

export interface ClusterHandlers {
  /** Keys this replica's streams watch now. */
  watchedKeys(): string[];
  /** After each renewal: the watched keys this replica polls now. */
  held(keys: ReadonlySet<string>): void;
  /** Another replica published a gateway's state. */
  status(key: string, status: GatewayStatusEntry): void;
  /** A write went out on another replica. */
  fast(key: string): void;
  /** An operation changed on another replica. */
  operation(operation: Operation, origin: string | undefined): void;
}

export interface StatusClusterOptions {
  db: Kysely<Database>;
  bus: Bus;
  holder: string;
  heartbeatMs: number;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

export class StatusCluster {
  private handlers: ClusterHandlers | undefined;
  private timer: NodeJS.Timeout | undefined;
  private beating = false;
  private readonly ttlMs: number;

  constructor(private readonly options: StatusClusterOptions) {
    this.ttlMs = 3 * options.heartbeatMs;
  }

  get holder(): string {
    return this.options.holder;
  }

  start(handlers: ClusterHandlers): void {
    this.handlers = handlers;
    this.options.bus.subscribe((text) => {
      this.receive(text).catch((error: unknown) => {
        this.options.logger?.warn({ err: error }, 'bus message not handled');
      });
    });
    this.timer = setInterval(() => {
      this.beat().catch((error: unknown) => {
        this.options.logger?.warn({ err: error }, 'poll lease heartbeat failed');
      });
    }, this.options.heartbeatMs);
    this.timer.unref();
  }

  /** Takes (or renews) the poll leases of `keys`; answers those this replica holds. */
  async claim(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    try {
      const held = await acquireLeases(
        this.options.db,
        keys.map(leaseName),
        this.options.holder,
        this.ttlMs,
      );
      return new Set(keys.filter((key) => held.has(leaseName(key))));
    } catch (error) {
      // Without the store nobody can tell who polls: poll here rather than leave streams silent.
      this.options.logger?.warn({ err: error }, 'poll leases not renewed');
      return new Set(keys);
    }
  }

  /** The state the poller of each key published last (for a stream's first snapshot). */
  async published(keys: readonly string[]): Promise<Map<string, GatewayStatusEntry>> {
    const out = new Map<string, GatewayStatusEntry>();
    if (keys.length === 0) return out;
    const rows = await this.options.db
      .selectFrom('gateway_status')
      .select(['key', 'status'])
      .where('key', 'in', [...keys])
      .execute();
    for (const row of rows) {
      const parsed = gatewayStatusEntrySchema.safeParse(row.status);
      if (parsed.success) out.set(row.key, parsed.data);
    }
    return out;
  }

  /** This replica stopped watching `keys`: another watching replica may poll them at once. */
  release(keys: readonly string[]): void {
    if (keys.length === 0) return;
    releaseLeases(this.options.db, keys.map(leaseName), this.options.holder).catch(
      (error: unknown) => this.options.logger?.warn({ err: error }, 'poll leases not released'),
    );
  }

  /**
   * A gateway this replica polls changed: name it on the bus and store it. When the message
   * carries the state (it fits in one NOTIFY), the other replicas' streams need not wait for the
   * row, which only serves later snapshots: both go out at once. Waiting for the row first (a
   * commit per gateway, queued behind the pool under load) was most of the delivery time with
   * replicas (issue 16, 3 × 5,000 streams: upsert p99 970 ms before the NOTIFY was sent). A
   * state too large for a NOTIFY is stored first, as the receivers read it from the row.
   */
  async publishStatus(key: string, status: GatewayStatusEntry): Promise<void> {
    const now = new Date();
    const stored = this.options.db
      .insertInto('gateway_status')
      .values({ key, status: JSON.stringify(status), updated_at: now })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({ status: JSON.stringify(status), updated_at: now }),
      )
      .execute();
    const message = { t: 'status' as const, from: this.options.holder, key };
    const whole = JSON.stringify({ ...message, status });
    if (Buffer.byteLength(whole) <= MAX_BUS_MESSAGE_BYTES) {
      await Promise.all([stored, this.send({ ...message, status })]);
    } else {
      await stored;
      await this.send(message);
    }
  }

  async publishFast(key: string): Promise<void> {
    await this.send({ t: 'fast', from: this.options.holder, key });
  }

  async publishOperation(operation: Operation, origin: string | undefined): Promise<void> {
    await this.send({
      t: 'operation',
      from: this.options.holder,
      operation,
      ...(origin === undefined ? {} : { origin }),
    });
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    const keys = this.handlers?.watchedKeys() ?? [];
    this.handlers = undefined;
    if (keys.length > 0) {
      await releaseLeases(this.options.db, keys.map(leaseName), this.options.holder).catch(
        () => undefined,
      );
    }
  }

  private async send(message: z.input<typeof messageSchema>): Promise<void> {
    const text = JSON.stringify(message);
    if (Buffer.byteLength(text) > MAX_BUS_MESSAGE_BYTES) {
      this.options.logger?.warn({ type: message.t }, 'bus message too large: not sent');
      return;
    }
    await this.options.bus.publish(text);
  }

  private async beat(): Promise<void> {
    const handlers = this.handlers;
    if (!handlers || this.beating) return;
    this.beating = true;
    try {
      handlers.held(await this.claim(handlers.watchedKeys()));
    } finally {
      this.beating = false;
    }
  }

  private async receive(text: string): Promise<void> {
    const handlers = this.handlers;
    if (!handlers) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      return;
    }
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success || parsed.data.from === this.options.holder) return;
    const message = parsed.data;
    if (message.t === 'fast') handlers.fast(message.key);
    else if (message.t === 'operation') handlers.operation(message.operation, message.origin);
    else {
      const carried = gatewayStatusEntrySchema.safeParse(message.status);
      const status = carried.success
        ? carried.data
        : (await this.published([message.key])).get(message.key);
      if (status) handlers.status(message.key, status);
    }
  }
}
