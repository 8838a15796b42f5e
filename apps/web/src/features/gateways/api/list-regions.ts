import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { regionListSchema } from '@vpn-console/shared/api/regions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gatewayKeys } from '../../../lib/gateway-keys';

const listRegions = () => apiRequest(regionListSchema, pathTo(route.listRegions));

const regionsQueryOptions = () =>
  queryOptions({ queryKey: gatewayKeys.regions(), queryFn: listRegions, staleTime: 5 * 60_000 });

export const useRegions = () => useQuery(regionsQueryOptions());
