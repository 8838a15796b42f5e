import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { customerGatewayListSchema } from '@vpn-console/shared/api/views';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { vpnConnectionKeys } from './keys';

const listCustomerGateways = (regionId: string) =>
  apiRequest(customerGatewayListSchema, pathTo(route.listCustomerGateways, regionId));

const customerGatewaysQueryOptions = (regionId: string) =>
  queryOptions({
    queryKey: vpnConnectionKeys.customerGateways(regionId),
    queryFn: () => listCustomerGateways(regionId),
  });

export const useCustomerGateways = (regionId: string) =>
  useQuery(customerGatewaysQueryOptions(regionId));
