import { vpnConnectionIdSchema } from '@vpn-console/shared/common/fields';
import { createVpnConnectionResponseSchema } from '@vpn-console/shared/responses/vpn-connection';
import {
  toChangeAnyVpnConnectionParams,
  toCreateAnyVpnConnectionParams,
  vpnConnectionChangeSchemaFor,
  vpnConnectionCreateSchemaFor,
} from '@vpn-console/shared/vpn-connection/by-gateway';
import type { Router } from 'express';
import type { Runtime } from '../../runtime';
import { splitList } from '../present-common';
import { resourceRouter } from '../resource-router';
import { presentVpnConnection } from './present';
import { getVpnConnectionRaw, listVpnConnections, listVpnConnectionsRaw } from './service';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

export const vpnConnectionsRouter = (runtime: Runtime): Router =>
  resourceRouter(runtime, {
    kind: 'vpn-connection',
    plural: 'vpn-connections',
    idField: 'vpnConnectionId',
    idParam: 'VpnConnectionId',
    idSchema: vpnConnectionIdSchema,
    deleteAction: 'DeleteVpnConnection',
    list: listVpnConnections,
    getRaw: getVpnConnectionRaw,
    present: presentVpnConnection,
    gatewayOf: (c) => c.VpnGatewayId ?? '',
    // Single- or dual-tunnel: a fact of the gateway (shared vpn-connection/by-gateway.ts).
    createSchema: (ctx, facts) =>
      vpnConnectionCreateSchemaFor({ ...ctx, dualTunnel: facts?.dualTunnel ?? false }),
    changeSchema: (ctx, facts) =>
      vpnConnectionChangeSchemaFor({ ...ctx, dualTunnel: facts.dualTunnel }),
    toCreate: toCreateAnyVpnConnectionParams,
    toChange: toChangeAnyVpnConnectionParams,
    createResponse: createVpnConnectionResponseSchema,
    createdId: (created) => created.VpnConnectionId,
    pskOf: (c) => {
      const tunnels = c.TunnelOptionsSpecification?.TunnelOptions ?? [];
      return {
        psk: c.IkeConfig?.Psk,
        ...(tunnels.length === 0
          ? {}
          : {
              tunnels: tunnels.map((t) => ({
                tunnelId: t.TunnelId ?? '',
                psk: t.TunnelIkeConfig?.Psk,
              })),
            }),
      };
    },
    findCreated: async (cloud, regionId, value) => {
      const connections = await listVpnConnectionsRaw(cloud, regionId, {
        vpnGatewayId: value.vpnGatewayId,
      });
      const found = connections.find((c) =>
        value.name !== undefined
          ? c.Name === value.name
          : sameList(splitList(c.LocalSubnet), value.localSubnet) &&
            sameList(splitList(c.RemoteSubnet), value.remoteSubnet),
      );
      return found ? { landed: true, resourceId: found.VpnConnectionId } : { landed: false };
    },
  });
