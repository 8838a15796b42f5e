import type { SslVpnServerView } from '@vpn-console/shared/api/views';
import {
  describeSslVpnServersResponseSchema,
  type SslVpnServer,
} from '@vpn-console/shared/responses/ssl-vpn-server';
import type { CloudClient } from '../../cloud/client';
import { notFound } from '../../http/errors';
import { describeAll } from '../paging';
import { presentSslVpnServer } from './present';

export const listSslVpnServersRaw = (
  cloud: CloudClient,
  regionId: string,
  filter: {
    vpnGatewayId?: string | undefined;
    sslVpnServerId?: string | undefined;
    name?: string | undefined;
  },
): Promise<SslVpnServer[]> =>
  describeAll(
    cloud,
    regionId,
    'DescribeSslVpnServers',
    { VpnGatewayId: filter.vpnGatewayId, SslVpnServerId: filter.sslVpnServerId, Name: filter.name },
    describeSslVpnServersResponseSchema,
    (page) => page.SslVpnServers.SslVpnServer,
    (page) => page.TotalCount,
  );

export const listSslVpnServers = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId?: string,
): Promise<SslVpnServerView[]> =>
  (await listSslVpnServersRaw(cloud, regionId, { vpnGatewayId })).map((s) =>
    presentSslVpnServer(s, regionId),
  );

export const getSslVpnServerRaw = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<SslVpnServer> => {
  const servers = await listSslVpnServersRaw(cloud, regionId, { sslVpnServerId: id });
  const server = servers.find((s) => s.SslVpnServerId === id);
  if (!server) throw notFound('SSL-VPN server');
  return server;
};
