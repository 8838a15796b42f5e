import { apiPaths } from '@vpn-console/shared/api/paths';
import { regionListSchema } from '@vpn-console/shared/api/regions';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gatewayKeys } from '../../../lib/gateway-keys';

const listRegions = () => apiRequest(regionListSchema, apiPaths.regions());

const regionsQueryOptions = () =>
  queryOptions({ queryKey: gatewayKeys.regions(), queryFn: listRegions, staleTime: 5 * 60_000 });

export const useRegions = () => useQuery(regionsQueryOptions());
