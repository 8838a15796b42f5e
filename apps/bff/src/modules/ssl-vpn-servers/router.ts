import { sslVpnServerIdSchema } from '@vpn-console/shared/common/fields';
import { createSslVpnServerResponseSchema } from '@vpn-console/shared/responses/ssl-vpn-server';
import {
  toCreateSslVpnServerParams,
  toModifySslVpnServerParams,
} from '@vpn-console/shared/ssl-vpn-server/rpc';
import {
  createSslVpnServerSchema,
  modifySslVpnServerSchema,
} from '@vpn-console/shared/ssl-vpn-server/schema';
import type { Router } from 'express';
import type { Runtime } from '../../runtime';
import { resourceRouter } from '../resource-router';
import { presentSslVpnServer } from './present';
import { getSslVpnServerRaw, listSslVpnServers, listSslVpnServersRaw } from './service';

export const sslVpnServersRouter = (runtime: Runtime): Router =>
  resourceRouter(runtime, {
    kind: 'ssl-vpn-server',
    plural: 'ssl-vpn-servers',
    idField: 'sslVpnServerId',
    idParam: 'SslVpnServerId',
    idSchema: sslVpnServerIdSchema,
    deleteAction: 'DeleteSslVpnServer',
    list: listSslVpnServers,
    getRaw: getSslVpnServerRaw,
    present: presentSslVpnServer,
    gatewayOf: (s) => s.VpnGatewayId ?? '',
    createSchema: () => createSslVpnServerSchema,
    changeSchema: () => modifySslVpnServerSchema,
    toCreate: toCreateSslVpnServerParams,
    toChange: toModifySslVpnServerParams,
    createResponse: createSslVpnServerResponseSchema,
    createdId: (created) => created.SslVpnServerId,
    findCreated: async (cloud, regionId, value) => {
      const servers = await listSslVpnServersRaw(cloud, regionId, {
        vpnGatewayId: value.vpnGatewayId,
      });
      const pool = value.clientIpPool;
      const found = servers.find((s) =>
        value.name === undefined ? s.ClientIpPool === pool : s.Name === value.name,
      );
      return found ? { landed: true, resourceId: found.SslVpnServerId } : { landed: false };
    },
  });
