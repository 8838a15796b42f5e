import { dryRunVerdictSchema, operationSchema } from '@vpn-console/shared/api/operations';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { eventStreamHeader } from '../../../lib/live-status';

/** PATCH …/ipsec-servers/{id} with only the changed fields: 202 + operation. */
export const changeIpsecServer = (
  regionId: string,
  id: string,
  body: unknown,
  idempotencyKey: string,
  headers: Record<string, string> = {},
) =>
  apiRequest(operationSchema, apiPaths.ipsecServer(regionId, id), {
    method: 'PATCH',
    body,
    idempotencyKey,
    headers,
  });

export const dryRunChangeIpsecServer = (regionId: string, id: string, body: unknown) =>
  apiRequest(dryRunVerdictSchema, apiPaths.ipsecServer(regionId, id), {
    method: 'PATCH',
    body,
    query: { dryRun: true },
  });

export const useChangeIpsecServer = () => {
  const client = useQueryClient();
  return {
    change: (regionId: string, id: string, body: unknown, key: string) =>
      changeIpsecServer(regionId, id, body, key, eventStreamHeader(client)),
    dryRun: dryRunChangeIpsecServer,
  };
};
