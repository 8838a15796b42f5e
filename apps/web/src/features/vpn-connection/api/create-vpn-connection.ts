import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { CreateDualTunnelVpnConnectionInput } from '@vpn-console/shared/vpn-connection/dual-tunnel';
import type { CreateVpnConnectionInput } from '@vpn-console/shared/vpn-connection/schema';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendDryRun,
  sendWrite,
  useWriteMutation,
  type CreateVariables,
  type WriteBody,
} from '../../../lib/resource-write';

/** Single-tunnel, or dual-tunnel on a dual-tunnel gateway (the BFF chooses by the gateway). */
export type CreateVpnConnectionBody =
  WriteBody<CreateVpnConnectionInput> | WriteBody<CreateDualTunnelVpnConnectionInput>;

/** POST …/vpn-connections: 202 + operation; the Idempotency-Key becomes the cloud ClientToken. */
export const useCreateVpnConnection = () =>
  useWriteMutation(
    ({ regionId, body, idempotencyKey }: CreateVariables<CreateVpnConnectionBody>, client) =>
      sendWrite(client, 'POST', pathTo(route.createVpnConnection, regionId), body, idempotencyKey),
    // The gateway's detail lists its connections.
    () => [gatewayKeys.all],
  );

/** The same request with ?dryRun=true: the cloud's verdict, nothing created. */
export const dryRunCreateVpnConnection = (regionId: string, body: CreateVpnConnectionBody) =>
  sendDryRun('POST', pathTo(route.createVpnConnection, regionId), body);
