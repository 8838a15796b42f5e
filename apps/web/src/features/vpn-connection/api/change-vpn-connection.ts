import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { ModifyDualTunnelVpnConnectionInput } from '@vpn-console/shared/vpn-connection/dual-tunnel';
import type { ModifyVpnConnectionAttributeInput } from '@vpn-console/shared/vpn-connection/schema';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendWrite,
  useWriteMutation,
  type ChangeVariables,
  type WriteBody,
} from '../../../lib/resource-write';

/** Only the changed fields; the region and the connection's id are in the path. */
export type ChangeVpnConnectionBody =
  | WriteBody<ModifyVpnConnectionAttributeInput, 'regionId' | 'vpnConnectionId'>
  | WriteBody<ModifyDualTunnelVpnConnectionInput, 'regionId' | 'vpnConnectionId'>;

/** PATCH …/vpn-connections/{id}: 202 + operation (ModifyVpnConnectionAttribute has no dry run). */
export const useChangeVpnConnection = () =>
  useWriteMutation(
    ({ regionId, id, body, idempotencyKey }: ChangeVariables<ChangeVpnConnectionBody>, client) =>
      sendWrite(
        client,
        'PATCH',
        pathTo(route.changeVpnConnection, regionId, id),
        body,
        idempotencyKey,
      ),
    () => [gatewayKeys.all],
  );
