/**
 * IPsec-VPN connection actions: the parameters each accepts, the order of its checks and what it
 * changes, in both modes: single-tunnel (a gateway without a second IP) and dual-tunnel (the
 * tunnels' rules in `tunnels.ts`). The settings' rules are in `vpn-connection-rules.ts`, the
 * answer's shape in `vpn-connection-wire.ts`, the negotiation with the peer in `../negotiation.ts`.
 */
import { apiErrors } from '../errors';
import {
  checkPsk,
  connectionIkeDefaults,
  connectionIpsecDefaults,
  ikeConfigInputSchema,
  ipsecConfigInputSchema,
  isValidName,
  randomPsk,
  resolveIkeConfig,
  resolveIpsecConfig,
} from '../rules';
import { nextResourceId, type Connection, type Gateway, type Tunnel } from '../state';
import {
  assertWritable,
  byNewest,
  findGateway,
  gatewayKind,
  isDualTunnel,
  markUpdating,
  matchesTags,
  paginate,
  type Operation,
  type OperationContext,
} from './context';
import { findCustomerGateway } from './customer-gateways';
import {
  createTunnels,
  modifyTunnels,
  refuseOtherMode,
  resolveTunnel,
  TUNNELS,
  tunnelWire,
} from './tunnels';
import {
  checkCa,
  checkRouteQuotas,
  resolveBgp,
  resolveHealth,
  subnets,
  tunnelCidrsInUse,
} from './vpn-connection-rules';
import { connectionWire, modifiedConnectionWire } from './vpn-connection-wire';

/** A connection uses a customer gateway directly (single-tunnel) or through one of its tunnels. */
export function usesCustomerGateway(conn: Connection, customerGatewayId: string): boolean {
  return (
    conn.CustomerGatewayId === customerGatewayId ||
    conn.Tunnels.some((t) => t.CustomerGatewayId === customerGatewayId)
  );
}

export function findConnection(ctx: OperationContext, id: string): Connection {
  const conn = ctx.state.connections.find(
    (c) => c.VpnConnectionId === id && c.RegionId === ctx.regionId,
  );
  if (conn === undefined) throw apiErrors.connectionNotFound();
  return conn;
}

/** What both modes check first: the subnets (required), the gateway writable, the name. */
function commonCreateFields(ctx: OperationContext, gateway: Gateway) {
  const p = ctx.params;
  const localText = p.required('LocalSubnet');
  const remoteText = p.required('RemoteSubnet');
  assertWritable(ctx, gateway);
  const name = p.str('Name') ?? '';
  if (name !== '' && !isValidName(name)) throw apiErrors.invalidName();
  return {
    name,
    local: subnets(localText, apiErrors.illegalLocalSubnet),
    remote: subnets(remoteText, apiErrors.illegalRemoteSubnet),
    autoRoute: p.bool('AutoConfigRoute') ?? true,
  };
}

/** The connection quota, one connection per customer gateway per VPN gateway, route quotas. */
function checkCreateQuotas(
  ctx: OperationContext,
  gateway: Gateway,
  customerGatewayIds: readonly string[],
  fields: { local: string[]; remote: string[]; autoRoute: boolean },
): void {
  const onGateway = ctx.state.connections.filter((c) => c.VpnGatewayId === gateway.VpnGatewayId);
  if (onGateway.some((c) => customerGatewayIds.some((id) => usesCustomerGateway(c, id))))
    throw apiErrors.connectionExists();
  if (onGateway.length >= gateway.ConnectionQuota) throw apiErrors.quotaFull();
  checkRouteQuotas(ctx, gateway, fields.local, fields.remote, fields.autoRoute);
}

const NO_HEALTH_CHECK: Connection['HealthCheck'] = {
  Enable: false,
  Dip: '',
  Sip: '',
  Interval: 3,
  Retry: 3,
};
const NO_BGP: Connection['Bgp'] = {
  EnableBgp: false,
  LocalAsn: 45104,
  TunnelCidr: '',
  LocalBgpIp: '',
};

