import type { Router } from 'express';
import { apiRouter } from '../../http/api-router';
import { mount } from '../../http/mount';
import type { Runtime } from '../../runtime';
import { idParam, regionParam } from '../params';
import type { PskKeys } from '../secret-view';
import type { GatewayPage } from '@vpn-console/shared/api/gateway-list';
import { gatewayListQuerySchema } from '@vpn-console/shared/api/gateway-list-query';
import { parseOr400 } from '../../http/validate';
import type { RegionListing } from './list-cache';
import { queryGateways } from './list-query';
import { getVpnGatewayDetail, listRegions } from './service';

/** The region ids of the account, asked once per this long (regions seldom change). */
const REGION_IDS_TTL_MS = 5 * 60_000;

export const vpnGatewaysRouter = (runtime: Runtime, keys: PskKeys): Router => {
  const router = apiRouter();
  const { cloud } = runtime;

  mount(router, 'listRegions', async (_req, res) => {
    const items = await listRegions(cloud, runtime.config.cloud.defaultRegion);
    res.json({ items, totalCount: items.length });
  });

  let regionIds: { ids: Promise<string[]>; at: number } | undefined;
  const allRegionIds = (): Promise<string[]> => {
    if (regionIds === undefined || Date.now() - regionIds.at >= REGION_IDS_TTL_MS) {
      const ids = listRegions(cloud, runtime.config.cloud.defaultRegion).then((r) =>
        r.map((x) => x.regionId),
      );
      regionIds = { ids, at: Date.now() };
      // A failed listing is not kept.
      ids.catch(() => {
        regionIds = undefined;
      });
    }
    return regionIds.ids;
  };

  /** Statuses may be this old while the account's calls are throttled (null when not). */
  const statusMayBeOld = (listings: readonly RegionListing[]): number | null => {
    const budget = cloud.callBudget;
    if (!budget.state().throttled) return null;
    const oldest = Math.min(Date.now(), ...listings.map((l) => l.at));
    const pollLag = runtime.config.status.slowMs + budget.expectedWaitMs('poll');
    return Math.ceil(Math.max(Date.now() - oldest, pollLag) / 1000);
  };

  const answer = (
    listings: readonly RegionListing[],
    failedRegions: string[],
    query: ReturnType<typeof gatewayListQuerySchema.parse>,
  ): GatewayPage => {
    const oldest = Math.min(Date.now(), ...listings.map((l) => l.at));
    return {
      ...queryGateways(
        listings.flatMap((l) => l.items),
        query,
      ),
      failedRegions,
      listedSecondsAgo: Math.max(0, Math.floor((Date.now() - oldest) / 1000)),
      statusMayBeOldSeconds: statusMayBeOld(listings),
    };
  };

  mount(router, 'listAllVpnGateways', async (req, res) => {
    const query = parseOr400(gatewayListQuerySchema, req.query);
    const ids = query.regionId === undefined ? await allRegionIds() : [query.regionId];
    const { listings, failed, firstError } = await runtime.gatewayLists.regions(ids);
    // Every region failing is a failure of the cloud, said as such (not an empty list).
    if (listings.length === 0 && failed.length > 0) throw firstError;
    res.json(answer(listings, failed, query));
  });

  mount(router, 'listVpnGateways', async (req, res) => {
    const regionId = regionParam(req);
    const query = parseOr400(gatewayListQuerySchema.omit({ regionId: true }), req.query);
    const listing = await runtime.gatewayLists.region(regionId);
    res.json(answer([listing], [], query));
  });

  mount(router, 'getVpnGateway', async (req, res) => {
    res.json(await getVpnGatewayDetail(cloud, regionParam(req), idParam.vpnGateway(req), keys));
  });

  return router;
};
