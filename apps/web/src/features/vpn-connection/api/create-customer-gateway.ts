import { apiPaths } from '@vpn-console/shared/api/paths';
import type { CreateCustomerGatewayInput } from '@vpn-console/shared/customer-gateway/schema';
import {
  sendDryRun,
  sendWrite,
  useWriteMutation,
  type CreateVariables,
  type WriteBody,
} from '../../../lib/resource-write';
import { vpnConnectionKeys } from './keys';

export type CreateCustomerGatewayBody = WriteBody<CreateCustomerGatewayInput>;

/** POST …/customer-gateways (the inline "create one now" of the connection wizard). */
export const useCreateCustomerGateway = () =>
  useWriteMutation(
    ({ regionId, body, idempotencyKey }: CreateVariables<CreateCustomerGatewayBody>, client) =>
      sendWrite(client, 'POST', apiPaths.customerGateways(regionId), body, idempotencyKey),
    // The connection wizard's picker lists the region's customer gateways.
    ({ regionId }) => [vpnConnectionKeys.customerGateways(regionId)],
  );

/** The same request with ?dryRun=true: the console's verdict (the API has none), nothing created. */
export const dryRunCreateCustomerGateway = (regionId: string, body: CreateCustomerGatewayBody) =>
  sendDryRun('POST', apiPaths.customerGateways(regionId), body);
