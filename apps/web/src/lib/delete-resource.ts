import { operationSchema } from '@vpn-console/shared/api/operations';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import { eventStreamHeader } from './live-status';

export type DeletableKind =
  'ipsec-server' | 'vpn-connection' | 'ssl-vpn-server' | 'customer-gateway';

const pathOf = (kind: DeletableKind, regionId: string, id: string): string =>
  kind === 'ipsec-server'
    ? pathTo(route.deleteIpsecServer, regionId, id)
    : kind === 'vpn-connection'
      ? pathTo(route.deleteVpnConnection, regionId, id)
      : kind === 'customer-gateway'
        ? pathTo(route.deleteCustomerGateway, regionId, id)
        : pathTo(route.deleteSslVpnServer, regionId, id);

export interface DeleteRequest {
  kind: DeletableKind;
  regionId: string;
  id: string;
  idempotencyKey: string;
}

export const useDeleteResource = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (req: DeleteRequest) =>
      apiRequest(operationSchema, pathOf(req.kind, req.regionId, req.id), {
        method: 'DELETE',
        idempotencyKey: req.idempotencyKey,
        headers: eventStreamHeader(client),
      }),
  });
};
