// Region gateway lists kept for a short, stated time and shared by every viewer (issue 18): one
// DescribeVpnGateways listing per region serves all tabs and users in that time, as the status
// hub's one poll serves every watcher. Regions are listed in parallel, a few at a time. While the
// account's cloud calls are throttled, an expired list is still served (and said to be old) while
// a fresh one is fetched behind it, rather than making the viewer wait or fail.
import type { VpnGatewayView } from '@vpn-console/shared/api/views';

export interface RegionListing {
  regionId: string;
  items: readonly VpnGatewayView[];
  /** Epoch ms when the cloud was asked. */
  at: number;
}

export interface GatewayListCacheOptions {
  list(regionId: string): Promise<VpnGatewayView[]>;
  /** How long a region's list is served without asking again (ms). */
  ttlMs: number;
  /** Regions listed at once. */
  concurrency: number;
  /** True while the account's cloud calls are throttled (serve old lists then). */
  throttled?: () => boolean;
  now?: () => number;
}

export interface RegionsResult {
  listings: RegionListing[];
  failed: string[];
  /** The first failure's reason (thrown by callers when every region failed). */
  firstError: unknown;
}

/** Runs `work` over `items` with at most `limit` running at once; results in input order. */
const mapBounded = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<PromiseSettledResult<R>[]> => {
  const results: PromiseSettledResult<R>[] = new Array<PromiseSettledResult<R>>(items.length);
  let next = 0;
  const worker = async () => {
    for (;;) {
      const index = next;
      next += 1;
      if (index >= items.length) return;
      const item = items[index] as T;
      try {
        results[index] = { status: 'fulfilled', value: await work(item) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
};

export class GatewayListCache {
  private readonly listings = new Map<string, RegionListing>();
  private readonly inflight = new Map<string, Promise<RegionListing>>();
  private readonly now: () => number;
  /** Upstream listings started (for metrics and benches). */
  fetches = 0;

  constructor(private readonly options: GatewayListCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get ttlMs(): number {
    return this.options.ttlMs;
  }

  /** One region's list: the kept one while fresh, else one shared listing. */
  async region(regionId: string): Promise<RegionListing> {
    const kept = this.listings.get(regionId);
    if (kept !== undefined) {
      if (this.now() - kept.at < this.options.ttlMs) return kept;
      if (this.options.throttled?.() === true) {
        // Old but there: serve it and refresh behind it.
        this.fetch(regionId).catch(() => undefined);
        return kept;
      }
    }
    return this.fetch(regionId);
  }

  /** Several regions, listed in parallel with bounded concurrency; failures named, not thrown. */
  async regions(regionIds: readonly string[]): Promise<RegionsResult> {
    const settled = await mapBounded(regionIds, this.options.concurrency, (id) => this.region(id));
    const listings: RegionListing[] = [];
    const failed: string[] = [];
    let firstError: unknown;
    settled.forEach((result, i) => {
      if (result.status === 'fulfilled') {
        listings.push(result.value);
        return;
      }
      failed.push(regionIds[i] ?? '');
      firstError ??= result.reason;
    });
    return { listings, failed, firstError };
  }

  /** Forget a region's list (after a write that changes what it shows). */
  invalidate(regionId: string): void {
    this.listings.delete(regionId);
  }

  private fetch(regionId: string): Promise<RegionListing> {
    const running = this.inflight.get(regionId);
    if (running) return running;
    this.fetches += 1;
    const at = this.now();
    const run = (async () => {
      try {
        const listing = { regionId, items: await this.options.list(regionId), at };
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
