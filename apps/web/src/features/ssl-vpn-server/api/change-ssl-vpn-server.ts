import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { ModifySslVpnServerInput } from '@vpn-console/shared/ssl-vpn-server/schema';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendDryRun,
  sendWrite,
  useWriteMutation,
  type ChangeVariables,
  type WriteBody,
} from '../../../lib/resource-write';

/** Only the changed fields; the region and the server's id are in the path. */
export type ChangeSslVpnServerBody = WriteBody<
  ModifySslVpnServerInput,
  'regionId' | 'sslVpnServerId'
>;

/** PATCH …/ssl-vpn-servers/{id}: 202 + operation. */
export const useChangeSslVpnServer = () =>
  useWriteMutation(
    ({ regionId, id, body, idempotencyKey }: ChangeVariables<ChangeSslVpnServerBody>, client) =>
      sendWrite(
        client,
        'PATCH',
        pathTo(route.changeSslVpnServer, regionId, id),
        body,
        idempotencyKey,
      ),
    () => [gatewayKeys.all],
  );

/** The same request with ?dryRun=true: the cloud's verdict, nothing changed. */
export const dryRunChangeSslVpnServer = (
  regionId: string,
  id: string,
  body: ChangeSslVpnServerBody,
) => sendDryRun('PATCH', pathTo(route.changeSslVpnServer, regionId, id), body);
