// The status hub's fan-out half: event streams (caps, hello, snapshots, heartbeats, logout,
// shutdown) and which stream watches which gateway. Polling lives in ./poller.ts (one poll per
// gateway per interval); with several replicas ./cluster.ts decides which replica polls a
// gateway and brings the others' changes and operation events to this replica's streams.
import type { ServerResponse } from 'node:http';
import type { GatewayRef, GatewayStatusEntry, SseEvent } from '@vpn-console/shared/api/events';
import type { Operation } from '@vpn-console/shared/api/operations';
import { sleep } from '../cloud/retry';
import type { GatewayStatusSource } from '../operations/lanes';
import type { StatusCluster } from './cluster';
import { gatewayKey, GatewayPoller, type Entry, type GatewayStatusFetcher } from './poller';
import { SseStream, sseFrame, writeStreamHead } from './sse';
import type { StreamSlots } from './stream-slots';

export { type GatewayStatusFetcher } from './poller';

export interface StatusHubOptions {
  fetcher: GatewayStatusFetcher;
  fastMs: number;
  slowMs: number;
  heartbeatMs: number;
  maxStreams: number;
  /** Open streams one session may hold (issue 10); past it `open` throws StreamCapError. */
  maxStreamsPerSession?: number;
  /** Open streams one account may hold across its sessions. */
  maxStreamsPerAccount?: number;
  /** Fast polling lasts this long after a write. */
  fastWindowMs?: number;
  /** How long a new stream waits for first polls before its snapshot. */
  snapshotWaitMs?: number;
  /**
   * How long after a negotiation (re)starts a status short of established still reads
   * `negotiating` rather than `failed` (see ./negotiation.ts). Default 60 s.
   */
  negotiationVerdictMs?: number;
  /** Replicas on one store (issue 16): who polls which gateway, and the bus between them. */
  cluster?: StatusCluster;
  /** The caps above counted over every replica's streams (issue 16); this process's only without. */
  slots?: StreamSlots;
  observer?: {
    poll(outcome: 'success' | 'failure'): void;
    interval(ref: GatewayRef, ms: number): void;
    forget(ref: GatewayRef): void;
  };
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

/** `regionId/vpnGatewayId,…` as used by `GET /api/v1/events?gateways=`. */
export const parseGatewayList = (text: string): GatewayRef[] | undefined => {
  const refs: GatewayRef[] = [];
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const match = /^([a-z0-9-]{2,64})\/([A-Za-z0-9-]{1,64})$/.exec(item);
    if (!match?.[1] || !match[2]) return undefined;
    refs.push({ regionId: match[1], vpnGatewayId: match[2] });
  }
  return refs;
};

export class TooManyStreamsError extends Error {
  constructor() {
    super('too many open event streams');
  }
}

/** A caller's own cap on open streams is reached (429 with Retry-After, not the global 503). */
export class StreamCapError extends Error {
  constructor(readonly scope: 'session' | 'account') {
    super(`too many open event streams for this ${scope}`);
  }
}

export class StatusHub implements GatewayStatusSource {
  private readonly poller: GatewayPoller;
  private readonly streams = new Map<string, SseStream>();
  private seq = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;
  private readonly snapshotWaitMs: number;
  private readonly cluster: StatusCluster | undefined;
  /** Gateways whose first look (lease claim, first poll) is under way: renewals leave them be. */
  private readonly claiming = new Set<Entry>();

