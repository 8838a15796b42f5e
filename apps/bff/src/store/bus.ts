// A message bus between the replicas sharing a store (issue 16): PostgreSQL's LISTEN/NOTIFY on
// one dedicated connection, or (PGlite: one process) an in-process bus with the same interface.
// Messages are small one-line JSON texts (under PostgreSQL's 8000-byte NOTIFY limit).
import { EventEmitter } from 'node:events';
import pg from 'pg';

export const BUS_CHANNEL = 'vpnc_events';
/** NOTIFY refuses payloads of 8000 bytes or more. */
export const MAX_BUS_MESSAGE_BYTES = 7900;

export interface Bus {
  publish(message: string): Promise<void>;
  subscribe(handler: (message: string) => void): void;
  close(): Promise<void>;
}

/** One in-process channel per store (several app stacks on one PGlite store in tests share it). */
const localChannels = new WeakMap<object, EventEmitter>();

export class LocalBus implements Bus {
  private readonly events: EventEmitter;
  private readonly handlers: Array<(message: string) => void> = [];

  /** `scope`: the store (its Kysely instance) the replicas share. */
  constructor(scope: object) {
    let events = localChannels.get(scope);
    if (!events) {
      events = new EventEmitter();
      events.setMaxListeners(0);
      localChannels.set(scope, events);
    }
    this.events = events;
  }

  publish(message: string): Promise<void> {
    setImmediate(() => this.events.emit('message', message));
    return Promise.resolve();
  }

  subscribe(handler: (message: string) => void): void {
    this.handlers.push(handler);
    this.events.on('message', handler);
  }

  close(): Promise<void> {
    for (const handler of this.handlers.splice(0)) this.events.off('message', handler);
    return Promise.resolve();
  }
}

export interface PgBusOptions {
  databaseUrl: string;
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
  /** Wait before reconnecting a lost LISTEN connection. */
  reconnectMs?: number;
}

/** NOTIFYs in flight at once (the pool's connections). */
const NOTIFY_CONNECTIONS = 2;

interface Pending {
  message: string;
  bytes: number;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * LISTEN on its own connection (reconnected when lost); NOTIFY through a short-lived pool.
 * Messages that wait for a free connection go out together, one per line of one NOTIFY: when
 * 50 gateways change at once, a NOTIFY (a transaction) each queued behind two connections and
 * made remote delivery slow under load (issue 16). An idle bus sends each message at once.
 */
export class PgBus implements Bus {
  private listener: pg.Client | undefined;
  private readonly pool: pg.Pool;
  private readonly handlers: Array<(message: string) => void> = [];
  private closed = false;
  private readonly queue: Pending[] = [];
  private sending = 0;

  constructor(private readonly options: PgBusOptions) {
    this.pool = new pg.Pool({ connectionString: options.databaseUrl, max: NOTIFY_CONNECTIONS });
    // An idle connection the server ends (restart, failover) must not end the process.
    this.pool.on('error', (error: unknown) => {
      this.options.logger?.warn({ err: error }, 'bus connection lost');
    });
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.databaseUrl });
    client.on('notification', (n) => {
      if (n.channel !== BUS_CHANNEL || n.payload === undefined) return;
      for (const message of n.payload.split('\n')) {
        for (const handler of this.handlers) handler(message);
      }
    });
    client.on('error', (error: unknown) => {
      if (this.closed) return;
      this.options.logger?.warn({ err: error }, 'bus connection lost');
      this.reconnect();
    });
    await client.connect();
    await client.query(`listen ${BUS_CHANNEL}`);
    this.listener = client;
  }

  private reconnect(): void {
    const old = this.listener;
    this.listener = undefined;
    old?.end().catch(() => undefined);
    if (this.closed) return;
    const timer = setTimeout(() => {
      if (this.closed) return;
      this.start().catch(() => {
        this.reconnect();
      });
    }, this.options.reconnectMs ?? 1000);
    timer.unref();
  }

  publish(message: string): Promise<void> {
    if (message.includes('\n')) {
      return Promise.reject(new Error('a bus message is one line (JSON.stringify output)'));
    }
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ message, bytes: Buffer.byteLength(message) + 1, resolve, reject });
      this.pump();
    });
  }

  /** Sends what waits, as many messages per NOTIFY as fit, on each free connection. */
  private pump(): void {
    while (this.sending < NOTIFY_CONNECTIONS && this.queue.length > 0) {
      const batch: Pending[] = [];
      let bytes = 0;
      for (const next of this.queue) {
        if (batch.length > 0 && bytes + next.bytes > MAX_BUS_MESSAGE_BYTES) break;
        batch.push(next);
        bytes += next.bytes;
      }
      this.queue.splice(0, batch.length);
      this.sending += 1;
      this.pool
        .query('select pg_notify($1, $2)', [BUS_CHANNEL, batch.map((p) => p.message).join('\n')])
        .then(
          () => {
            for (const p of batch) p.resolve();
          },
          (error: unknown) => {
            for (const p of batch) p.reject(error);
          },
        )
        .finally(() => {
          this.sending -= 1;
          this.pump();
        });
    }
  }

  subscribe(handler: (message: string) => void): void {
    this.handlers.push(handler);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.end().catch(() => undefined);
    await this.pool.end().catch(() => undefined);
  }
}