function createSingleTunnel(ctx: OperationContext, gateway: Gateway): Connection {
  const p = ctx.params;
  const cgw = findCustomerGateway(ctx, p.required('CustomerGatewayId'));
  const fields = commonCreateFields(ctx, gateway);
  const kind = gatewayKind(gateway);
  const ikeInput = p.json('IkeConfig', ikeConfigInputSchema);
  const ike = resolveIkeConfig(
    ikeInput,
    connectionIkeDefaults(kind, gateway.InternetIp, cgw.IpAddress),
    kind,
  );
  const ipsec = resolveIpsecConfig(
    p.json('IpsecConfig', ipsecConfigInputSchema),
    connectionIpsecDefaults(kind),
    kind,
  );
  const psk =
    ikeInput?.Psk === undefined
      ? kind === 'sm'
        ? ''
        : randomPsk()
      : checkPsk(ikeInput.Psk, 'IkeConfig.Psk');
  const ca = checkCa(p.str('RemoteCaCertificate'), kind, undefined);
  const bgp = resolveBgp(ctx, gateway, NO_BGP);
  const health = resolveHealth(ctx, NO_HEALTH_CHECK);
  checkCreateQuotas(ctx, gateway, [cgw.CustomerGatewayId], fields);
  const effectImmediately = p.bool('EffectImmediately') ?? false;
  const enableDpd = p.bool('EnableDpd') ?? true;
  const enableNat = p.bool('EnableNatTraversal') ?? true;
  ctx.commit();
  return {
    VpnConnectionId: nextResourceId(ctx.state, 'vco', ctx.regionId),
    RegionId: ctx.regionId,
    VpnGatewayId: gateway.VpnGatewayId,
    CustomerGatewayId: cgw.CustomerGatewayId,
    Name: fields.name,
    LocalSubnet: fields.local.join(','),
    RemoteSubnet: fields.remote.join(','),
    EffectImmediately: effectImmediately,
    AutoConfigRoute: fields.autoRoute,
    EnableDpd: enableDpd,
    EnableNatTraversal: enableNat,
    RemoteCaCertificate: ca,
    CreateTime: ctx.now,
    IkeConfig: ike,
    Psk: psk,
    IpsecConfig: ipsec,
    HealthCheck: health,
    Bgp: bgp,
    ResourceGroupId: p.str('ResourceGroupId') ?? gateway.ResourceGroupId,
    Tags: p.tags('Tags'),
    NegotiationStartsAt: ctx.now + ctx.updatingMs,
    Tunnels: [],
    EnableTunnelsBgp: false,
  };
}

function createDualTunnel(ctx: OperationContext, gateway: Gateway): Connection {
  const p = ctx.params;
  const fields = commonCreateFields(ctx, gateway);
  const bgp = p.bool('EnableTunnelsBgp') ?? false;
  const specs = createTunnels(ctx, gateway, bgp);
  checkCreateQuotas(
    ctx,
    gateway,
    specs.map((t) => t.CustomerGatewayId),
    fields,
  );
  const effectImmediately = p.bool('EffectImmediately') ?? false;
  ctx.commit();
  const startsAt = ctx.now + ctx.updatingMs;
  const tunnels: Tunnel[] = specs.map((t) => ({ ...t, NegotiationStartsAt: startsAt }));
  const master = tunnels.find((t) => t.Role === 'master') ?? tunnels[0];
  if (master === undefined) throw apiErrors.missingParameter('TunnelOptionsSpecification');
  return {
    VpnConnectionId: nextResourceId(ctx.state, 'vco', ctx.regionId),
    RegionId: ctx.regionId,
    VpnGatewayId: gateway.VpnGatewayId,
    // A dual-tunnel connection's peers are its tunnels' customer gateways.
    CustomerGatewayId: '',
    Name: fields.name,
    LocalSubnet: fields.local.join(','),
    RemoteSubnet: fields.remote.join(','),
    EffectImmediately: effectImmediately,
    AutoConfigRoute: fields.autoRoute,
    EnableDpd: true,
    EnableNatTraversal: true,
    RemoteCaCertificate: '',
    CreateTime: ctx.now,
    IkeConfig: master.IkeConfig,
    Psk: '',
    IpsecConfig: master.IpsecConfig,
    HealthCheck: NO_HEALTH_CHECK,
    Bgp: NO_BGP,
    ResourceGroupId: p.str('ResourceGroupId') ?? gateway.ResourceGroupId,
    Tags: p.tags('Tags'),
    NegotiationStartsAt: startsAt,
    Tunnels: tunnels,
    EnableTunnelsBgp: bgp,
  };
}

export const createVpnConnection: Operation = {
  write: true,
  run(ctx) {
    const gateway = findGateway(ctx, ctx.params.required('VpnGatewayId'));
    const dual = isDualTunnel(gateway);
    refuseOtherMode(ctx.params, dual);
    const conn = dual ? createDualTunnel(ctx, gateway) : createSingleTunnel(ctx, gateway);
    ctx.state.connections.push(conn);
    markUpdating(ctx, gateway);
    return { VpnConnectionId: conn.VpnConnectionId, Name: conn.Name, CreateTime: conn.CreateTime };
  },
};

