import { lifecycleState, negotiationStatus, probeStatus } from '../negotiation';
import { connectionStatusOfTunnels, tunnelStatus, tunnelWire } from './tunnels';
import type { Connection } from '../state';
import { tagsWire, type OperationContext, type WireObject } from './context';
import { peerBgpIp } from './vpn-connection-rules';

/**
 * How DescribeVpnConnection(s) and ModifyVpnConnectionAttribute write a connection on the wire
 * (field names and types of `@alicloud/vpc20160428`'s response models).
 */
export function connectionWire(conn: Connection, ctx: OperationContext): WireObject {
  if (conn.Tunnels.length > 0) return dualTunnelConnectionWire(conn, ctx);
  const gateway = ctx.state.gateways.find((g) => g.VpnGatewayId === conn.VpnGatewayId);
  const cgw = ctx.state.customerGateways.find(
    (c) => c.CustomerGatewayId === conn.CustomerGatewayId,
  );
  const status = negotiationStatus(conn, gateway, cgw?.Peer, ctx.now, ctx.negotiationMs);
  return {
    VpnConnectionId: conn.VpnConnectionId,
    VpnGatewayId: conn.VpnGatewayId,
    CustomerGatewayId: conn.CustomerGatewayId,
    Name: conn.Name,
    LocalSubnet: conn.LocalSubnet,
    RemoteSubnet: conn.RemoteSubnet,
    CreateTime: conn.CreateTime,
    EffectImmediately: conn.EffectImmediately,
    EnableDpd: conn.EnableDpd,
    EnableNatTraversal: conn.EnableNatTraversal,
    EnableTunnelsBgp: false,
    AttachType: 'VPNGW',
    NetworkType: gateway?.NetworkType ?? 'public',
    CrossAccountAuthorized: false,
    InternetIp: gateway?.InternetIp ?? '',
    RemoteCaCertificate: conn.RemoteCaCertificate,
    ResourceGroupId: conn.ResourceGroupId,
    Status: status,
    State: lifecycleState(conn, ctx.now),
    IkeConfig: { ...conn.IkeConfig, Psk: conn.Psk },
    IpsecConfig: { ...conn.IpsecConfig },
    VcoHealthCheck: {
      Enable: String(conn.HealthCheck.Enable),
      Dip: conn.HealthCheck.Dip,
      Sip: conn.HealthCheck.Sip,
      Interval: conn.HealthCheck.Interval,
      Retry: conn.HealthCheck.Retry,
      Policy: 'revoke_route',
      Status: probeStatus(conn.HealthCheck.Enable, status),
    },
    VpnBgpConfig: {
      EnableBgp: String(conn.Bgp.EnableBgp),
      LocalAsn: conn.Bgp.LocalAsn,
      PeerAsn: cgw?.Asn ?? 0,
      LocalBgpIp: conn.Bgp.LocalBgpIp,
      PeerBgpIp: peerBgpIp(conn.Bgp.TunnelCidr, conn.Bgp.LocalBgpIp),
      TunnelCidr: conn.Bgp.TunnelCidr,
      AuthKey: cgw?.AuthKey ?? '',
      Status: probeStatus(conn.Bgp.EnableBgp, status),
    },
    Tags: tagsWire(conn.Tags),
  };
}

/**
 * A dual-tunnel connection: its settings are in `TunnelOptionsSpecification.TunnelOptions[]`; the
 * single-tunnel fields (CustomerGatewayId aside, empty) are left out. `Status` is the connection's:
 * established when either tunnel carries traffic (the standby takes over), else the master's.
 */
function dualTunnelConnectionWire(conn: Connection, ctx: OperationContext): WireObject {
  const gateway = ctx.state.gateways.find((g) => g.VpnGatewayId === conn.VpnGatewayId);
  const statuses = conn.Tunnels.map((t) => ({
    role: t.Role,
    status: tunnelStatus(ctx, t, conn.VpnGatewayId),
  }));
  return {
    VpnConnectionId: conn.VpnConnectionId,
    VpnGatewayId: conn.VpnGatewayId,
    CustomerGatewayId: '',
    Name: conn.Name,
    LocalSubnet: conn.LocalSubnet,
    RemoteSubnet: conn.RemoteSubnet,
    CreateTime: conn.CreateTime,
    EffectImmediately: conn.EffectImmediately,
    EnableTunnelsBgp: conn.EnableTunnelsBgp,
    AttachType: 'VPNGW',
    NetworkType: gateway?.NetworkType ?? 'public',
    CrossAccountAuthorized: false,
    ResourceGroupId: conn.ResourceGroupId,
    Status: connectionStatusOfTunnels(statuses),
    State: lifecycleState(conn, ctx.now),
    TunnelOptionsSpecification: {
      TunnelOptions: conn.Tunnels.map((t) => tunnelWire(ctx, conn, t, 'described')),
    },
    Tags: tagsWire(conn.Tags),
  };
}

/** ModifyVpnConnectionAttribute's answer: the connection's configuration echoed back. */
export function modifiedConnectionWire(conn: Connection, ctx: OperationContext): WireObject {
  if (conn.Tunnels.length > 0) {
    return {
      VpnConnectionId: conn.VpnConnectionId,
      VpnGatewayId: conn.VpnGatewayId,
      CustomerGatewayId: '',
      Name: conn.Name,
      Description: '',
      LocalSubnet: conn.LocalSubnet,
      RemoteSubnet: conn.RemoteSubnet,
      CreateTime: conn.CreateTime,
      EffectImmediately: conn.EffectImmediately,
      EnableTunnelsBgp: conn.EnableTunnelsBgp,
      ResourceGroupId: conn.ResourceGroupId,
      TunnelOptionsSpecification: {
        TunnelOptions: conn.Tunnels.map((t) => tunnelWire(ctx, conn, t, 'echoed')),
      },
    };
  }
  const wire = connectionWire(conn, ctx);
  return {
    VpnConnectionId: wire.VpnConnectionId,
    VpnGatewayId: wire.VpnGatewayId,
    CustomerGatewayId: wire.CustomerGatewayId,
    Name: wire.Name,
    Description: '',
    LocalSubnet: wire.LocalSubnet,
    RemoteSubnet: wire.RemoteSubnet,
    CreateTime: wire.CreateTime,
    EffectImmediately: wire.EffectImmediately,
    EnableDpd: wire.EnableDpd,
    EnableNatTraversal: wire.EnableNatTraversal,
    EnableTunnelsBgp: wire.EnableTunnelsBgp,
    ResourceGroupId: wire.ResourceGroupId,
    IkeConfig: wire.IkeConfig,
    IpsecConfig: wire.IpsecConfig,
    VcoHealthCheck: wire.VcoHealthCheck,
    VpnBgpConfig: wire.VpnBgpConfig,
  };
}
