import { dryRunVerdictSchema, operationSchema } from '@vpn-console/shared/api/operations';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { eventStreamHeader } from '../../../lib/live-status';

/** POST …/ipsec-servers: 202 + operation; the Idempotency-Key becomes the cloud ClientToken. */
export const createIpsecServer = (
  regionId: string,
  body: unknown,
  idempotencyKey: string,
  headers: Record<string, string> = {},
) =>
  apiRequest(operationSchema, apiPaths.ipsecServers(regionId), {
    method: 'POST',
    body,
    idempotencyKey,
    headers,
  });

/** The same request with ?dryRun=true: the cloud's verdict, nothing created. */
export const dryRunCreateIpsecServer = (regionId: string, body: unknown) =>
  apiRequest(dryRunVerdictSchema, apiPaths.ipsecServers(regionId), {
    method: 'POST',
    body,
    query: { dryRun: true },
  });

export const useCreateIpsecServer = () => {
  const client = useQueryClient();
  return {
    create: (regionId: string, body: unknown, key: string) =>
      createIpsecServer(regionId, body, key, eventStreamHeader(client)),
    dryRun: dryRunCreateIpsecServer,
  };
};