/** Connection-level parameters whose change renegotiates (every tunnel, on a dual-tunnel one). */
const CONNECTION_CONFIG_PARAMS = [
  'LocalSubnet',
  'RemoteSubnet',
  'EffectImmediately',
  'AutoConfigRoute',
];
const SINGLE_TUNNEL_CONFIG_PARAMS = [
  ...CONNECTION_CONFIG_PARAMS,
  'IkeConfig',
  'IpsecConfig',
  'HealthCheckConfig',
  'BgpConfig',
  'EnableDpd',
  'EnableNatTraversal',
  'RemoteCaCertificate',
];

/** What both modes change the same way: name, subnets (with route quotas), route and timing flags. */
function commonModifyFields(ctx: OperationContext, conn: Connection, gateway: Gateway) {
  const p = ctx.params;
  const name = p.str('Name');
  if (name !== undefined && !isValidName(name)) throw apiErrors.invalidName();
  const local = subnets(p.str('LocalSubnet') ?? conn.LocalSubnet, apiErrors.illegalLocalSubnet);
  const remote = subnets(p.str('RemoteSubnet') ?? conn.RemoteSubnet, apiErrors.illegalRemoteSubnet);
  const autoRoute = p.bool('AutoConfigRoute') ?? conn.AutoConfigRoute;
  return {
    Name: name ?? conn.Name,
    LocalSubnet: local.join(','),
    RemoteSubnet: remote.join(','),
    AutoConfigRoute: autoRoute,
    EffectImmediately: p.bool('EffectImmediately') ?? conn.EffectImmediately,
    check: () => {
      checkRouteQuotas(ctx, gateway, local, remote, autoRoute, conn.VpnConnectionId);
    },
  };
}

function modifySingleTunnel(ctx: OperationContext, conn: Connection, gateway: Gateway): void {
  const p = ctx.params;
  // The customer gateway must still exist (InvalidCustomerGatewayInstanceId.NotFound otherwise).
  findCustomerGateway(ctx, conn.CustomerGatewayId);
  assertWritable(ctx, gateway);
  const { check, ...common } = commonModifyFields(ctx, conn, gateway);
  const kind = gatewayKind(gateway);
  const ikeInput = p.json('IkeConfig', ikeConfigInputSchema);
  const ike = resolveIkeConfig(ikeInput, conn.IkeConfig, kind);
  const ipsec = resolveIpsecConfig(
    p.json('IpsecConfig', ipsecConfigInputSchema),
    conn.IpsecConfig,
    kind,
  );
  const psk = ikeInput?.Psk === undefined ? conn.Psk : checkPsk(ikeInput.Psk, 'IkeConfig.Psk');
  const ca = checkCa(p.str('RemoteCaCertificate'), kind, conn.RemoteCaCertificate);
  const bgp = resolveBgp(ctx, gateway, conn.Bgp, conn.VpnConnectionId);
  const health = resolveHealth(ctx, conn.HealthCheck);
  check();
  const enableDpd = p.bool('EnableDpd') ?? conn.EnableDpd;
  const enableNat = p.bool('EnableNatTraversal') ?? conn.EnableNatTraversal;
  ctx.commit();
  Object.assign(conn, {
    ...common,
    IkeConfig: ike,
    IpsecConfig: ipsec,
    Psk: psk,
    RemoteCaCertificate: ca,
    Bgp: bgp,
    HealthCheck: health,
    EnableDpd: enableDpd,
    EnableNatTraversal: enableNat,
  });
  if (SINGLE_TUNNEL_CONFIG_PARAMS.some((k) => p.has(k))) {
    markUpdating(ctx, gateway);
    conn.NegotiationStartsAt = ctx.now + ctx.updatingMs;
  }
}

function modifyDualTunnel(ctx: OperationContext, conn: Connection, gateway: Gateway): void {
  const p = ctx.params;
  assertWritable(ctx, gateway);
  const { check, ...common } = commonModifyFields(ctx, conn, gateway);
  const bgp = p.bool('EnableTunnelsBgp') ?? conn.EnableTunnelsBgp;
  const { tunnels, changed } = modifyTunnels(ctx, conn, gateway, bgp);
  check();
  ctx.commit();
  const everyTunnel =
    CONNECTION_CONFIG_PARAMS.some((k) => p.has(k)) || bgp !== conn.EnableTunnelsBgp;
  const startsAt = ctx.now + ctx.updatingMs;
  Object.assign(conn, {
    ...common,
    EnableTunnelsBgp: bgp,
    Tunnels: tunnels.map((t) =>
      everyTunnel || changed.has(t.TunnelId) ? { ...t, NegotiationStartsAt: startsAt } : t,
    ),
  });
  if (everyTunnel || changed.size > 0) {
    markUpdating(ctx, gateway);
    conn.NegotiationStartsAt = startsAt;
  }
}

