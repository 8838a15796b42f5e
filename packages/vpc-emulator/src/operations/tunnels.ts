import { apiErrors } from '../errors';
import {
  lifecycleState,
  negotiationStatus,
  probeStatus,
  type NegotiationStatus,
} from '../negotiation';
import { Params } from '../params';
import {
  checkPsk,
  connectionIkeDefaults,
  connectionIpsecDefaults,
  ikeConfigInputSchema,
  ipsecConfigInputSchema,
  randomPsk,
  resolveIkeConfig,
  resolveIpsecConfig,
  type GatewayKind,
} from '../rules';
import { nextResourceId, type Connection, type Gateway, type Tunnel } from '../state';
import { gatewayKind, type OperationContext, type WireObject } from './context';
import { findCustomerGateway } from './customer-gateways';
import {
  checkCa,
  checkLocalAsn,
  checkTunnelAddresses,
  peerBgpIp,
  tunnelCidrsInUse,
} from './vpn-connection-rules';

/**
 * Dual-tunnel IPsec-VPN connections: the `TunnelOptionsSpecification` parameters (flattened as
 * `TunnelOptionsSpecification.N.TunnelIkeConfig.Psk`), the rules of one tunnel, and how a tunnel is
 * written on the wire (`@alicloud/vpc20160428` models: strings in Describe*, typed in Modify*).
 */

export const TUNNELS = 'TunnelOptionsSpecification';

/** Parameters a dual-tunnel gateway refuses: they belong to single-tunnel connections. */
export const SINGLE_TUNNEL_PARAMS = [
  'CustomerGatewayId',
  'IkeConfig',
  'IpsecConfig',
  'BgpConfig',
  'HealthCheckConfig',
  'EnableDpd',
  'EnableNatTraversal',
  'RemoteCaCertificate',
] as const;

/** Parameters a single-tunnel gateway refuses: they belong to dual-tunnel connections. */
export const DUAL_TUNNEL_PARAMS = [TUNNELS, 'EnableTunnelsBgp'] as const;

/**
 * The documented refusal of the other mode's parameters: the first one present is named in an
 * `InvalidParameter` (the API reference lists which parameters each mode takes but no dedicated
 * code; see the package README).
 */
export function refuseOtherMode(params: Params, dualTunnel: boolean): void {
  const foreign: readonly string[] = dualTunnel ? SINGLE_TUNNEL_PARAMS : DUAL_TUNNEL_PARAMS;
  const given = foreign.find((name) => params.hasTree(name));
  if (given !== undefined) throw apiErrors.invalidParameter(given);
}

/** The public IP a tunnel uses: tunnel 1 the gateway's InternetIp, tunnel 2 its second IP. */
export function tunnelInternetIp(gateway: Gateway, index: number): string {
  return index === 1 ? gateway.InternetIp : gateway.DisasterRecoveryInternetIp;
}

const IKE_FIELDS = [
  'IkeVersion',
  'IkeMode',
  'IkeEncAlg',
  'IkeAuthAlg',
  'IkePfs',
  'IkeLifetime',
  'LocalId',
  'RemoteId',
  'Psk',
] as const;
const IPSEC_FIELDS = ['IpsecEncAlg', 'IpsecAuthAlg', 'IpsecPfs', 'IpsecLifetime'] as const;

function nested(spec: Params, group: string, fields: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const field of fields) {
    const value = spec.str(`${group}.${field}`);
    if (value !== undefined) out[field] = value;
  }
  return out;
}

export interface TunnelPlace {
  gateway: Gateway;
  index: number;
  /** Tunnel CIDRs other tunnels and connections of the gateway already use for BGP. */
  cidrsInUse: ReadonlySet<string>;
  /** Whether BGP is on for the connection's tunnels (`EnableTunnelsBgp`). */
  bgp: boolean;
  /** Creating (defaults apply, `CustomerGatewayId` and `Role` required) or changing `base`. */
  base: Tunnel | undefined;
}

