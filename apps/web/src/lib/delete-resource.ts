import { operationSchema } from '@vpn-console/shared/api/operations';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from './api-client';
import { eventStreamHeader } from './live-status';

export type DeletableKind =
  'ipsec-server' | 'vpn-connection' | 'ssl-vpn-server' | 'customer-gateway';

const pathOf = (kind: DeletableKind, regionId: string, id: string): string =>
  kind === 'ipsec-server'
    ? apiPaths.ipsecServer(regionId, id)
    : kind === 'vpn-connection'
      ? apiPaths.vpnConnection(regionId, id)
      : kind === 'customer-gateway'
        ? apiPaths.customerGateway(regionId, id)
        : apiPaths.sslVpnServer(regionId, id);

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