export const modifyVpnConnectionAttribute: Operation = {
  write: true,
  run(ctx) {
    const conn = findConnection(ctx, ctx.params.required('VpnConnectionId'));
    const gateway = findGateway(ctx, conn.VpnGatewayId);
    const dual = conn.Tunnels.length > 0;
    refuseOtherMode(ctx.params, dual);
    if (dual) modifyDualTunnel(ctx, conn, gateway);
    else modifySingleTunnel(ctx, conn, gateway);
    return modifiedConnectionWire(conn, ctx);
  },
};

/**
 * ModifyTunnelAttribute: one tunnel of a dual-tunnel connection, its settings under
 * `TunnelOptionsSpecification.*` (one object, not a list; its role is not among them). A
 * `TunnelId` that is not one of the connection's tunnels is refused as `InvalidParameter`.
 */
export const modifyTunnelAttribute: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const conn = findConnection(ctx, p.required('VpnConnectionId'));
    const tunnelId = p.required('TunnelId');
    const base = conn.Tunnels.find((t) => t.TunnelId === tunnelId);
    if (base === undefined) throw apiErrors.invalidParameter('TunnelId');
    const gateway = findGateway(ctx, conn.VpnGatewayId);
    assertWritable(ctx, gateway);
    const used = tunnelCidrsInUse(ctx.state, gateway.VpnGatewayId, conn.VpnConnectionId);
    for (const t of conn.Tunnels) {
      if (t !== base && conn.EnableTunnelsBgp) used.add(t.Bgp.TunnelCidr);
    }
    const next = resolveTunnel(
      ctx,
      p.sub(`${TUNNELS}.`),
      {
        gateway,
        index: base.TunnelIndex,
        cidrsInUse: used,
        bgp: conn.EnableTunnelsBgp,
        base,
      },
      { acceptsRole: false },
    );
    ctx.commit();
    const tunnel = { ...base, ...next };
    if (p.hasTree(TUNNELS)) {
      markUpdating(ctx, gateway);
      tunnel.NegotiationStartsAt = ctx.now + ctx.updatingMs;
      conn.NegotiationStartsAt = tunnel.NegotiationStartsAt;
    }
    conn.Tunnels = conn.Tunnels.map((t) => (t === base ? tunnel : t));
    return tunnelWire(ctx, conn, tunnel, 'echoed');
  },
};

export const describeVpnConnection: Operation = {
  write: false,
  run(ctx) {
    return connectionWire(findConnection(ctx, ctx.params.required('VpnConnectionId')), ctx);
  },
};

export const describeVpnConnections: Operation = {
  write: false,
  run(ctx) {
    const p = ctx.params;
    const gw = p.str('VpnGatewayId');
    const id = p.str('VpnConnectionId');
    const cgw = p.str('CustomerGatewayId');
    const group = p.str('ResourceGroupId');
    const all = ctx.state.connections
      .filter(
        (c) =>
          c.RegionId === ctx.regionId &&
          (gw === undefined || c.VpnGatewayId === gw) &&
          (id === undefined || c.VpnConnectionId === id) &&
          (cgw === undefined || usesCustomerGateway(c, cgw)) &&
          (group === undefined || c.ResourceGroupId === group) &&
          matchesTags(ctx, c.Tags),
      )
      .sort(byNewest);
    const page = paginate(ctx, all);
    return {
      VpnConnections: {
        VpnConnection: page.items.map((c) => {
          const { Tags, ...rest } = connectionWire(c, ctx);
          return { ...rest, Tag: Tags };
        }),
      },
      TotalCount: page.TotalCount,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
    };
  },
};

export const deleteVpnConnection: Operation = {
  write: true,
  run(ctx) {
    const conn = findConnection(ctx, ctx.params.required('VpnConnectionId'));
    const gateway = findGateway(ctx, conn.VpnGatewayId);
    assertWritable(ctx, gateway, { allowFinancialLocked: true });
    ctx.commit();
    ctx.state.connections = ctx.state.connections.filter((c) => c !== conn);
    markUpdating(ctx, gateway);
    return {};
  },
};
