// Rename a customer gateway or change its description: a 202 + operation followed to its end,
// then the region's customer gateway list (the page's and the wizards' pickers') is read again.
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { ChangeCustomerGatewayInput } from '@vpn-console/shared/customer-gateway/schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey } from '../../../lib/api-client';
import { waitForOperation } from '../../../lib/operations';
import { sendWrite, type WriteBody } from '../../../lib/resource-write';
import { vpnConnectionKeys } from '../../vpn-connection/api/keys';

export interface ChangeCustomerGatewayVariables {
  regionId: string;
  id: string;
  body: WriteBody<ChangeCustomerGatewayInput>;
}

export const useChangeCustomerGateway = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ regionId, id, body }: ChangeCustomerGatewayVariables) => {
      const started = await sendWrite(
        client,
        'PATCH',
        pathTo(route.changeCustomerGateway, regionId, id),
        body,
        newIdempotencyKey(),
      );
      return waitForOperation(started.id, () => undefined);
    },
    onSettled: (_op, _error, { regionId }) =>
      client.invalidateQueries({ queryKey: vpnConnectionKeys.customerGateways(regionId) }),
  });
};
