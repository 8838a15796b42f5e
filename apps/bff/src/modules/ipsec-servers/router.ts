import { refineClientPoolVsVpc } from '@vpn-console/shared/common/client-pool';
import { ipsecServerIdSchema } from '@vpn-console/shared/common/fields';
import {
  toCreateIpsecServerParams,
  toUpdateIpsecServerParams,
} from '@vpn-console/shared/ipsec-server/rpc';
import {
  createIpsecServerSchema,
  updateIpsecServerSchema,
} from '@vpn-console/shared/ipsec-server/schema';
import { createIpsecServerResponseSchema } from '@vpn-console/shared/responses/ipsec-server';
import type { Router } from 'express';
import type { Runtime } from '../../runtime';
import { noCheck, resourceRouter } from '../resource-router';
import { presentIpsecServer } from './present';
import type { PskKeys } from '../secret-view';
import { getIpsecServerRaw, listIpsecServers, listIpsecServersRaw } from './service';

export const ipsecServersRouter = (runtime: Runtime, keys: PskKeys): Router =>
  resourceRouter(runtime, keys, {
    kind: 'ipsec-server',
    routeName: 'IpsecServer',
    idField: 'ipsecServerId',
    idParam: 'IpsecServerId',
    idSchema: ipsecServerIdSchema,
    deleteAction: 'DeleteIpsecServer',
    list: listIpsecServers,
    getRaw: getIpsecServerRaw,
    present: presentIpsecServer,
    gatewayOf: (s) => s.VpnGatewayId ?? '',
    createAction: 'createIpsecServer',
    contentsOf: async (cloud, regionId, vpnGatewayId) => ({
      ipsecServers: (await listIpsecServersRaw(cloud, regionId, { vpnGatewayId })).length,
      sslVpnServers: 0,
    }),
    createSchema: createIpsecServerSchema,
    changeSchema: updateIpsecServerSchema,
    toCreate: toCreateIpsecServerParams,
    toChange: toUpdateIpsecServerParams,
    createResponse: createIpsecServerResponseSchema,
    createdId: (created) => created.IpsecServerId,
    serverChecks: {
      needsVpc: true,
      create: (facts) =>
        facts.vpcCidrs === undefined ? noCheck : refineClientPoolVsVpc(facts.vpcCidrs),
      change: (facts) =>
        facts.vpcCidrs === undefined ? noCheck : refineClientPoolVsVpc(facts.vpcCidrs),
    },
    pskOf: (s) => ({ psk: s.Psk }),
    // One IPsec server per gateway: if the gateway has one now, the create landed.
    findCreated: async (cloud, regionId, value) => {
      const [server] = await listIpsecServersRaw(cloud, regionId, {
        vpnGatewayId: value.vpnGatewayId,
      });
      return server ? { landed: true, resourceId: server.IpsecServerId } : { landed: false };
    },
  });
