import {
  gatewayListSearch,
  gatewayPageSchema,
  type GatewayListRequest,
} from '@vpn-console/shared/api/gateway-list';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gatewayKeys } from '../../../lib/gateway-keys';

/**
 * One page of gateways, searched, filtered and sorted by the BFF (issue 18): a region's, or every
 * region's when `regionId` is undefined.
 */
const listGatewayPage = (regionId: string | undefined, request: GatewayListRequest) => {
  const search = gatewayListSearch(request);
  return apiRequest(
    gatewayPageSchema,
    regionId === undefined
      ? pathTo(route.listAllVpnGateways) + search
      : pathTo(route.listVpnGateways, regionId) + search,
  );
};

const gatewayPageQueryOptions = (regionId: string | undefined, request: GatewayListRequest) =>
  queryOptions({
    queryKey:
      regionId === undefined ? gatewayKeys.allPage(request) : gatewayKeys.page(regionId, request),
    queryFn: () => listGatewayPage(regionId, request),
    // The rows stay while the next page or search result loads (no flash of a spinner).
    placeholderData: keepPreviousData,
  });

export const useGatewayPage = (regionId: string | undefined, request: GatewayListRequest) =>
  useQuery(gatewayPageQueryOptions(regionId, request));
