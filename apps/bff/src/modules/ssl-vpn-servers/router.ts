import {
  refineClientPoolSize,
  refineClientPoolVsVpc,
} from '@vpn-console/shared/common/client-pool';
import { sslVpnServerIdSchema } from '@vpn-console/shared/common/fields';
import { createSslVpnServerResponseSchema } from '@vpn-console/shared/responses/ssl-vpn-server';
import {
  toCreateSslVpnServerParams,
  toModifySslVpnServerParams,
} from '@vpn-console/shared/ssl-vpn-server/rpc';
import {
  createSslVpnServerSchema,
  modifySslVpnServerSchema,
  refineMultiFactorAuthGateway,
} from '@vpn-console/shared/ssl-vpn-server/schema';
import type { z } from 'zod';
import type { Router } from 'express';
import type { Runtime } from '../../runtime';
import { resourceRouter } from '../resource-router';
import type { PskKeys } from '../secret-view';
import type { GatewayFacts } from '../vpn-gateways/context';
import { presentSslVpnServer } from './present';
import { getSslVpnServerRaw, listSslVpnServers, listSslVpnServersRaw } from './service';

/**
 * The shared server-side checks, with the gateway's own facts; a fact the cloud did not give
 * leaves its check to the cloud.
 */
const sslServerChecks =
  (facts: GatewayFacts) =>
  (
    value: { clientIpPool?: string | undefined; enableMultiFactorAuth?: boolean | undefined },
    ctx: z.RefinementCtx,
  ): void => {
    const checked = {
      ...(value.clientIpPool === undefined ? {} : { clientIpPool: value.clientIpPool }),
      ...(value.enableMultiFactorAuth === undefined
        ? {}
        : { enableMultiFactorAuth: value.enableMultiFactorAuth }),
    };
    if (facts.sslMaxConnections !== undefined)
      refineClientPoolSize(facts.sslMaxConnections)(checked, ctx);
    if (facts.vpcCidrs !== undefined) refineClientPoolVsVpc(facts.vpcCidrs)(checked, ctx);
    if (facts.createTimeMs !== undefined)
      refineMultiFactorAuthGateway(facts.createTimeMs)(checked, ctx);
  };

export const sslVpnServersRouter = (runtime: Runtime, keys: PskKeys): Router =>
  resourceRouter(runtime, keys, {
    kind: 'ssl-vpn-server',
    routeName: 'SslVpnServer',
    idField: 'sslVpnServerId',
    idParam: 'SslVpnServerId',
    idSchema: sslVpnServerIdSchema,
    deleteAction: 'DeleteSslVpnServer',
    list: listSslVpnServers,
    getRaw: getSslVpnServerRaw,
    present: presentSslVpnServer,
    gatewayOf: (s) => s.VpnGatewayId ?? '',
    createAction: 'createSslVpnServer',
    contentsOf: async (cloud, regionId, vpnGatewayId) => ({
      ipsecServers: 0,
      sslVpnServers: (await listSslVpnServersRaw(cloud, regionId, { vpnGatewayId })).length,
    }),
    createSchema: () => createSslVpnServerSchema,
    changeSchema: () => modifySslVpnServerSchema,
    toCreate: toCreateSslVpnServerParams,
    toChange: toModifySslVpnServerParams,
    createResponse: createSslVpnServerResponseSchema,
    createdId: (created) => created.SslVpnServerId,
    serverChecks: { needsVpc: true, create: sslServerChecks, change: sslServerChecks },
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
