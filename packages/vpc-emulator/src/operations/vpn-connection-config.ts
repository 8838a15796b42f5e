/**
 * DownloadVpnConnectionConfig: the peer configuration of an IPsec-VPN connection, written from the
 * CUSTOMER DEVICE's point of view (field names and nesting of `@alicloud/vpc20160428`'s
 * `DownloadVpnConnectionConfigResponseBody`): `Local` is the customer gateway's IP, `Remote` the
 * VPN gateway's, `LocalSubnet` the data centre's CIDRs (the connection's RemoteSubnet) and
 * `RemoteSubnet` the VPC's (its LocalSubnet); `IkeConfig.LocalId`/`RemoteId` swap the same way.
 * It carries the PSK. Read-only: no DryRun, no ClientToken.
 */
import { apiErrors } from '../errors';
import type { Connection, Tunnel } from '../state';
import type { Operation, OperationContext, WireObject } from './context';
import { tunnelInternetIp } from './tunnels';
import { peerBgpIp } from './vpn-connection-rules';
import { findConnection } from './vpn-connections';

/** One tunnel's (or a single-tunnel connection's) phase 1 and phase 2, seen from the device. */
export function devicePhases(
  conn: Pick<Connection | Tunnel, 'IkeConfig' | 'IpsecConfig' | 'Psk'>,
): { IkeConfig: WireObject; IpsecConfig: WireObject } {
  const ike = conn.IkeConfig;
  const ipsec = conn.IpsecConfig;
  return {
    IkeConfig: {
      IkeVersion: ike.IkeVersion,
      IkeMode: ike.IkeMode,
      IkeEncAlg: ike.IkeEncAlg,
      IkeAuthAlg: ike.IkeAuthAlg,
      IkePfs: ike.IkePfs,
      IkeLifetime: ike.IkeLifetime,
      Psk: conn.Psk,
      LocalId: ike.RemoteId,
      RemoteId: ike.LocalId,
    },
    IpsecConfig: {
      IpsecEncAlg: ipsec.IpsecEncAlg,
      IpsecAuthAlg: ipsec.IpsecAuthAlg,
      IpsecPfs: ipsec.IpsecPfs,
      IpsecLifetime: ipsec.IpsecLifetime,
    },
  };
}

/**
 * A dual-tunnel connection's configuration: per tunnel its own peer (`Local` = that tunnel's
 * customer gateway, `Remote` = that tunnel's IP) and phases in `TunnelsConfig.TunnelConfig[]`, and
 * with BGP on, `BgpConfigs.BgpConfig[]` from the device's side (strings, as the SDK model says).
 */
function dualTunnelConfigWire(conn: Connection, ctx: OperationContext): WireObject {
  const gateway = ctx.state.gateways.find((g) => g.VpnGatewayId === conn.VpnGatewayId);
  const peerOf = (t: Tunnel) => {
    const cgw = ctx.state.customerGateways.find((c) => c.CustomerGatewayId === t.CustomerGatewayId);
    if (cgw === undefined) throw apiErrors.customerGatewayNotFound();
    return cgw;
  };
  return {
    LocalSubnet: conn.RemoteSubnet,
    RemoteSubnet: conn.LocalSubnet,
    TunnelsConfig: {
      TunnelConfig: conn.Tunnels.map((t) => ({
        TunnelId: t.TunnelId,
        Local: peerOf(t).IpAddress,
        Remote: gateway === undefined ? '' : tunnelInternetIp(gateway, t.TunnelIndex),
        ...devicePhases(t),
      })),
    },
    BgpConfigs: {
      BgpConfig: conn.EnableTunnelsBgp
        ? conn.Tunnels.map((t) => ({
            TunnelId: t.TunnelId,
            LocalAsn: String(peerOf(t).Asn ?? ''),
            PeerAsn: String(t.Bgp.LocalAsn),
            LocalBgpIp: peerBgpIp(t.Bgp.TunnelCidr, t.Bgp.LocalBgpIp),
            PeerBgpIp: t.Bgp.LocalBgpIp,
            TunnelCidr: t.Bgp.TunnelCidr,
          }))
        : [],
    },
  };
}

export function vpnConnectionConfigWire(conn: Connection, ctx: OperationContext): WireObject {
  if (conn.Tunnels.length > 0) return dualTunnelConfigWire(conn, ctx);
  const gateway = ctx.state.gateways.find((g) => g.VpnGatewayId === conn.VpnGatewayId);
  const cgw = ctx.state.customerGateways.find(
    (c) => c.CustomerGatewayId === conn.CustomerGatewayId,
  );
  if (cgw === undefined) throw apiErrors.customerGatewayNotFound();
  return {
    Local: cgw.IpAddress,
    Remote: gateway?.InternetIp ?? '',
    LocalSubnet: conn.RemoteSubnet,
    RemoteSubnet: conn.LocalSubnet,
    ...devicePhases(conn),
  };
}

export const downloadVpnConnectionConfig: Operation = {
  write: false,
  run(ctx) {
    const conn = findConnection(ctx, ctx.params.required('VpnConnectionId'));
    return { VpnConnectionConfig: vpnConnectionConfigWire(conn, ctx) };
  },
};
