// The history recorder (issue 15): one per deployment (a lease in the store), it looks at every
// gateway of every region the cloud lists (watched or not) each `intervalMs` — every `fastMs`
// while something changed lately — and stores only changes, with the time it first saw them.
// While a connection or tunnel is not fully up, and for 10 minutes after it came up, it reads
// DescribeVpnConnectionLogs in windows that start where the last one ended (no gaps while the
// cloud still holds the lines; stored lines are unique, so no duplicates either). It never makes
// more than `callsPerMinute` upstream calls (its own cap, on top of the account's call budget,
// where it queues as `background`), and prunes what is older than the retention.
import type { RpcAction } from '@vpn-console/shared/rpc-types';
import { describeRegionsResponseSchema } from '@vpn-console/shared/responses/regions';
import { describeVpnConnectionsResponseSchema } from '@vpn-console/shared/responses/vpn-connection';
import { describeVpnConnectionLogsResponseSchema } from '@vpn-console/shared/responses/vpn-connection-logs';
import { describeVpnGatewaysResponseSchema } from '@vpn-console/shared/responses/vpn-gateway';
import { performance } from 'node:perf_hooks';
import type { Kysely } from 'kysely';
import type { CloudCallOptions, CloudClient, CloudResult } from '../cloud/client';
import type { RpcParams } from '../cloud/pop-client';
import { describeAll } from '../modules/paging';
import { LeaseKeeper } from '../store/leases';
import type { Database } from '../store/schema';
import { logSubjectKey, observeRegion, type LogSubject } from './observe';
import {
  logCursor,
  negotiationRows,
  pruneHistory,
  recordObservations,
  setLogCursor,
  storeLogLines,
} from './store';

/** The cloud keeps negotiation logs this long; the recorder follows a tunnel this long after it is up. */
const LOG_WINDOW_MS = 10 * 60_000;
const RECORDER_LEASE = 'history-recorder';
const UP = 'ipsec_sa_established';
const REGIONS_TTL_MS = 60 * 60_000;
const PRUNE_EVERY_MS = 60 * 60_000;
/** A region without gateways is looked at every this many rounds. */
const EMPTY_REGION_EVERY = 10;
const MAX_LOG_PAGES = 20;
/** While logs are wanted, the status pass takes at most this share of the minute's calls. */
const STATUS_SHARE = 0.75;

/** The recorder's own cap on upstream calls: at most `perMinute` in any 60 s. */
export class RecorderCallBudget {
  private readonly stamps: number[] = [];
  constructor(
    readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Spends one call if the last 60 s leave room under `limit` (the whole cap); false otherwise. */
  take(limit = this.perMinute): boolean {
    const now = this.now();
    while (this.stamps.length > 0 && (this.stamps[0] ?? 0) <= now - 60_000) this.stamps.shift();
    if (this.stamps.length >= Math.min(limit, this.perMinute)) return false;
    this.stamps.push(now);
    return true;
  }

  /** Calls spent in the last 60 s. */
  used(): number {
    const now = this.now();
    return this.stamps.filter((t) => t > now - 60_000).length;
  }
}

/** The round stopped: no call left in this minute. */
class RecorderBudgetExhausted extends Error {
  constructor() {
    super('history recorder: upstream call budget used up for this minute');
    this.name = 'RecorderBudgetExhausted';
  }
}

interface RecorderLogger {
  info(obj: Record<string, unknown>, msg: string): void;
  warn(obj: Record<string, unknown>, msg: string): void;
}

/** What the recorder reports to /metrics (http/metrics.ts). */
export interface RecorderMetrics {
  /** A round ended: `partial` when the budget or a failing region cut it short. */
  round(
    outcome: 'complete' | 'partial' | 'failed',
    seconds: number,
    stored: { changes: number; logLines: number },
  ): void;
  upstreamCall(action: RpcAction): void;
  pruned(rows: { changes: number; logs: number }): void;
  leaseHeld(held: boolean): void;
}

export interface HistoryRecorderOptions {
  cloud: CloudClient;
  db: Kysely<Database>;
  /** Region DescribeRegions is asked in. */
  defaultRegion: string;
  intervalMs: number;
  fastMs: number;
  /** How long after a change the fast interval holds (default 2 min). */
  fastWindowMs?: number;
  retentionDays: number;
  callsPerMinute: number;
  /** This process's lease holder id. */
  holder: string;
  leaseTtlMs?: number;
  logger?: RecorderLogger;
  metrics?: RecorderMetrics;
  now?: () => number;
}

export interface RoundResult {
  calls: number;
  changes: number;
  logLines: number;
  /** False when the budget or an error cut the round short. */
  complete: boolean;
}

const LINE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})/;

