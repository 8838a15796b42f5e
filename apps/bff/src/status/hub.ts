// The status hub: polls each watched gateway once per interval however many streams watch it
// (singleflight), fast while something changes or just after a write, slow when stable, not at
// all when unwatched; sends only changes to the streams that watch, with event ids.
import type { ServerResponse } from 'node:http';
import type {
  ConnectionStatus,
  GatewayRef,
  GatewayStatusEntry,
  SseEvent,
} from '@vpn-console/shared/api/events';
import type { Operation } from '@vpn-console/shared/api/operations';
import { changingGatewayStatuses, type VpnGatewayView } from '@vpn-console/shared/api/views';
import { CloudError } from '../cloud/errors';
import { sleep } from '../cloud/retry';
import type { GatewayStatusSource } from '../operations/lanes';
import {
  awaitingVerdict,
  CHANGING_CONNECTION_STATES,
  readNegotiations,
  type NegotiationStarts,
} from './negotiation';
import { SSE_HEADERS, SseStream, sseFrame } from './sse';

export interface GatewayObservation {
  /** null when the cloud says the gateway does not exist. */
  gateway: VpnGatewayView | null;
  connections: ConnectionStatus[];
}

export interface GatewayStatusFetcher {
  fetch(ref: GatewayRef): Promise<GatewayObservation>;
}

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
  observer?: {
    poll(outcome: 'success' | 'failure'): void;
    interval(ref: GatewayRef, ms: number): void;
    forget(ref: GatewayRef): void;
  };
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
}

interface Entry {
  ref: GatewayRef;
  key: string;
  watchers: Set<SseStream>;
  gateway: VpnGatewayView | null;
  connections: ConnectionStatus[];
  negotiationStarts: NegotiationStarts;
  notFound: boolean;
  staleSince: string | null;
  staleReason: string | undefined;
  observedAt: string | null;
  gatewayJson: string;
  connectionsJson: string;
  failures: number;
  fastUntil: number;
  intervalMs: number;
  timer: NodeJS.Timeout | undefined;
  inflight: Promise<void> | undefined;
  lastError: unknown;
}

const CHANGING_GATEWAY_STATES: ReadonlySet<string> = new Set(changingGatewayStatuses);

