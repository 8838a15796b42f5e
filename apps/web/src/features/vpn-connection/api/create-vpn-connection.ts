import { apiPaths } from '@vpn-console/shared/api/paths';
import type { CreateVpnConnectionInput } from '@vpn-console/shared/vpn-connection/schema';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendDryRun,
  sendWrite,
  useWriteMutation,
  type CreateVariables,
  type WriteBody,
} from '../../../lib/resource-write';

export type CreateVpnConnectionBody = WriteBody<CreateVpnConnectionInput>;

/** POST …/vpn-connections: 202 + operation; the Idempotency-Key becomes the cloud ClientToken. */
export const useCreateVpnConnection = () =>
  useWriteMutation(
    ({ regionId, body, idempotencyKey }: CreateVariables<CreateVpnConnectionBody>, client) =>
      sendWrite(client, 'POST', apiPaths.vpnConnections(regionId), body, idempotencyKey),
    // The gateway's detail lists its connections.
    () => [gatewayKeys.all],
  );

/** The same request with ?dryRun=true: the cloud's verdict, nothing created. */
export const dryRunCreateVpnConnection = (regionId: string, body: CreateVpnConnectionBody) =>
  sendDryRun('POST', apiPaths.vpnConnections(regionId), body);