/** A log line's own time (read as UTC), or `fallback`. */
export function logLineTime(line: string, fallback: Date): Date {
  const match = LINE_TIME.exec(line);
  if (match === null) return fallback;
  const at = Date.parse(`${match[1] ?? ''}T${match[2] ?? ''}Z`);
  return Number.isNaN(at) ? fallback : new Date(at);
}

export class HistoryRecorder {
  readonly budget: RecorderCallBudget;
  private readonly now: () => number;
  private readonly fastWindowMs: number;
  private readonly lease: LeaseKeeper;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<RoundResult> | undefined;
  private stopped = true;
  private regions: { ids: string[]; at: number } | undefined;
  private readonly emptyRegions = new Set<string>();
  private regionCursor = 0;
  private round = 0;
  private lastChangeAt = Number.NEGATIVE_INFINITY;
  private lastPruneAt = Number.NEGATIVE_INFINITY;
  /** Upstream calls made, in total (the bench reads it). */
  calls = 0;
  /** Which pass of a round is calling: the status pass may not take the logs' share. */
  private phase: 'status' | 'logs' = 'status';
  /** Regions whose last log pass found something to follow. */
  private readonly regionsFollowed = new Set<string>();
  /** Log passes per region (each starts at the next subject). */
  private readonly logPasses = new Map<string, number>();
  /** Whether a log pass has run to its end yet (until then logs are assumed wanted). */
  private logsKnown = false;
  /** The cloud as the paging helpers see it: every call through `call`. */
  private readonly budgeted: CloudClient;

  constructor(private readonly options: HistoryRecorderOptions) {
    this.now = options.now ?? Date.now;
    this.fastWindowMs = options.fastWindowMs ?? 2 * 60_000;
    this.budget = new RecorderCallBudget(options.callsPerMinute, this.now);
    const { cloud } = options;
    this.budgeted = {
      call: (action, params, callOptions) => this.call(action, params, callOptions),
      budget: cloud.budget,
      callBudget: cloud.callBudget,
      close: () => undefined,
    };
    const ttl = options.leaseTtlMs ?? Math.max(30_000, 3 * options.intervalMs);
    this.lease = new LeaseKeeper({
      db: options.db,
      name: RECORDER_LEASE,
      holder: options.holder,
      ttlMs: ttl,
      renewMs: Math.max(1000, Math.floor(ttl / 3)),
      onChange: (held) => {
        options.metrics?.leaseHeld(held);
        options.logger?.info({ held }, 'history recorder lease');
      },
      onError: (error) => options.logger?.warn({ err: error }, 'history recorder lease failed'),
    });
  }

  /** Whether this process holds the recorder lease now. */
  get active(): boolean {
    return this.lease.held;
  }

  start(): void {
    this.stopped = false;
    this.lease.start();
    this.schedule(this.options.fastMs);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
    await this.lease.stop();
  }