export const gatewayKey = (ref: GatewayRef): string => `${ref.regionId}/${ref.vpnGatewayId}`;

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
  private readonly entries = new Map<string, Entry>();
  private readonly streams = new Map<string, SseStream>();
  private seq = 0;
  private readonly heartbeat: NodeJS.Timeout;
  private closed = false;
  private readonly fastWindowMs: number;
  private readonly snapshotWaitMs: number;
  private readonly negotiationVerdictMs: number;

  constructor(private readonly options: StatusHubOptions) {
    this.fastWindowMs = options.fastWindowMs ?? 30_000;
    this.snapshotWaitMs = options.snapshotWaitMs ?? 3000;
    this.negotiationVerdictMs = options.negotiationVerdictMs ?? 60_000;
    this.heartbeat = setInterval(() => {
      for (const stream of this.streams.values()) stream.heartbeat();
    }, options.heartbeatMs);
    this.heartbeat.unref();
  }

  get openStreams(): number {
    return this.streams.size;
  }

  get watchedGateways(): number {
    let n = 0;
    for (const entry of this.entries.values()) if (entry.watchers.size > 0) n += 1;
    return n;
  }

  /** Whether `streamId` is open and opened by `owner`. */
  ownsStream(streamId: string, owner: string | undefined): boolean {
    const stream = this.streams.get(streamId);
    return stream !== undefined && stream.owner === owner;
  }

  /** Whether the hub already polls `ref` (watching it costs no new cloud call). */
  isPolled(ref: GatewayRef): boolean {
    const entry = this.entries.get(gatewayKey(ref));
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
    res.writeHead(200, SSE_HEADERS);
    res.flushHeaders();
    const stream = new SseStream(res, owner, (s) => {
      this.sendSnapshot(s);
    });
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
      const entry = this.entry(ref);
      const first = entry.watchers.size === 0;
      entry.watchers.add(stream);
      // A gateway nobody watched may hold old data (or none): poll it now.
      if (first || entry.observedAt === null) fresh.push(entry);
    }
    if (fresh.length > 0) {
      // Wait (bounded) for the first polls so the snapshot carries real state.
      await Promise.race([
        Promise.allSettled(fresh.map((entry) => this.poll(entry))),
        sleep(this.snapshotWaitMs),
      ]);
    }
    if (stream.closed) return true;
    this.sendSnapshot(stream);
    stream.ready = true;
    return true;
  }

  /** The current status of a gateway, polled now (coalesced with any poll in flight). */
  async currentStatus(ref: GatewayRef): Promise<string | null> {
    const entry = this.entry(ref);
    await this.poll(entry);
    return entry.notFound ? null : (entry.gateway?.status ?? null);
  }

  writeLanded(ref: GatewayRef): void {
    // Only watched (or being polled) gateways have an entry; no entry is created for others.
    const entry = this.entries.get(gatewayKey(ref));
    if (!entry) return;
    entry.fastUntil = Date.now() + this.fastWindowMs;
    if (entry.watchers.size > 0 && entry.intervalMs > this.options.fastMs) {
      this.schedule(entry, this.options.fastMs);
    }
  }

  /** Operation state goes to the streams watching its gateway and to the stream it came from. */
  publishOperation(operation: Operation, originStreamId: string | undefined): void {
    const targets = new Set<SseStream>();
    if (operation.vpnGatewayId !== undefined) {
      const entry = this.entries.get(
        gatewayKey({ regionId: operation.regionId, vpnGatewayId: operation.vpnGatewayId }),
      );
      for (const s of entry?.watchers ?? []) targets.add(s);
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
    for (const stream of [...this.streams.values()]) {
      const retry = 1000 + Math.floor(Math.random() * 4000);
      stream.end(`retry: ${retry}\n${sseFrame(this.nextId(), { type: 'reconnect' })}`);
      this.close(stream);
    }
    for (const entry of this.entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
    }
  }

  snapshotOf(ref: GatewayRef): GatewayStatusEntry | undefined {
    const entry = this.entries.get(gatewayKey(ref));
    return entry ? this.toStatusEntry(entry) : undefined;
  }

  private nextId(): number {
    this.seq += 1;
    return this.seq;
  }

  private entry(ref: GatewayRef): Entry {
    const key = gatewayKey(ref);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        ref: { regionId: ref.regionId, vpnGatewayId: ref.vpnGatewayId },
        key,
        watchers: new Set(),
        gateway: null,
        connections: [],
        negotiationStarts: new Map(),
        notFound: false,
        staleSince: null,
        staleReason: undefined,
        observedAt: null,
        gatewayJson: 'null',
        connectionsJson: '[]',
        failures: 0,
        fastUntil: 0,
        intervalMs: this.options.fastMs,
        timer: undefined,
        inflight: undefined,
        lastError: undefined,
      };
      this.entries.set(key, entry);
    }
    return entry;
  }

  private close(stream: SseStream): void {
    if (!this.streams.delete(stream.id)) return;
    stream.closed = true;
    for (const key of [...stream.watched]) this.unwatch(stream, key);
  }

  private unwatch(stream: SseStream, key: string): void {
    stream.watched.delete(key);
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.watchers.delete(stream);
    if (entry.watchers.size === 0) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
      if (!entry.inflight) this.entries.delete(key);
      this.options.observer?.forget(entry.ref);
    }
  }

  private intervalFor(entry: Entry): number {
    const { fastMs, slowMs } = this.options;
    if (entry.staleSince !== null)
      return Math.min(slowMs, fastMs * 2 ** Math.min(entry.failures, 6));
    const changing =
      Date.now() < entry.fastUntil ||
      awaitingVerdict(entry.connections) ||
      (entry.gateway !== null && CHANGING_GATEWAY_STATES.has(entry.gateway.status)) ||
      entry.connections.some(
        (c) =>
          (c.state !== undefined && CHANGING_CONNECTION_STATES.has(c.state)) ||
          (c.tunnels ?? []).some(
            (t) => t.state !== undefined && CHANGING_CONNECTION_STATES.has(t.state),
          ),
      );
    return changing ? fastMs : slowMs;
  }

  private schedule(entry: Entry, delay?: number): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    if (this.closed || entry.watchers.size === 0) return;
    entry.intervalMs = this.intervalFor(entry);
    this.options.observer?.interval(entry.ref, entry.intervalMs);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.poll(entry).catch(() => undefined);
    }, delay ?? entry.intervalMs);
  }

  /** Singleflight: one upstream poll per gateway at a time; callers share its result. */
  private poll(entry: Entry): Promise<void> {
    if (entry.inflight) return entry.inflight;
    const run = (async () => {
      try {
        const observation = await this.options.fetcher.fetch(entry.ref);
        this.options.observer?.poll('success');
        this.apply(entry, observation);
      } catch (error) {
        this.options.observer?.poll('failure');
        this.markStale(entry, error);
        throw error;
      } finally {
        entry.inflight = undefined;
        if (entry.watchers.size > 0) this.schedule(entry);
        else if (!entry.timer) this.entries.delete(entry.key);
      }
    })();
    entry.inflight = run;
    return run;
  }

  private apply(entry: Entry, observation: GatewayObservation): void {
    const now = Date.now();
    const observedAt = new Date(now).toISOString();
    entry.observedAt = observedAt;
    entry.failures = 0;
    entry.lastError = undefined;
    const notFound = observation.gateway === null;
    const connections = readNegotiations(
      observation.connections,
      entry.negotiationStarts,
      now,
      this.negotiationVerdictMs,
    );
    const gatewayJson = JSON.stringify(observation.gateway);
    const connectionsJson = JSON.stringify(connections);
    const gatewayChanged = gatewayJson !== entry.gatewayJson || notFound !== entry.notFound;
    const connectionsChanged = connectionsJson !== entry.connectionsJson;
    entry.gateway = observation.gateway;
    entry.connections = connections;
    entry.notFound = notFound;
    entry.gatewayJson = gatewayJson;
    entry.connectionsJson = connectionsJson;
    entry.intervalMs = this.intervalFor(entry);
    const { regionId, vpnGatewayId } = entry.ref;
    if (entry.staleSince !== null) {
      entry.staleSince = null;
      entry.staleReason = undefined;
      this.broadcast(entry, { type: 'stale', regionId, vpnGatewayId, staleSince: null });
    }
    if (gatewayChanged) {
      this.broadcast(entry, {
        type: 'gateway',
        regionId,
        vpnGatewayId,
        gateway: entry.gateway,
        notFound,
        pollIntervalMs: entry.intervalMs,
        observedAt,
      });
    }
    if (connectionsChanged) {
      this.broadcast(entry, {
        type: 'connections',
        regionId,
        vpnGatewayId,
        connections: entry.connections,
        observedAt,
      });
    }
  }

  private markStale(entry: Entry, error: unknown): void {
    entry.failures += 1;
    entry.lastError = error;
    const reason = error instanceof CloudError ? error.code : 'InternalError';
    if (!(error instanceof CloudError)) {
      this.options.logger?.warn({ err: error, gateway: entry.key }, 'status poll failed');
    }
    if (entry.staleSince !== null && entry.staleReason === reason) return;
    entry.staleSince ??= new Date().toISOString();
    entry.staleReason = reason;
    this.broadcast(entry, {
      type: 'stale',
      regionId: entry.ref.regionId,
      vpnGatewayId: entry.ref.vpnGatewayId,
      staleSince: entry.staleSince,
      staleReason: reason,
    });
  }

  private broadcast(entry: Entry, event: SseEvent): void {
    if (entry.watchers.size === 0) return;
    const frame = sseFrame(this.nextId(), event);
    for (const stream of entry.watchers) stream.send(frame);
  }

  private toStatusEntry(entry: Entry): GatewayStatusEntry {
    return {
      regionId: entry.ref.regionId,
      vpnGatewayId: entry.ref.vpnGatewayId,
      gateway: entry.gateway,
      connections: entry.connections,
      staleSince: entry.staleSince,
      ...(entry.staleReason === undefined ? {} : { staleReason: entry.staleReason }),
      notFound: entry.notFound,
      pollIntervalMs: entry.intervalMs,
      observedAt: entry.observedAt,
    };
  }

  private sendSnapshot(stream: SseStream): void {
    const gateways: GatewayStatusEntry[] = [];
    for (const key of stream.watched) {
      const entry = this.entries.get(key);
      if (entry) gateways.push(this.toStatusEntry(entry));
    }
    stream.writeRaw(sseFrame(this.nextId(), { type: 'snapshot', gateways }));
  }
}
