import { sslVpnClientListSchema } from '@vpn-console/shared/api/remote-access';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sslClientKeys } from './client-keys';

/** GET …/vpn-gateways/{id}/ssl-vpn-clients: who is connected (viewers may read it). */
const listConnectedClients = (regionId: string, vpnGatewayId: string) =>
  apiRequest(sslVpnClientListSchema, pathTo(route.listSslVpnClients, regionId, vpnGatewayId));

const connectedClientsQueryOptions = (regionId: string, vpnGatewayId: string) =>
  queryOptions({
    queryKey: sslClientKeys.connected(regionId, vpnGatewayId),
    queryFn: () => listConnectedClients(regionId, vpnGatewayId),
    refetchInterval: 30_000,
  });

export const useConnectedClients = (regionId: string, vpnGatewayId: string) =>
  useQuery(connectedClientsQueryOptions(regionId, vpnGatewayId));
