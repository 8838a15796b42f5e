import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { UpdateIpsecServerInput } from '@vpn-console/shared/ipsec-server/schema';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendDryRun,
  sendWrite,
  useWriteMutation,
  type ChangeVariables,
  type WriteBody,
} from '../../../lib/resource-write';

/** Only the changed fields; the region and the server's id are in the path. */
export type ChangeIpsecServerBody = WriteBody<UpdateIpsecServerInput, 'regionId' | 'ipsecServerId'>;

/** PATCH …/ipsec-servers/{id}: 202 + operation. */
export const useChangeIpsecServer = () =>
  useWriteMutation(
    ({ regionId, id, body, idempotencyKey }: ChangeVariables<ChangeIpsecServerBody>, client) =>
      sendWrite(
        client,
        'PATCH',
        pathTo(route.changeIpsecServer, regionId, id),
        body,
        idempotencyKey,
      ),
    () => [gatewayKeys.all],
  );

/** The same request with ?dryRun=true: the cloud's verdict, nothing changed. */
export const dryRunChangeIpsecServer = (
  regionId: string,
  id: string,
  body: ChangeIpsecServerBody,
) => sendDryRun('PATCH', pathTo(route.changeIpsecServer, regionId, id), body);
