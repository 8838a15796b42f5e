import { apiPaths } from '@vpn-console/shared/api/paths';
import { vpnGatewayListSchema } from '@vpn-console/shared/api/views';
import { queryOptions, useQueries, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gatewayKeys } from '../../../lib/gateway-keys';

export const listGateways = (regionId: string) =>
  apiRequest(vpnGatewayListSchema, apiPaths.vpnGateways(regionId));

export const gatewaysQueryOptions = (regionId: string) =>
  queryOptions({ queryKey: gatewayKeys.list(regionId), queryFn: () => listGateways(regionId) });

export const useGateways = (regionId: string) => useQuery(gatewaysQueryOptions(regionId));

/** All regions at once (the support view). */
export const useGatewaysOfRegions = (regionIds: readonly string[]) =>
  useQueries({ queries: regionIds.map((id) => gatewaysQueryOptions(id)) });