  /** The wait before the next round: fast while something changed lately. */
  nextDelayMs(): number {
    return this.now() - this.lastChangeAt < this.fastWindowMs
      ? this.options.fastMs
      : this.options.intervalMs;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.tick();
    }, ms);
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    try {
      if (this.lease.held || (await this.lease.tick())) await this.runRound();
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'history round failed');
    }
    this.schedule(this.nextDelayMs());
  }

  /** One look at every region (as far as the budget allows). */
  runRound(): Promise<RoundResult> {
    this.running ??= this.measuredRound().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async measuredRound(): Promise<RoundResult> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const result = await this.doRound();
      this.options.metrics?.round(result.complete ? 'complete' : 'partial', seconds(), result);
      return result;
    } catch (error) {
      this.options.metrics?.round('failed', seconds(), { changes: 0, logLines: 0 });
      throw error;
    }
  }

  /** The cloud, counted against the recorder's cap; one attempt per call, as background work. */
  private async call<T>(
    action: RpcAction,
    params: RpcParams,
    options: CloudCallOptions<T>,
  ): Promise<CloudResult<T>> {
    const limit =
      this.phase === 'status' && (!this.logsKnown || this.regionsFollowed.size > 0)
        ? Math.max(1, Math.floor(this.budget.perMinute * STATUS_SHARE))
        : this.budget.perMinute;
    if (!this.budget.take(limit)) throw new RecorderBudgetExhausted();
    this.calls += 1;
    this.options.metrics?.upstreamCall(action);
    return this.options.cloud.call(action, params, {
      ...options,
      priority: 'background',
      policy: { maxAttempts: 1 },
    });
  }

  private async regionIds(): Promise<string[]> {
    const now = this.now();
    if (this.regions !== undefined && now - this.regions.at < REGIONS_TTL_MS)
      return this.regions.ids;
    const { data } = await this.call(
      'DescribeRegions',
      { AcceptLanguage: 'en-US' },
      { regionId: this.options.defaultRegion, schema: describeRegionsResponseSchema },
    );
    const ids = data.Regions.Region.map((r) => r.RegionId);
    this.regions = { ids, at: now };
    return ids;
  }

  private async doRound(): Promise<RoundResult> {
    const result: RoundResult = { calls: 0, changes: 0, logLines: 0, complete: true };
    const callsBefore = this.calls;
    this.round += 1;
    this.phase = 'status';
    try {
      const regions = await this.regionIds();
      // Status first, for every region (from where the last round ran out of budget), then the
      // logs: a region with many tunnels down cannot starve the others' status.
      const done: string[] = [];
      let statusCut = false;
      const start = this.regionCursor % Math.max(1, regions.length);
      for (let i = 0; i < regions.length; i += 1) {
        const index = (start + i) % regions.length;
        const regionId = regions[index] ?? '';
        if (this.emptyRegions.has(regionId) && this.round % EMPTY_REGION_EVERY !== 0) continue;
        try {
          result.changes += await this.recordRegion(regionId);
          done.push(regionId);
        } catch (error) {
          if (error instanceof RecorderBudgetExhausted) {
            // The status pass used its share: the next round goes on from here, and the logs
            // of the regions looked at get the rest of the minute (at 1,000 gateways a status
            // pass takes several rounds; logs read only after it would never be read).
            this.regionCursor = index;
            statusCut = true;
            break;
          }
          result.complete = false;
          this.options.logger?.warn({ err: error, regionId }, 'history: region not recorded');
        }
      }
      if (statusCut) result.complete = false;
      else this.regionCursor = 0;
      this.phase = 'logs';
      const offset = this.round % Math.max(1, done.length);
      for (let i = 0; i < done.length; i += 1) {
        const regionId = done[(offset + i) % done.length] ?? '';
        result.logLines += await this.followLogs(regionId);
      }
      await this.pruneIfDue();
    } catch (error) {
      if (!(error instanceof RecorderBudgetExhausted)) throw error;
      result.complete = false;
    }
    if (result.changes > 0) this.lastChangeAt = this.now();
    result.calls = this.calls - callsBefore;
    return result;
  }

  /** One look at a region's gateways and connections; answers the number of changes. */
  private async recordRegion(regionId: string): Promise<number> {
    const gateways = await describeAll(
      this.budgeted,
      regionId,
      'DescribeVpnGateways',
      {},
      describeVpnGatewaysResponseSchema,
      (page) => page.VpnGateways.VpnGateway,
      (page) => page.TotalCount,
    );
    if (gateways.length === 0) this.emptyRegions.add(regionId);
    else this.emptyRegions.delete(regionId);
    const connections =
      gateways.length === 0
        ? []
        : await describeAll(
            this.budgeted,
            regionId,
            'DescribeVpnConnections',
            {},
            describeVpnConnectionsResponseSchema,
            (page) => page.VpnConnections.VpnConnection,
            (page) => page.TotalCount,
          );
    const at = new Date(this.now());
    const changes = await recordObservations(
      this.options.db,
      regionId,
      observeRegion(regionId, gateways, connections),
      at,
      true,
    );
    return changes.length;
  }

  /** Reads the logs of every connection and tunnel not fully up (or up for under 10 minutes). */
  private async followLogs(regionId: string): Promise<number> {
    const rows = await negotiationRows(this.options.db, regionId);
    const withTunnels = new Set(
      rows.filter((r) => r.kind === 'tunnel').map((r) => r.connection_id ?? ''),
    );
    const now = this.now();
    let stored = 0;
    let followed = 0;
    // From a different subject each round: when the budget runs out part-way, the first
    // subjects must not take it every time.
    const pass = (this.logPasses.get(regionId) ?? 0) + 1;
    this.logPasses.set(regionId, pass);
    const start = rows.length === 0 ? 0 : pass % rows.length;
    for (const row of [...rows.slice(start), ...rows.slice(0, start)]) {
      if (row.connection_id === null) continue;
      if (row.kind === 'connection' && withTunnels.has(row.connection_id)) continue;
      if (row.kind !== 'connection' && row.kind !== 'tunnel') continue;
      const subject: LogSubject = {
        regionId,
        connectionId: row.connection_id,
        tunnelId: row.kind === 'tunnel' ? row.subject_id : '',
      };
      const key = logSubjectKey(subject);
      const cursor = await logCursor(this.options.db, key);
      const follow =
        row.value !== UP || (cursor !== undefined && row.since.getTime() > now - LOG_WINDOW_MS);
      if (!follow) {
        if (cursor !== undefined) await setLogCursor(this.options.db, key, undefined);
        continue;
      }
      this.regionsFollowed.add(regionId);
      followed += 1;
      stored += await this.readLogWindow(subject, key, cursor, now);
    }
    if (followed === 0) this.regionsFollowed.delete(regionId);
    this.logsKnown = true;
    return stored;
  }

  /** One window [cursor or now − 10 min, now) in pages of 50; the cursor moves only when done. */
  private async readLogWindow(
    subject: LogSubject,
    key: string,
    cursor: Date | undefined,
    now: number,
  ): Promise<number> {
    const fromS = Math.floor(Math.max(cursor?.getTime() ?? 0, now - LOG_WINDOW_MS) / 1000);
    const toS = Math.floor(now / 1000);
    if (toS <= fromS) return 0;
    const lines: string[] = [];
    for (let page = 1; page <= MAX_LOG_PAGES; page += 1) {
      const { data } = await this.call(
        'DescribeVpnConnectionLogs',
        {
          VpnConnectionId: subject.connectionId,
          ...(subject.tunnelId === '' ? {} : { TunnelId: subject.tunnelId }),
          From: fromS,
          To: toS,
          PageNumber: page,
          PageSize: 50,
        },
        { regionId: subject.regionId, schema: describeVpnConnectionLogsResponseSchema },
      );
      const batch = data.Data?.Logs ?? [];
      lines.push(...batch);
      if (data.IsCompleted === true || batch.length < 50) break;
      if (data.Count !== undefined && lines.length >= data.Count) break;
    }
    const fallback = new Date(toS * 1000);
    const stored = await storeLogLines(
      this.options.db,
      lines.map((line) => ({
        regionId: subject.regionId,
        connectionId: subject.connectionId,
        tunnelId: subject.tunnelId,
        at: logLineTime(line, fallback),
        line,
      })),
    );
    await setLogCursor(this.options.db, key, new Date(toS * 1000));
    return stored;
  }

  private async pruneIfDue(): Promise<void> {
    const now = this.now();
    if (now - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now;
    const before = new Date(now - this.options.retentionDays * 86_400_000);
    const pruned = await pruneHistory(this.options.db, before);
    this.options.metrics?.pruned(pruned);
    if (pruned.changes > 0 || pruned.logs > 0) {
      this.options.logger?.info({ ...pruned }, 'history pruned');
    }
  }
}
