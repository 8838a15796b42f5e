import { vpnConnectionIdSchema } from '@vpn-console/shared/common/fields';
import { createVpnConnectionResponseSchema } from '@vpn-console/shared/responses/vpn-connection';
import {
  toChangeAnyVpnConnectionParams,
  toCreateAnyVpnConnectionParams,
  vpnConnectionChangeSchemaFor,
  vpnConnectionCreateSchemaFor,
} from '@vpn-console/shared/vpn-connection/by-gateway';
import { requestIdResponseSchema } from '@vpn-console/shared/responses/common';
import {
  modifyTunnelAttributeSchema,
  refineBgpTurnedOn,
  tunnelIdSchema,
} from '@vpn-console/shared/vpn-connection/dual-tunnel';
import { toModifyTunnelAttributeParams } from '@vpn-console/shared/vpn-connection/dual-tunnel-rpc';
import { tunnelBgpShape } from '@vpn-console/shared/common/config-shapes';
import { viewOf } from '@vpn-console/shared/common/key-map';
import type { Router } from 'express';
import { mount } from '../../http/mount';
import { HttpError } from '../../http/errors';
import { parseOr400 } from '../../http/validate';
import { regionParam } from '../params';
import { gatewayFacts } from '../vpn-gateways/context';
import { bodyWithPath, submitWrite } from '../write';
import type { Runtime } from '../../runtime';
import { splitList } from '../present-common';
import { resourceRouter } from '../resource-router';
import { presentVpnConnection } from './present';
import type { PskKeys } from '../secret-view';
import { getVpnConnectionRaw, listVpnConnections, listVpnConnectionsRaw } from './service';

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');

export const vpnConnectionsRouter = (runtime: Runtime, keys: PskKeys): Router => {
  const router = resourceRouter(runtime, keys, {
    createAction: 'createVpnConnection',
    kind: 'vpn-connection',
    routeName: 'VpnConnection',
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
    // Turning tunnel BGP on needs each tunnel's BGP addresses, given or already in the cloud.
    serverChecks: {
      needsVpc: false,
      change: (_facts, current) =>
        refineBgpTurnedOn({
          enableTunnelsBgp: current.EnableTunnelsBgp ?? false,
          tunnels: (current.TunnelOptionsSpecification?.TunnelOptions ?? []).map((t, i) => ({
            tunnelId: t.TunnelId ?? '',
            tunnelIndex: t.TunnelIndex ?? i + 1,
            bgpConfig: t.TunnelBgpConfig ? viewOf(tunnelBgpShape, t.TunnelBgpConfig) : undefined,
          })),
        }),
    },
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

  // ModifyTunnelAttribute: one tunnel of a dual-tunnel connection, through the gateway's write
  // lane; the audit keeps the connection as it was (its PSKs reduced to changed/unchanged).
  mount(router, 'changeVpnConnectionTunnel', async (req, res) => {
    const regionId = regionParam(req);
    const id = parseOr400(vpnConnectionIdSchema, req.params.id, 'vpnConnectionId');
    const tunnelId = parseOr400(tunnelIdSchema, req.params.tunnelId, 'tunnelId');
    const current = await getVpnConnectionRaw(runtime.cloud, regionId, id);
    const tunnels = current.TunnelOptionsSpecification?.TunnelOptions ?? [];
    if (!tunnels.some((t) => t.TunnelId === tunnelId)) {
      throw new HttpError(404, 'NotFound', 'The connection has no such tunnel.');
    }
    const vpnGatewayId = current.VpnGatewayId ?? '';
    const facts = await gatewayFacts(runtime.cloud, regionId, vpnGatewayId, false);
    const value = parseOr400(
      modifyTunnelAttributeSchema(facts.context),
      bodyWithPath(req.body, { regionId, vpnConnectionId: id, tunnelId }),
    );
    await submitWrite(runtime, req, res, {
      action: 'change',
      resourceKind: 'vpn-connection',
      regionId,
      vpnGatewayId,
      resourceId: id,
      value,
      rpc: (clientToken) => toModifyTunnelAttributeParams({ ...value, clientToken }),
      responseSchema: requestIdResponseSchema,
      audit: { before: presentVpnConnection(current, regionId, keys), requested: value },
    });
  });
  return router;
};