  constructor(private readonly options: StatusHubOptions) {
    this.snapshotWaitMs = options.snapshotWaitMs ?? 3000;
    this.cluster = options.cluster;
    this.poller = new GatewayPoller({
      fetcher: options.fetcher,
      fastMs: options.fastMs,
      slowMs: options.slowMs,
      fastWindowMs: options.fastWindowMs ?? 30_000,
      negotiationVerdictMs: options.negotiationVerdictMs ?? 60_000,
      ...(options.observer ? { observer: options.observer } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
      emit: (entry, event) => {
        this.broadcast(entry, event);
      },
      changed: (entry) => {
        this.published(entry);
      },
    });
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams.values()) stream.heartbeat();
    }, options.heartbeatMs);
    this.heartbeat.unref();
    this.cluster?.start({
      watchedKeys: () =>
        [...this.poller.entries.values()].filter((e) => e.watchers.size > 0).map((e) => e.key),
      held: (keys) => {
        for (const entry of this.poller.entries.values()) {
          if (entry.watchers.size > 0 && !this.claiming.has(entry)) {
            this.poller.setLocal(entry, keys.has(entry.key));
          }
        }
      },
      status: (key, status) => {
        const entry = this.poller.get(key);
        if (entry && entry.watchers.size > 0) this.poller.applyRemote(entry, status);
      },
      fast: (key) => {
        this.poller.fast(key);
      },
      operation: (operation, origin) => {
        this.deliverOperation(operation, origin);
      },
    });
  }

  get openStreams(): number {
    return this.streams.size;
  }

  get watchedGateways(): number {
    let n = 0;
    for (const entry of this.poller.entries.values()) if (entry.watchers.size > 0) n += 1;
    return n;
  }

  /** Whether `streamId` is open and opened by `owner`. */
  ownsStream(streamId: string, owner: string | undefined): boolean {
    const stream = this.streams.get(streamId);
    return stream !== undefined && stream.owner === owner;
  }

  /** Whether the hub already polls `ref` (watching it costs no new cloud call). */
  isPolled(ref: GatewayRef): boolean {
    const entry = this.poller.get(gatewayKey(ref));
    return entry !== undefined && (entry.watchers.size > 0 || entry.inflight !== undefined);
  }

  /** Opens a stream on `res`: headers, hello, first polls, snapshot. */
  async open(
    res: ServerResponse,
    owner: string | undefined,
    refs: readonly GatewayRef[],
    account?: string,
  ): Promise<SseStream> {
    if (this.closed || this.streams.size >= this.options.maxStreams)
      throw new TooManyStreamsError();
    if (owner !== undefined || account !== undefined) {
      let bySession = 0;
      let byAccount = 0;
      for (const s of this.streams.values()) {
        if (owner !== undefined && s.owner === owner) bySession += 1;
        if (account !== undefined && s.account === account) byAccount += 1;
      }
      if (bySession >= (this.options.maxStreamsPerSession ?? Infinity)) {
        throw new StreamCapError('session');
      }
      if (byAccount >= (this.options.maxStreamsPerAccount ?? Infinity)) {
        throw new StreamCapError('account');
      }
    }
    const stream = new SseStream(res, owner, (s) => {
      this.sendSnapshot(s);
    });
    if (this.options.slots && !(await this.admitShared(res, stream.id, owner, account))) {
      // The client left (or the hub shut down) while the store was asked: nothing to open.
      stream.closed = true;
      return stream;
    }
    writeStreamHead(res);
    stream.account = account;
    this.streams.set(stream.id, stream);
    res.on('close', () => {
      this.close(stream);
    });
    stream.writeRaw(`retry: 3000\n: connected\n\n`);
    stream.writeRaw(
      sseFrame(this.nextId(), {
        type: 'hello',
        streamId: stream.id,
        heartbeatMs: this.options.heartbeatMs,
      }),
    );
    await this.watch(stream.id, refs);
    return stream;
  }

  /**
   * Takes the stream's slot in the store (caps over every replica); throws when a cap is
   * reached. A store that cannot be asked leaves the caps of this process (checked already).
   * False when the stream should not open after all (its slot is given back).
   */
  private async admitShared(
    res: ServerResponse,
    id: string,
    owner: string | undefined,
    account: string | undefined,
  ): Promise<boolean> {
    const slots = this.options.slots;
    if (!slots) return true;
    let admitted = true;
    try {
      await slots.admit(id, owner, account);
    } catch (error) {
      if (error instanceof TooManyStreamsError || error instanceof StreamCapError) throw error;
      this.options.logger?.warn({ err: error }, 'stream caps not checked across replicas');
      admitted = false;
    }
    const gone = this.closed || res.destroyed;
    if (gone && admitted) slots.release(id);
    return !gone;
  }

  /**
   * Replaces what a stream watches; sends a snapshot of the new set. False if no such stream,
   * or (when `owner` is given) it belongs to someone else.
   */
  async watch(
    streamId: string,
    refs: readonly GatewayRef[],
    owner?: { readonly owner: string | undefined },
  ): Promise<boolean> {
    const stream = this.streams.get(streamId);
    if (!stream) return false;
    if (owner !== undefined && stream.owner !== owner.owner) return false;
    const wanted = new Map(refs.map((ref) => [gatewayKey(ref), ref]));
    for (const key of [...stream.watched]) {
      if (!wanted.has(key)) this.unwatch(stream, key);
    }
    const fresh: Entry[] = [];
    for (const [key, ref] of wanted) {
      if (stream.watched.has(key)) continue;
      stream.watched.add(key);
      const entry = this.poller.entry(ref, this.cluster === undefined);
      const first = entry.watchers.size === 0;
      // With replicas, polling a watched gateway needs its lease (claimed below).
      if (first && this.cluster) entry.local = false;
      entry.watchers.add(stream);
      // A gateway nobody watched may hold old data (or none): poll it now.
      if (first || entry.observedAt === null) fresh.push(entry);
    }
    if (fresh.length > 0) {
      // Wait (bounded) for the first polls so the snapshot carries real state.
      await Promise.race([Promise.allSettled(this.firstLook(fresh)), sleep(this.snapshotWaitMs)]);
    }
    if (stream.closed) return true;
    this.sendSnapshot(stream);
    stream.ready = true;
    return true;
  }

  /**
   * Newly watched gateways: poll those this replica polls (all of them without replicas); for
   * the ones another replica polls, take the state it published.
   */
  private firstLook(fresh: readonly Entry[]): Promise<void>[] {
    const cluster = this.cluster;
    if (!cluster) return fresh.map((entry) => this.poller.poll(entry));
    const notLocal = fresh.filter((e) => !e.local);
    for (const entry of notLocal) this.claiming.add(entry);
    const claimed = (async () => {
      const held = await cluster.claim(notLocal.map((e) => e.key)).finally(() => {
        for (const entry of notLocal) this.claiming.delete(entry);
      });
      const others = notLocal.filter((e) => !held.has(e.key));
      for (const entry of notLocal) if (held.has(entry.key)) entry.local = true;
      const polls = fresh.filter((e) => e.local).map((e) => this.poller.poll(e));
      const states = await cluster.published(others.map((e) => e.key)).catch(() => new Map());
      for (const entry of others) {
        const status = states.get(entry.key) as GatewayStatusEntry | undefined;
        if (status) this.poller.applyRemote(entry, status);
      }
      await Promise.allSettled(polls);
    })();
    return [claimed];
  }

  /** The current status of a gateway, polled now (coalesced with any poll in flight). */
  async currentStatus(ref: GatewayRef): Promise<string | null> {
    const entry = this.poller.entry(ref);
    await this.poller.poll(entry);
    return entry.notFound ? null : (entry.gateway?.status ?? null);
  }

  writeLanded(ref: GatewayRef): void {
    const key = gatewayKey(ref);
    this.poller.fast(key);
    // The replica polling it may be another one.
    this.cluster?.publishFast(key).catch(() => undefined);
  }

  /**
   * Operation state goes to the streams watching its gateway and to the stream it came from,
   * on this replica and (through the bus) on the others.
   */
  publishOperation(operation: Operation, originStreamId: string | undefined): void {
    this.deliverOperation(operation, originStreamId);
    this.cluster?.publishOperation(operation, originStreamId).catch(() => undefined);
  }

  private deliverOperation(operation: Operation, originStreamId: string | undefined): void {
    const targets = new Set<SseStream>();
    if (operation.vpnGatewayId !== undefined) {
      const entry = this.poller.get(
        gatewayKey({ regionId: operation.regionId, vpnGatewayId: operation.vpnGatewayId }),
      );
      for (const s of entry?.watchers ?? []) targets.add(s as SseStream);
    }
    const origin = originStreamId === undefined ? undefined : this.streams.get(originStreamId);
    if (origin) targets.add(origin);
    if (targets.size === 0) return;
    const frame = sseFrame(this.nextId(), { type: 'operation', operation });
    for (const s of targets) s.send(frame);
  }

  /** Ends every stream of `owner` with a `logout` event (session ended). */
  logout(owner: string): number {
    let n = 0;
    for (const stream of [...this.streams.values()]) {
      if (stream.owner !== owner) continue;
      stream.end(sseFrame(this.nextId(), { type: 'logout' }));
      this.close(stream);
      n += 1;
    }
    return n;
  }

  /** Shutdown: every client is told to reconnect after a random 1–5 s, then streams end. */
  shutdown(): void {
    this.closed = true;
    clearInterval(this.heartbeat);
    // Hand the gateways this replica polls to the others at once.
    this.cluster?.close().catch(() => undefined);
    for (const stream of [...this.streams.values()]) {
      const retry = 1000 + Math.floor(Math.random() * 4000);
      stream.end(`retry: ${retry}\n${sseFrame(this.nextId(), { type: 'reconnect' })}`);
      this.close(stream);
    }
    this.poller.shutdown();
  }

  snapshotOf(ref: GatewayRef): GatewayStatusEntry | undefined {
    const entry = this.poller.get(gatewayKey(ref));
    return entry ? this.poller.toStatusEntry(entry) : undefined;
  }

  private nextId(): number {
    this.seq += 1;
    return this.seq;
  }

  private close(stream: SseStream): void {
    if (!this.streams.delete(stream.id)) return;
    stream.closed = true;
    // On shutdown the replica's slots go all at once (StreamSlots.close).
    if (!this.closed) this.options.slots?.release(stream.id);
    for (const key of [...stream.watched]) this.unwatch(stream, key);
  }

  private unwatch(stream: SseStream, key: string): void {
    stream.watched.delete(key);
    const entry = this.poller.get(key);
    if (!entry) return;
    entry.watchers.delete(stream);
    if (entry.watchers.size === 0) {
      if (entry.local && !this.closed) this.cluster?.release([key]);
      this.poller.unwatched(entry);
    }
  }

  /** A gateway this replica polls changed: the other replicas' streams get it too. */
  private published(entry: Entry): void {
    if (!this.cluster || !entry.local || entry.watchers.size === 0) return;
    this.cluster
      .publishStatus(entry.key, this.poller.toStatusEntry(entry))
      .catch((error: unknown) => {
        this.options.logger?.warn({ err: error, gateway: entry.key }, 'status not published');
      });
  }

  private broadcast(entry: Entry, event: SseEvent): void {
    if (entry.watchers.size === 0) return;
    const frame = sseFrame(this.nextId(), event);
    for (const stream of entry.watchers) (stream as SseStream).send(frame);
  }

  private sendSnapshot(stream: SseStream): void {
    const gateways: GatewayStatusEntry[] = [];
    for (const key of stream.watched) {
      const entry = this.poller.get(key);
      if (entry) gateways.push(this.poller.toStatusEntry(entry));
    }
    stream.writeRaw(sseFrame(this.nextId(), { type: 'snapshot', gateways }));
  }
}
