// Create, rename and delete a client certificate: each a 202 + operation followed to its end,
// then the certificate list is read again.
import { operationSchema, type Operation } from '@vpn-console/shared/api/operations';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type {
  CreateSslVpnClientCertInput,
  RenameSslVpnClientCertInput,
} from '@vpn-console/shared/ssl-vpn-client-cert/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest, newIdempotencyKey } from '../../../lib/api-client';
import { getOperation, isTerminal } from '../../../lib/operations';
import { sslClientKeys } from './client-keys';

const settle = async (op: Operation): Promise<Operation> => {
  let current = op;
  while (!isTerminal(current)) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    current = await getOperation(current.id);
  }
  return current;
};

export type ClientCertWrite =
  | { kind: 'create'; sslVpnServerId: string; body: CreateSslVpnClientCertInput }
  | { kind: 'rename'; id: string; body: RenameSslVpnClientCertInput }
  | { kind: 'delete'; id: string };

const writeClientCert = async (regionId: string, write: ClientCertWrite) => {
  const idempotencyKey = newIdempotencyKey();
  const op =
    write.kind === 'create'
      ? await apiRequest(
          operationSchema,
          pathTo(route.createSslVpnClientCert, regionId, write.sslVpnServerId),
          {
            method: 'POST',
            body: write.body,
            idempotencyKey,
          },
        )
      : await apiRequest(
          operationSchema,
          pathTo(
            write.kind === 'rename' ? route.renameSslVpnClientCert : route.deleteSslVpnClientCert,
            regionId,
            write.id,
          ),
          {
            method: write.kind === 'rename' ? 'PATCH' : 'DELETE',
            ...(write.kind === 'rename' ? { body: write.body } : {}),
            idempotencyKey,
          },
        );
  return settle(op);
};

export const useWriteClientCert = (regionId: string, sslVpnServerId: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (write: ClientCertWrite) => writeClientCert(regionId, write),
    onSettled: () =>
      client.invalidateQueries({ queryKey: sslClientKeys.certs(regionId, sslVpnServerId) }),
  });
};
