import { operationSchema } from '@vpn-console/shared/api/operations';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { apiRequest } from '../../../lib/api-client';

/** PATCH …/vpn-connections/{id} with only the changed fields: 202 + operation (no dry run). */
export const changeVpnConnection = (
  regionId: string,
  id: string,
  body: unknown,
  idempotencyKey: string,
  headers: Record<string, string> = {},
) =>
  apiRequest(operationSchema, apiPaths.vpnConnection(regionId, id), {
    method: 'PATCH',
    body,
    idempotencyKey,
    headers,
  });