/**
 * One tunnel from its parameters (a `sub` view: `CustomerGatewayId`, `Role`,
 * `TunnelIkeConfig.IkeEncAlg`, …), merged over `base` when changing a tunnel.
 */
export function resolveTunnel(
  ctx: OperationContext,
  spec: Params,
  place: TunnelPlace,
  options: { acceptsRole: boolean },
): Omit<Tunnel, 'TunnelId' | 'NegotiationStartsAt'> {
  const { gateway, index, base } = place;
  const kind: GatewayKind = gatewayKind(gateway);
  const cgwId = spec.str('CustomerGatewayId') ?? base?.CustomerGatewayId;
  if (cgwId === undefined) throw apiErrors.missingParameter(spec.label('CustomerGatewayId'));
  const cgw = findCustomerGateway(ctx, cgwId);
  const role =
    (options.acceptsRole ? spec.oneOf('Role', ['master', 'slave']) : undefined) ?? base?.Role;
  if (role === undefined) throw apiErrors.missingParameter(spec.label('Role'));

  const ikeInput = ikeConfigInputSchema.safeParse(nested(spec, 'TunnelIkeConfig', IKE_FIELDS));
  if (!ikeInput.success) throw apiErrors.invalidParameter(spec.label('TunnelIkeConfig'));
  const ikePrefix = spec.label('TunnelIkeConfig');
  const ike = resolveIkeConfig(
    ikeInput.data,
    base?.IkeConfig ?? connectionIkeDefaults(kind, tunnelInternetIp(gateway, index), cgw.IpAddress),
    kind,
    ikePrefix,
  );
  const psk =
    ikeInput.data.Psk === undefined
      ? (base?.Psk ?? randomPsk())
      : checkPsk(ikeInput.data.Psk, `${ikePrefix}.Psk`);
  const ipsecInput = ipsecConfigInputSchema.safeParse(
    nested(spec, 'TunnelIpsecConfig', IPSEC_FIELDS),
  );
  if (!ipsecInput.success) throw apiErrors.invalidParameter(spec.label('TunnelIpsecConfig'));
  const ipsecPrefix = spec.label('TunnelIpsecConfig');
  const ipsec = resolveIpsecConfig(
    ipsecInput.data,
    base?.IpsecConfig ?? connectionIpsecDefaults(kind),
    kind,
    () => apiErrors.invalidParameter(`${ipsecPrefix}.IpsecPfs`),
    ipsecPrefix,
  );

  const asnName = spec.label('TunnelBgpConfig.LocalAsn');
  const givenAsn = spec.int('TunnelBgpConfig.LocalAsn', 1, 4294967295);
  if (place.bgp && givenAsn === undefined && base === undefined) {
    throw apiErrors.missingParameter(asnName);
  }
  const bgp = {
    LocalAsn: checkLocalAsn(givenAsn ?? base?.Bgp.LocalAsn ?? 45104, asnName),
    TunnelCidr: spec.str('TunnelBgpConfig.TunnelCidr') ?? base?.Bgp.TunnelCidr ?? '',
    LocalBgpIp: spec.str('TunnelBgpConfig.LocalBgpIp') ?? base?.Bgp.LocalBgpIp ?? '',
  };
  if (place.bgp) {
    const names = {
      cidr: spec.label('TunnelBgpConfig.TunnelCidr'),
      ip: spec.label('TunnelBgpConfig.LocalBgpIp'),
    };
    if (bgp.TunnelCidr === '') throw apiErrors.missingParameter(names.cidr);
    if (bgp.LocalBgpIp === '') throw apiErrors.missingParameter(names.ip);
    checkTunnelAddresses(bgp.TunnelCidr, bgp.LocalBgpIp, names);
    if (place.cidrsInUse.has(bgp.TunnelCidr)) throw apiErrors.invalidParameter(names.cidr);
  }

  return {
    TunnelIndex: index,
    Role: role,
    CustomerGatewayId: cgw.CustomerGatewayId,
    ZoneNo: gateway.TunnelZones[index - 1] ?? '',
    EnableDpd: spec.bool('EnableDpd') ?? base?.EnableDpd ?? true,
    EnableNatTraversal: spec.bool('EnableNatTraversal') ?? base?.EnableNatTraversal ?? true,
    RemoteCaCertificate: checkCa(
      spec.str('RemoteCaCertificate'),
      kind,
      base?.RemoteCaCertificate,
      spec.label('RemoteCaCertificate'),
    ),
    IkeConfig: ike,
    Psk: psk,
    IpsecConfig: ipsec,
    Bgp: bgp,
  };
}

