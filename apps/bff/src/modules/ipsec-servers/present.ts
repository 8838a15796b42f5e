import type { IpsecServerView } from '@vpn-console/shared/api/views';
import type { IpsecServer } from '@vpn-console/shared/responses/ipsec-server';
import { defined, ikeView, ipsecView, splitList } from '../present-common';
import { secretView, type PskKeys } from '../secret-view';

/** The only place an IPsec server's PSK enters a response (masked). */
export const presentIpsecServer = (
  s: IpsecServer,
  regionId: string,
  keys: PskKeys,
): IpsecServerView => ({
  id: s.IpsecServerId,
  regionId: s.RegionId ?? regionId,
  vpnGatewayId: s.VpnGatewayId ?? '',
  name: s.IpsecServerName ?? '',
  localSubnet: splitList(s.LocalSubnet),
  clientIpPool: s.ClientIpPool ?? '',
  effectImmediately: s.EffectImmediately ?? false,
  pskEnabled: s.PskEnabled ?? false,
  ikeConfig: ikeView(s.IkeConfig),
  ipsecConfig: ipsecView(s.IpsecConfig),
  ...defined({
    internetIp: s.InternetIp,
    psk: secretView(keys, s.IpsecServerId, s.Psk),
    onlineClientCount: s.OnlineClientCount,
    maxConnections: s.MaxConnections,
    creationTime: s.CreationTime,
  }),
});
