import type { ConnectionStatus } from '@vpn-console/shared/api/events';
import type { VpnConnectionView } from '@vpn-console/shared/api/views';
import type { VpnConnection } from '@vpn-console/shared/responses/vpn-connection';
import {
  bgpShape,
  healthCheckShape,
  tunnelBgpShape,
} from '@vpn-console/shared/common/config-shapes';
import { viewOf } from '@vpn-console/shared/common/key-map';
import { defined, ikeView, ipsecView, splitList } from '../present-common';
import { secretView, type PskKeys } from '../secret-view';

/** The only place a connection's PSKs enter a response (masked, per tunnel too). */
export const presentVpnConnection = (
  c: VpnConnection,
  regionId: string,
  keys: PskKeys,
): VpnConnectionView => {
  const bgp = c.VpnBgpConfig;
  const hc = c.VcoHealthCheck;
  const tunnels = c.TunnelOptionsSpecification?.TunnelOptions ?? [];
  return {
    id: c.VpnConnectionId,
    regionId,
    vpnGatewayId: c.VpnGatewayId ?? '',
    name: c.Name ?? '',
    localSubnet: splitList(c.LocalSubnet),
    remoteSubnet: splitList(c.RemoteSubnet),
    ...defined({
      customerGatewayId: c.CustomerGatewayId,
      effectImmediately: c.EffectImmediately,
      enableDpd: c.EnableDpd,
      enableNatTraversal: c.EnableNatTraversal,
      state: c.State,
      status: c.Status,
      createTime: c.CreateTime,
      psk: secretView(keys, c.VpnConnectionId, c.IkeConfig?.Psk),
      ikeConfig: c.IkeConfig ? ikeView(c.IkeConfig) : undefined,
      ipsecConfig: c.IpsecConfig ? ipsecView(c.IpsecConfig) : undefined,
      bgpConfig: bgp ? viewOf(bgpShape, bgp) : undefined,
      healthCheck: hc ? viewOf(healthCheckShape, hc) : undefined,
      enableTunnelsBgp: tunnels.length === 0 ? undefined : c.EnableTunnelsBgp,
      tunnels:
        tunnels.length === 0
          ? undefined
          : tunnels.map((t) => ({
              tunnelId: t.TunnelId ?? '',
              ...defined({
                tunnelIndex: t.TunnelIndex,
                role: t.Role,
                state: t.State,
                status: t.Status,
                customerGatewayId: t.CustomerGatewayId,
                internetIp: t.InternetIp,
                zoneNo: t.ZoneNo,
                enableDpd: t.EnableDpd,
                enableNatTraversal: t.EnableNatTraversal,
                hasRemoteCaCertificate:
                  t.RemoteCaCertificate === undefined ? undefined : t.RemoteCaCertificate !== '',
                bgpConfig: t.TunnelBgpConfig
                  ? viewOf(tunnelBgpShape, t.TunnelBgpConfig)
                  : undefined,
                psk: t.TunnelId ? secretView(keys, t.TunnelId, t.TunnelIkeConfig?.Psk) : undefined,
                ikeConfig: t.TunnelIkeConfig ? ikeView(t.TunnelIkeConfig) : undefined,
                ipsecConfig: t.TunnelIpsecConfig ? ipsecView(t.TunnelIpsecConfig) : undefined,
              }),
            })),
    }),
  };
};

export const connectionStatusOf = (c: VpnConnection): ConnectionStatus => {
  const tunnels = c.TunnelOptionsSpecification?.TunnelOptions ?? [];
  return {
    id: c.VpnConnectionId,
    name: c.Name ?? '',
    ...defined({
      status: c.Status,
      state: c.State,
      createTime: c.CreateTime,
      tunnels:
        tunnels.length === 0
          ? undefined
          : tunnels.map((t) => ({
              tunnelId: t.TunnelId ?? '',
              ...defined({
                role: t.Role,
                status: t.Status,
                state: t.State,
                // The cloud answers '' with BGP off: no session, so no status.
                bgpStatus: t.TunnelBgpConfig?.BgpStatus || undefined,
                customerGatewayId: t.CustomerGatewayId,
                internetIp: t.InternetIp,
              }),
            })),
    }),
  };
};