/** A dual-tunnel connection has one master and one slave tunnel. */
export function checkRoles(tunnels: ReadonlyArray<Pick<Tunnel, 'Role'>>): void {
  const roles = tunnels.map((t) => t.Role).sort();
  if (roles.length !== 2 || roles[0] !== 'master' || roles[1] !== 'slave') {
    throw apiErrors.invalidParameter(`${TUNNELS}.N.Role`);
  }
}

/** The two tunnels of a new dual-tunnel connection, from `TunnelOptionsSpecification.1/2.*`. */
export function createTunnels(
  ctx: OperationContext,
  gateway: Gateway,
  bgp: boolean,
): Array<Omit<Tunnel, 'NegotiationStartsAt'>> {
  const p = ctx.params;
  const indices = p.indices(TUNNELS);
  if (indices.length === 0) throw apiErrors.missingParameter(TUNNELS);
  if (indices.length !== 2 || indices[0] !== 1 || indices[1] !== 2) {
    throw apiErrors.invalidParameter(TUNNELS);
  }
  const used = new Set(tunnelCidrsInUse(ctx.state, gateway.VpnGatewayId));
  const tunnels = indices.map((index) => {
    const tunnel = resolveTunnel(
      ctx,
      p.sub(`${TUNNELS}.${index}.`),
      { gateway, index, cidrsInUse: used, bgp, base: undefined },
      { acceptsRole: true },
    );
    if (bgp) used.add(tunnel.Bgp.TunnelCidr);
    return tunnel;
  });
  checkRoles(tunnels);
  return tunnels.map((t) => ({ ...t, TunnelId: nextResourceId(ctx.state, 'tun', ctx.regionId) }));
}

/**
 * ModifyVpnConnectionAttribute's `TunnelOptionsSpecification.N.*` on a dual-tunnel connection:
 * each entry names its tunnel with `TunnelId`. Returns the tunnels after the change and which of
 * them changed.
 */
export function modifyTunnels(
  ctx: OperationContext,
  conn: Connection,
  gateway: Gateway,
  bgp: boolean,
): { tunnels: Tunnel[]; changed: Set<string> } {
  const p = ctx.params;
  const specs = new Map<string, Params>();
  for (const n of p.indices(TUNNELS)) {
    const spec = p.sub(`${TUNNELS}.${n}.`);
    const id = spec.required('TunnelId');
    if (!conn.Tunnels.some((t) => t.TunnelId === id) || specs.has(id)) {
      throw apiErrors.invalidParameter(spec.label('TunnelId'));
    }
    specs.set(id, spec);
  }
  const used = new Set(tunnelCidrsInUse(ctx.state, gateway.VpnGatewayId, conn.VpnConnectionId));
  const changed = new Set<string>();
  const tunnels = conn.Tunnels.map((base) => {
    const spec = specs.get(base.TunnelId);
    const bgpTurnedOn = bgp && !conn.EnableTunnelsBgp;
    if (spec === undefined && !bgpTurnedOn) {
      if (bgp) used.add(base.Bgp.TunnelCidr);
      return base;
    }
    const next = resolveTunnel(
      ctx,
      spec ?? new Params(new Map(), `${TUNNELS}.${base.TunnelIndex}.`),
      { gateway, index: base.TunnelIndex, cidrsInUse: used, bgp, base },
      { acceptsRole: true },
    );
    if (bgp) used.add(next.Bgp.TunnelCidr);
    changed.add(base.TunnelId);
    return { ...base, ...next };
  });
  checkRoles(tunnels);
  return { tunnels, changed };
}

