import { dryRunVerdictSchema, operationSchema } from '@vpn-console/shared/api/operations';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { eventStreamHeader } from '../../../lib/live-status';

/** POST …/ssl-vpn-servers: 202 + operation; the Idempotency-Key becomes the cloud ClientToken. */
export const createSslVpnServer = (
  regionId: string,
  body: unknown,
  idempotencyKey: string,
  headers: Record<string, string> = {},
) =>
  apiRequest(operationSchema, apiPaths.sslVpnServers(regionId), {
    method: 'POST',
    body,
    idempotencyKey,
    headers,
  });

export const dryRunCreateSslVpnServer = (regionId: string, body: unknown) =>
  apiRequest(dryRunVerdictSchema, apiPaths.sslVpnServers(regionId), {
    method: 'POST',
    body,
    query: { dryRun: true },
  });

export const useCreateSslVpnServer = () => {
  const client = useQueryClient();
  return {
    create: (regionId: string, body: unknown, key: string) =>
      createSslVpnServer(regionId, body, key, eventStreamHeader(client)),
    dryRun: dryRunCreateSslVpnServer,
  };
};
