import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { CreateSslVpnServerInput } from '@vpn-console/shared/ssl-vpn-server/schema';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendDryRun,
  sendWrite,
  useWriteMutation,
  type CreateVariables,
  type WriteBody,
} from '../../../lib/resource-write';

export type CreateSslVpnServerBody = WriteBody<CreateSslVpnServerInput>;

/** POST …/ssl-vpn-servers: 202 + operation; the Idempotency-Key becomes the cloud ClientToken. */
export const useCreateSslVpnServer = () =>
  useWriteMutation(
    ({ regionId, body, idempotencyKey }: CreateVariables<CreateSslVpnServerBody>, client) =>
      sendWrite(client, 'POST', pathTo(route.createSslVpnServer, regionId), body, idempotencyKey),
    // The gateway's detail lists its SSL-VPN servers.
    () => [gatewayKeys.all],
  );

/** The same request with ?dryRun=true: the cloud's verdict, nothing created. */
export const dryRunCreateSslVpnServer = (regionId: string, body: CreateSslVpnServerBody) =>
  sendDryRun('POST', pathTo(route.createSslVpnServer, regionId), body);
