import type { IpsecServerView } from '@vpn-console/shared/api/views';
import {
  listIpsecServersResponseSchema,
  type IpsecServer,
} from '@vpn-console/shared/responses/ipsec-server';
import type { CloudClient } from '../../cloud/client';
import { notFound } from '../../http/errors';
import { listAllByToken } from '../paging';
import { presentIpsecServer } from './present';
import type { PskKeys } from '../secret-view';

export const listIpsecServersRaw = (
  cloud: CloudClient,
  regionId: string,
  filter: { vpnGatewayId?: string | undefined; ipsecServerId?: string | undefined },
): Promise<IpsecServer[]> =>
  listAllByToken(
    cloud,
    regionId,
    'ListIpsecServers',
    {
      VpnGatewayId: filter.vpnGatewayId,
      ...(filter.ipsecServerId === undefined ? {} : { 'IpsecServerId.1': filter.ipsecServerId }),
    },
    listIpsecServersResponseSchema,
    (page) => page.IpsecServers,
    (page) => page.NextToken,
  );

export const listIpsecServers = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string | undefined,
  keys: PskKeys,
): Promise<IpsecServerView[]> =>
  (await listIpsecServersRaw(cloud, regionId, { vpnGatewayId })).map((s) =>
    presentIpsecServer(s, regionId, keys),
  );

/** ListIpsecServers answers an empty list for an unknown id: that is a 404 here. */
export const getIpsecServerRaw = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<IpsecServer> => {
  const [server] = await listIpsecServersRaw(cloud, regionId, { ipsecServerId: id });
  if (server?.IpsecServerId !== id) throw notFound('IPsec server');
  return server;
};
