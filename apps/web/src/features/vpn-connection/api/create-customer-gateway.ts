import { dryRunVerdictSchema, operationSchema } from '@vpn-console/shared/api/operations';
import { apiPaths } from '@vpn-console/shared/api/paths';
import { apiRequest } from '../../../lib/api-client';

/** POST …/customer-gateways (the inline "create one now" of the connection wizard). */
export const createCustomerGateway = (
  regionId: string,
  body: unknown,
  idempotencyKey: string,
  headers: Record<string, string> = {},
) =>
  apiRequest(operationSchema, apiPaths.customerGateways(regionId), {
    method: 'POST',
    body,
    idempotencyKey,
    headers,
  });

export const dryRunCreateCustomerGateway = (regionId: string, body: unknown) =>
  apiRequest(dryRunVerdictSchema, apiPaths.customerGateways(regionId), {
    method: 'POST',
    body,
    query: { dryRun: true },
  });
