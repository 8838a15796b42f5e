import type { IpsecServerView } from '@vpn-console/shared/api/views';
import { describeVpnGatewayResponseSchema } from '@vpn-console/shared/responses/vpn-gateway';
import {
  describeSslVpnClientCertResponseSchema,
  describeSslVpnClientCertsResponseSchema,
  describeSslVpnClientsResponseSchema,
  type SslVpnClient,
  type SslVpnClientCert,
  type SslVpnClientCertDetail,
} from '@vpn-console/shared/responses/ssl-vpn-client-cert';
import type { CloudClient } from '../../cloud/client';
import { notFound } from '../../http/errors';
import { describeAll } from '../paging';

export const listClientCertsRaw = (
  cloud: CloudClient,
  regionId: string,
  filter: { sslVpnServerId?: string; sslVpnClientCertId?: string },
): Promise<SslVpnClientCert[]> =>
  describeAll(
    cloud,
    regionId,
    'DescribeSslVpnClientCerts',
    { SslVpnServerId: filter.sslVpnServerId, SslVpnClientCertId: filter.sslVpnClientCertId },
    describeSslVpnClientCertsResponseSchema,
    (page) => page.SslVpnClientCertKeys.SslVpnClientCertKey,
    (page) => page.TotalCount,
  );

export const getClientCertRaw = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<SslVpnClientCert> => {
  const [cert] = await listClientCertsRaw(cloud, regionId, { sslVpnClientCertId: id });
  if (cert?.SslVpnClientCertId !== id) throw notFound('SSL-VPN client certificate');
  return cert;
};

/** The one read that answers key material (the bundle route only). */
export const getClientCertDetail = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<SslVpnClientCertDetail> =>
  (
    await cloud.call(
      'DescribeSslVpnClientCert',
      { SslVpnClientCertId: id },
      { regionId, schema: describeSslVpnClientCertResponseSchema },
    )
  ).data;

export const listClientsRaw = (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string,
): Promise<SslVpnClient[]> =>
  describeAll(
    cloud,
    regionId,
    'DescribeSslVpnClients',
    { VpnGatewayId: vpnGatewayId },
    describeSslVpnClientsResponseSchema,
    (page) => page.ClientInfoList,
    (page) => page.TotalCount,
  );

/** ListIpsecServers may leave out the gateway's address: then it is read from the gateway. */
export const withServerAddress = async (
  cloud: CloudClient,
  regionId: string,
  server: IpsecServerView,
): Promise<IpsecServerView> => {
  if (server.internetIp !== undefined && server.internetIp !== '') return server;
  const { data } = await cloud.call(
    'DescribeVpnGateway',
    { VpnGatewayId: server.vpnGatewayId },
    { regionId, schema: describeVpnGatewayResponseSchema },
  );
  return { ...server, internetIp: data.InternetIp ?? '' };
};