/** A connection's status from its tunnels: up when either carries traffic, else the master's. */
export function connectionStatusOfTunnels(
  statuses: ReadonlyArray<{ role: string; status: NegotiationStatus }>,
): NegotiationStatus {
  if (statuses.some((s) => s.status === 'ipsec_sa_established')) return 'ipsec_sa_established';
  return statuses.find((s) => s.role === 'master')?.status ?? 'ike_sa_not_established';
}

export function tunnelStatus(
  ctx: OperationContext,
  tunnel: Tunnel,
  gatewayId: string,
): NegotiationStatus {
  const gateway = ctx.state.gateways.find((g) => g.VpnGatewayId === gatewayId);
  const cgw = ctx.state.customerGateways.find(
    (c) => c.CustomerGatewayId === tunnel.CustomerGatewayId,
  );
  return negotiationStatus(tunnel, gateway, cgw?.Peer, ctx.now, ctx.negotiationMs);
}

/**
 * One tunnel on the wire. `described` (DescribeVpnConnection(s)): numbers and booleans as strings,
 * with `TunnelIndex` and `Status`; `echoed` (ModifyVpnConnectionAttribute, ModifyTunnelAttribute):
 * typed numbers and booleans, no negotiation status (the SDK's response models).
 */
export function tunnelWire(
  ctx: OperationContext,
  conn: Connection,
  tunnel: Tunnel,
  style: 'described' | 'echoed',
): WireObject {
  const gateway = ctx.state.gateways.find((g) => g.VpnGatewayId === conn.VpnGatewayId);
  const cgw = ctx.state.customerGateways.find(
    (c) => c.CustomerGatewayId === tunnel.CustomerGatewayId,
  );
  const status = tunnelStatus(ctx, tunnel, conn.VpnGatewayId);
  const described = style === 'described';
  const text = (v: number | boolean) => (described ? String(v) : v);
  const bgpOn = conn.EnableTunnelsBgp;
  const common: WireObject = {
    TunnelId: tunnel.TunnelId,
    Role: tunnel.Role,
    State: lifecycleState(tunnel, ctx.now),
    CustomerGatewayId: tunnel.CustomerGatewayId,
    InternetIp: gateway === undefined ? '' : tunnelInternetIp(gateway, tunnel.TunnelIndex),
    ZoneNo: tunnel.ZoneNo,
    EnableDpd: text(tunnel.EnableDpd),
    EnableNatTraversal: text(tunnel.EnableNatTraversal),
    RemoteCaCertificate: tunnel.RemoteCaCertificate,
    TunnelIkeConfig: {
      ...tunnel.IkeConfig,
      IkeLifetime: text(tunnel.IkeConfig.IkeLifetime),
      Psk: tunnel.Psk,
    },
    TunnelIpsecConfig: {
      ...tunnel.IpsecConfig,
      IpsecLifetime: text(tunnel.IpsecConfig.IpsecLifetime),
    },
  };
  const bgp = {
    LocalAsn: bgpOn ? text(tunnel.Bgp.LocalAsn) : '',
    PeerAsn: bgpOn && cgw?.Asn !== undefined ? text(cgw.Asn) : '',
    LocalBgpIp: bgpOn ? tunnel.Bgp.LocalBgpIp : '',
    PeerBgpIp: bgpOn ? peerBgpIp(tunnel.Bgp.TunnelCidr, tunnel.Bgp.LocalBgpIp) : '',
    TunnelCidr: bgpOn ? tunnel.Bgp.TunnelCidr : '',
  };
  if (described) {
    return {
      ...common,
      TunnelIndex: tunnel.TunnelIndex,
      Status: status,
      TunnelBgpConfig: { ...bgp, BgpStatus: probeStatus(bgpOn, status) },
    };
  }
  return { ...common, TunnelBgpConfig: { ...bgp, EnableBgp: bgpOn } };
}
