import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { CreateIpsecServerInput } from '@vpn-console/shared/ipsec-server/schema';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendDryRun,
  sendWrite,
  useWriteMutation,
  type CreateVariables,
  type WriteBody,
} from '../../../lib/resource-write';

export type CreateIpsecServerBody = WriteBody<CreateIpsecServerInput>;

/** POST …/ipsec-servers: 202 + operation; the Idempotency-Key becomes the cloud ClientToken. */
export const useCreateIpsecServer = () =>
  useWriteMutation(
    ({ regionId, body, idempotencyKey }: CreateVariables<CreateIpsecServerBody>, client) =>
      sendWrite(client, 'POST', pathTo(route.createIpsecServer, regionId), body, idempotencyKey),
    // The gateway's detail shows its IPsec server.
    () => [gatewayKeys.all],
  );

/** The same request with ?dryRun=true: the cloud's verdict, nothing created. */
export const dryRunCreateIpsecServer = (regionId: string, body: CreateIpsecServerBody) =>
  sendDryRun('POST', pathTo(route.createIpsecServer, regionId), body);
