// The polling half of the status hub (issues 11 and 16): one entry per watched gateway, polled
// once per interval however many streams watch it (singleflight), fast while something changes
// or just after a write, slow when stable, not at all when unwatched — and, with several
// replicas, only on the replica that holds the gateway's poll lease (`local`); the others take
// the state the holder publishes (`applyRemote`). What changed goes to `emit` as SSE events.
import type {
  ConnectionStatus,
  GatewayRef,
  GatewayStatusEntry,
  SseEvent,
} from '@vpn-console/shared/api/events';
import { changingGatewayStatuses, type VpnGatewayView } from '@vpn-console/shared/api/views';
import { CloudError } from '../cloud/errors';
import {
  awaitingVerdict,
  CHANGING_CONNECTION_STATES,
  readNegotiations,
  type NegotiationStarts,
} from './negotiation';

export interface GatewayObservation {
  /** null when the cloud says the gateway does not exist. */
  gateway: VpnGatewayView | null;
  connections: ConnectionStatus[];
}

export interface GatewayStatusFetcher {
  fetch(ref: GatewayRef): Promise<GatewayObservation>;
}

export interface PollerOptions {
  fetcher: GatewayStatusFetcher;
  fastMs: number;
  slowMs: number;
  /** Fast polling lasts this long after a write. */
  fastWindowMs: number;
  negotiationVerdictMs: number;
  observer?: {
    poll(outcome: 'success' | 'failure'): void;
    interval(ref: GatewayRef, ms: number): void;
    forget(ref: GatewayRef): void;
  };
  logger?: { warn(obj: Record<string, unknown>, msg: string): void };
  /** A change of an entry, for its watchers. */
  emit(entry: Entry, event: SseEvent): void;
  /** A locally polled entry changed (to publish to other replicas). */
  changed?(entry: Entry): void;
}

export interface Entry {
  ref: GatewayRef;
  key: string;
  /** This replica's streams watching the gateway. */
  watchers: Set<unknown>;
  /** Whether this replica polls it (holds its poll lease; always, without replicas). */
  local: boolean;
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

export class GatewayPoller {
  readonly entries = new Map<string, Entry>();
  private closed = false;

  constructor(private readonly options: PollerOptions) {}

  get(key: string): Entry | undefined {
    return this.entries.get(key);
  }

  entry(ref: GatewayRef, local = true): Entry {
    const key = gatewayKey(ref);
    let entry = this.entries.get(key);
    if (!entry) {
      entry = {
        ref: { regionId: ref.regionId, vpnGatewayId: ref.vpnGatewayId },
        key,
        watchers: new Set(),
        local,
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

  /** The last watcher left: stop polling; forget the entry unless a poll is in flight. */
  unwatched(entry: Entry): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    if (!entry.inflight) this.entries.delete(entry.key);
    this.options.observer?.forget(entry.ref);
  }

  /** This replica starts (true) or stops (false) polling the entry. */
  setLocal(entry: Entry, local: boolean): void {
    if (entry.local === local) return;
    entry.local = local;
    if (local) this.schedule(entry, 0);
    else if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
  }

  /** A write went out: poll fast for a while (if this replica polls it). */
  fast(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.fastUntil = Date.now() + this.options.fastWindowMs;
    if (entry.local && entry.watchers.size > 0 && entry.intervalMs > this.options.fastMs) {
      this.schedule(entry, this.options.fastMs);
    }
  }

  shutdown(): void {
    this.closed = true;
    for (const entry of this.entries.values()) {
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = undefined;
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

  schedule(entry: Entry, delay?: number): void {
    if (entry.timer) clearTimeout(entry.timer);
    entry.timer = undefined;
    if (this.closed || entry.watchers.size === 0 || !entry.local) return;
    entry.intervalMs = this.intervalFor(entry);
    this.options.observer?.interval(entry.ref, entry.intervalMs);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.poll(entry).catch(() => undefined);
    }, delay ?? entry.intervalMs);
  }

  /** Singleflight: one upstream poll per gateway at a time; callers share its result. */
  poll(entry: Entry): Promise<void> {
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
    const connections = readNegotiations(
      observation.connections,
      entry.negotiationStarts,
      now,
      this.options.negotiationVerdictMs,
    );
    entry.failures = 0;
    entry.lastError = undefined;
    const changed = this.take(entry, {
      gateway: observation.gateway,
      connections,
      notFound: observation.gateway === null,
      staleSince: null,
      staleReason: undefined,
      observedAt: new Date(now).toISOString(),
      intervalMs: undefined,
    });
    if (changed) this.options.changed?.(entry);
  }

  /** The state another replica (the poll lease's holder) observed. */
  applyRemote(entry: Entry, status: GatewayStatusEntry): void {
    if (entry.local) return;
    this.take(entry, {
      gateway: status.gateway,
      connections: status.connections,
      notFound: status.notFound,
      staleSince: status.staleSince,
      staleReason: status.staleReason,
      observedAt: status.observedAt,
      intervalMs: status.pollIntervalMs,
    });
  }

  /** Takes a new state into the entry and emits what changed; true when anything did. */
  private take(
    entry: Entry,
    next: {
      gateway: VpnGatewayView | null;
      connections: ConnectionStatus[];
      notFound: boolean;
      staleSince: string | null;
      staleReason: string | undefined;
      observedAt: string | null;
      intervalMs: number | undefined;
    },
  ): boolean {
    const gatewayJson = JSON.stringify(next.gateway);
    const connectionsJson = JSON.stringify(next.connections);
    const gatewayChanged = gatewayJson !== entry.gatewayJson || next.notFound !== entry.notFound;
    const connectionsChanged = connectionsJson !== entry.connectionsJson;
    entry.observedAt = next.observedAt;
    entry.gateway = next.gateway;
    entry.connections = next.connections;
    entry.notFound = next.notFound;
    entry.gatewayJson = gatewayJson;
    entry.connectionsJson = connectionsJson;
    const { regionId, vpnGatewayId } = entry.ref;
    const staleChanged =
      entry.staleSince !== next.staleSince ||
      (next.staleSince !== null && entry.staleReason !== next.staleReason);
    entry.staleSince = next.staleSince;
    entry.staleReason = next.staleReason;
    entry.intervalMs = next.intervalMs ?? this.intervalFor(entry);
    if (staleChanged) {
      this.options.emit(entry, {
        type: 'stale',
        regionId,
        vpnGatewayId,
        staleSince: entry.staleSince,
        ...(entry.staleReason === undefined ? {} : { staleReason: entry.staleReason }),
      });
    }
    if (gatewayChanged) {
      this.options.emit(entry, {
        type: 'gateway',
        regionId,
        vpnGatewayId,
        gateway: entry.gateway,
        notFound: entry.notFound,
        pollIntervalMs: entry.intervalMs,
        observedAt: entry.observedAt ?? new Date().toISOString(),
      });
    }
    if (connectionsChanged) {
      this.options.emit(entry, {
        type: 'connections',
        regionId,
        vpnGatewayId,
        connections: entry.connections,
        observedAt: entry.observedAt ?? new Date().toISOString(),
      });
    }
    return staleChanged || gatewayChanged || connectionsChanged;
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
    this.options.emit(entry, {
      type: 'stale',
      regionId: entry.ref.regionId,
      vpnGatewayId: entry.ref.vpnGatewayId,
      staleSince: entry.staleSince,
      staleReason: reason,
    });
    this.options.changed?.(entry);
  }

  toStatusEntry(entry: Entry): GatewayStatusEntry {
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
}
