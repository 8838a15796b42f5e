import type { Operation } from '@vpn-console/shared/api/operations';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { CreateCustomerGatewayInput } from '@vpn-console/shared/customer-gateway/schema';
import type { QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from '../../../lib/api-client';
import { liveKeys } from '../../../lib/live-status';
import { waitForOperation } from '../../../lib/operations';
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
      sendWrite(
        client,
        'POST',
        pathTo(route.createCustomerGateway, regionId),
        body,
        idempotencyKey,
      ),
    // The connection wizard's picker lists the region's customer gateways.
    ({ regionId }) => [vpnConnectionKeys.customerGateways(regionId)],
  );

/** The same request with ?dryRun=true: the console's verdict (the API has none), nothing created. */
export const dryRunCreateCustomerGateway = (regionId: string, body: CreateCustomerGatewayBody) =>
  sendDryRun('POST', pathTo(route.createCustomerGateway, regionId), body);

/**
 * The inline customer gateway's id once its creation (started by the mutation above) has ended;
 * throws the operation's error when it failed. The connection wizards create the connection next.
 */
export const createdCustomerGatewayId = async (
  client: QueryClient,
  started: Operation,
): Promise<string> => {
  const done = await waitForOperation(started.id, () =>
    client.getQueryData<Operation>(liveKeys.operation(started.id)),
  );
  if (done.state !== 'succeeded' || done.resourceId === undefined) {
    throw new ApiRequestError(
      done.error?.httpStatus ?? 502,
      done.error ?? { code: 'UnknownError', httpStatus: 502 },
    );
  }
  return done.resourceId;
};
