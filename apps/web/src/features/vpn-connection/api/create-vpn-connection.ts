import { dryRunVerdictSchema, operationSchema } from '@vpn-console/shared/api/operations';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { apiRequest } from '../../../lib/api-client';

/** POST …/vpn-connections: 202 + operation; the Idempotency-Key becomes the cloud ClientToken. */
export const createVpnConnection = (
  regionId: string,
  body: unknown,
  idempotencyKey: string,
  headers: Record<string, string> = {},
) =>
  apiRequest(operationSchema, apiPaths.vpnConnections(regionId), {
    method: 'POST',
    body,
    idempotencyKey,
    headers,
  });

export const dryRunCreateVpnConnection = (regionId: string, body: unknown) =>
  apiRequest(dryRunVerdictSchema, apiPaths.vpnConnections(regionId), {
    method: 'POST',
    body,
    query: { dryRun: true },
  });
