import type { SslVpnServerView } from '@vpn-console/shared/api/views';
import type { SslVpnServer } from '@vpn-console/shared/responses/ssl-vpn-server';
import { defined, splitList } from '../present-common';

export const presentSslVpnServer = (s: SslVpnServer, regionId: string): SslVpnServerView => ({
  id: s.SslVpnServerId,
  regionId: s.RegionId ?? regionId,
  vpnGatewayId: s.VpnGatewayId ?? '',
  name: s.Name ?? '',
  clientIpPool: s.ClientIpPool ?? '',
  localSubnet: splitList(s.LocalSubnet),
  ...defined({
    proto: s.Proto,
    port: s.Port,
    cipher: s.Cipher,
    compress: s.Compress,
    connections: s.Connections,
    maxConnections: s.MaxConnections,
    internetIp: s.InternetIp,
    enableMultiFactorAuth: s.EnableMultiFactorAuth,
    createTime: s.CreateTime,
  }),
});
