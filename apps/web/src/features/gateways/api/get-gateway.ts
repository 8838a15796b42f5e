import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { vpnGatewayDetailViewSchema } from '@vpn-console/shared/api/views';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { gatewayKeys } from '../../../lib/gateway-keys';

const getGateway = (regionId: string, id: string) =>
  apiRequest(vpnGatewayDetailViewSchema, pathTo(route.getVpnGateway, regionId, id));

const gatewayQueryOptions = (regionId: string, id: string) =>
  queryOptions({
    queryKey: gatewayKeys.detail(regionId, id),
    queryFn: () => getGateway(regionId, id),
  });

export const useGateway = (regionId: string, id: string) =>
  useQuery(gatewayQueryOptions(regionId, id));
