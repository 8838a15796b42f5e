// What a stream may watch (issue 10): only gateways the region's own gateway list names, found
// with one listing per region (kept briefly, shared by every caller), never one cloud call per
// id; and a per-account budget of the cloud calls that opening streams and changing what they
// watch may cause (listings and first polls), so watch churn cannot spend the account's quota.
// The budget is counted in the store (issue 16): every replica spends the same one.
import type { GatewayRef } from '@vpn-console/shared/api/events';
import type { RateLimitRule } from '../../auth/rate-limit';
import type { WindowLimits } from '../../auth/store-limits';
import { HttpError } from '../../http/errors';

export interface WatchAdmissionOptions {
  /** The ids of a region's gateways (one listing: DescribeVpnGateways, paged). */
  listGatewayIds(regionId: string): Promise<readonly string[]>;
  /** Whether the hub already polls the gateway (watching it then costs no cloud call). */
  isPolled(ref: GatewayRef): boolean;
  /** Cloud calls one account's watch changes may cause per minute. */
  callsPerMinute: number;
  /** Where the calls are counted (the store's windows, shared by every replica). */
  windows: WindowLimits;
  /** How long a region's list is trusted (default 30 s). */
  listTtlMs?: number;
  /** An id missing from a list at least this old lists the region again (default 5 s). */
  relistAfterMs?: number;
  now?: () => number;
}

interface Listing {
  readonly ids: ReadonlySet<string>;
  readonly at: number;
}

/** A first poll costs two calls (DescribeVpnGateway and DescribeVpnConnections). */
const CALLS_PER_FIRST_POLL = 2;

export class WatchAdmission {
  private readonly listings = new Map<string, Listing>();
  private readonly inflight = new Map<string, Promise<Listing>>();
  private readonly budget: RateLimitRule;
  private readonly now: () => number;
  private readonly ttlMs: number;
  private readonly relistMs: number;

  constructor(private readonly options: WatchAdmissionOptions) {
    this.now = options.now ?? Date.now;
    this.ttlMs = options.listTtlMs ?? 30_000;
    this.relistMs = options.relistAfterMs ?? 5_000;
    this.budget = { limit: options.callsPerMinute, windowMs: 60_000 };
  }

  /**
   * The refs that name existing gateways (unknown ids dropped without a cloud call each).
   * Throws 429 `TooManyRequests` (with `retryAfterMs`) when the account's budget is spent.
   */
  async admit(account: string, refs: readonly GatewayRef[]): Promise<GatewayRef[]> {
    const byRegion = new Map<string, GatewayRef[]>();
    for (const ref of refs) {
      if (this.options.isPolled(ref)) continue;
      const list = byRegion.get(ref.regionId) ?? [];
      list.push(ref);
      byRegion.set(ref.regionId, list);
    }
    const toList = [...byRegion].filter(([regionId, wanted]) =>
      this.needsListing(regionId, wanted),
    );
    await this.charge(account, toList.length);
    const listed = await Promise.allSettled(toList.map(([regionId]) => this.list(regionId)));
    const unverified = new Set(
      toList.filter((_, i) => listed[i]?.status === 'rejected').map(([regionId]) => regionId),
    );
    const admitted = refs.filter(
      (ref) =>
        this.options.isPolled(ref) ||
        unverified.has(ref.regionId) ||
        (this.listings.get(ref.regionId)?.ids.has(ref.vpnGatewayId) ?? false),
    );
    // A region whose list could not be read: its refs are watched, each charged as a first poll.
    await this.charge(
      account,
      admitted.filter((ref) => !this.options.isPolled(ref)).length * CALLS_PER_FIRST_POLL,
    );
    return admitted;
  }

  private needsListing(regionId: string, wanted: readonly GatewayRef[]): boolean {
    const listing = this.listings.get(regionId);
    if (listing === undefined) return true;
    const age = this.now() - listing.at;
    if (age >= this.ttlMs) return true;
    return age >= this.relistMs && wanted.some((ref) => !listing.ids.has(ref.vpnGatewayId));
  }

  private async charge(account: string, calls: number): Promise<void> {
    const wait = await this.options.windows.take([
      { key: `watch-calls:${account}`, rule: this.budget, n: calls },
    ]);
    if (wait > 0) throw new WatchBudgetError(wait);
  }

  /** One listing per region at a time; callers share it. */
  private list(regionId: string): Promise<Listing> {
    const running = this.inflight.get(regionId);
    if (running) return running;
    const run = (async () => {
      try {
        const ids = await this.options.listGatewayIds(regionId);
        const listing = { ids: new Set(ids), at: this.now() };
        this.listings.set(regionId, listing);
        return listing;
      } finally {
        this.inflight.delete(regionId);
      }
    })();
    this.inflight.set(regionId, run);
    return run;
  }
}

export class WatchBudgetError extends HttpError {
  constructor(readonly retryAfterMs: number) {
    super(
      429,
      'TooManyRequests',
      'Too many watch changes for this account: the cloud calls they cost are limited.',
    );
  }
}
