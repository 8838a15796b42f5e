import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import type { ModifyTunnelAttributeInput } from '@vpn-console/shared/vpn-connection/dual-tunnel';
import { gatewayKeys } from '../../../lib/gateway-keys';
import {
  sendWrite,
  useWriteMutation,
  type ChangeVariables,
  type WriteBody,
} from '../../../lib/resource-write';

/** Only the tunnel's changed fields; the region, the connection and the tunnel are in the path. */
export type ChangeVpnConnectionTunnelBody = WriteBody<
  ModifyTunnelAttributeInput,
  'regionId' | 'vpnConnectionId' | 'tunnelId'
>;

/**
 * PATCH …/vpn-connections/{id}/tunnels/{tunnelId} (ModifyTunnelAttribute): one tunnel of a
 * dual-tunnel connection; 202 + operation (no dry run).
 */
export const useChangeVpnConnectionTunnel = () =>
  useWriteMutation(
    (
      {
        regionId,
        id,
        tunnelId,
        body,
        idempotencyKey,
      }: ChangeVariables<ChangeVpnConnectionTunnelBody> & { tunnelId: string },
      client,
    ) =>
      sendWrite(
        client,
        'PATCH',
        pathTo(route.changeVpnConnectionTunnel, regionId, id, tunnelId),
        body,
        idempotencyKey,
      ),
    () => [gatewayKeys.all],
  );
