import { z } from 'zod';
import { contains, intToIpv4, ipv4ToInt, isIpv4Address, parseCidr } from '@vpn-console/shared/cidr';
import { apiErrors } from '../errors';
import {
  checkPsk,
  ikeConfigInputSchema,
  ipsecConfigInputSchema,
  isValidName,
  parseCidrList,
  randomPsk,
  resolveIkeConfig,
  resolveIpsecConfig,
  type GatewayKind,
} from '../rules';
import {
  nextResourceId,
  type Connection,
  type CustomerGateway,
  type EmulatorState,
  type Gateway,
  type PeerProfile,
} from '../state';
import {
  assertWritable,
  byNewest,
  findGateway,
  gatewayKind,
  markUpdating,
  matchesTags,
  paginate,
  tagsWire,
  type Operation,
  type OperationContext,
  type WireObject,
} from './context';
import { findCustomerGateway } from './customer-gateways';

export type NegotiationStatus =
  | 'ike_sa_not_established'
  | 'ike_sa_established'
  | 'ipsec_sa_not_established'
  | 'ipsec_sa_established';

function phase1Accepted(conn: Connection, peer: PeerProfile): boolean {
  const ike = conn.IkeConfig;
  return (
    peer.ikeVersions.includes(ike.IkeVersion) &&
    peer.ikeModes.includes(ike.IkeMode) &&
    peer.ikeEncAlgs.includes(ike.IkeEncAlg) &&
    peer.ikeAuthAlgs.includes(ike.IkeAuthAlg) &&
    peer.ikePfs.includes(ike.IkePfs) &&
    (peer.psk === undefined || peer.psk === conn.Psk)
  );
}

function phase2Accepted(conn: Connection, peer: PeerProfile): boolean {
  const ipsec = conn.IpsecConfig;
  return (
    peer.stallPhase2 !== true &&
    peer.ipsecEncAlgs.includes(ipsec.IpsecEncAlg) &&
    peer.ipsecAuthAlgs.includes(ipsec.IpsecAuthAlg) &&
    peer.ipsecPfs.includes(ipsec.IpsecPfs)
  );
}

/**
 * Negotiation status at `now`: nothing before the change has landed, phase 1 after half of
 * `negotiationMs`, the final state (what the simulated peer accepts) after `negotiationMs`.
 */
export function negotiationStatus(
  conn: Connection,
  gateway: Gateway | undefined,
  cgw: CustomerGateway | undefined,
  now: number,
  negotiationMs: number,
): NegotiationStatus {
  if (gateway === undefined || cgw === undefined || gateway.BusinessStatus === 'FinancialLocked') {
    return 'ike_sa_not_established';
  }
  const elapsed = now - conn.NegotiationStartsAt;
  if (elapsed < negotiationMs / 2) return 'ike_sa_not_established';
  if (!phase1Accepted(conn, cgw.Peer)) return 'ike_sa_not_established';
  if (elapsed < negotiationMs || cgw.Peer.stallPhase2 === true) return 'ike_sa_established';
  return phase2Accepted(conn, cgw.Peer) ? 'ipsec_sa_established' : 'ipsec_sa_not_established';
}

function connectionWire(conn: Connection, ctx: OperationContext): WireObject {
  const gateway = ctx.state.gateways.find((g) => g.VpnGatewayId === conn.VpnGatewayId);
  const cgw = ctx.state.customerGateways.find(
    (c) => c.CustomerGatewayId === conn.CustomerGatewayId,
  );
  const status = negotiationStatus(conn, gateway, cgw, ctx.now, ctx.negotiationMs);
  const bgpPeerIp = peerBgpIp(conn.Bgp.TunnelCidr, conn.Bgp.LocalBgpIp);
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
    State: ctx.now < conn.NegotiationStartsAt ? 'updating' : 'active',
    IkeConfig: { ...conn.IkeConfig, Psk: conn.Psk },
    IpsecConfig: { ...conn.IpsecConfig },
    VcoHealthCheck: {
      Enable: String(conn.HealthCheck.Enable),
      Dip: conn.HealthCheck.Dip,
      Sip: conn.HealthCheck.Sip,
      Interval: conn.HealthCheck.Interval,
      Retry: conn.HealthCheck.Retry,
      Policy: 'revoke_route',
      Status: conn.HealthCheck.Enable
        ? status === 'ipsec_sa_established'
          ? 'success'
          : 'failed'
        : '',
    },
    VpnBgpConfig: {
      EnableBgp: String(conn.Bgp.EnableBgp),
      LocalAsn: conn.Bgp.LocalAsn,
      PeerAsn: cgw?.Asn ?? 0,
      LocalBgpIp: conn.Bgp.LocalBgpIp,
      PeerBgpIp: bgpPeerIp,
      TunnelCidr: conn.Bgp.TunnelCidr,
      AuthKey: cgw?.AuthKey ?? '',
      Status: conn.Bgp.EnableBgp ? (status === 'ipsec_sa_established' ? 'success' : 'failed') : '',
    },
    Tags: tagsWire(conn.Tags),
  };
}

/** The other usable address of a /30 tunnel CIDR. */
function peerBgpIp(tunnelCidr: string, localIp: string): string {
  const cidr = parseCidr(tunnelCidr);
  const local = ipv4ToInt(localIp);
  if (cidr === undefined || local === undefined) return '';
  const first = cidr.network + 1;
  return intToIpv4(local === first ? first + 1 : first);
}

const bgpInputSchema = z.object({
  EnableBgp: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional(),
  LocalAsn: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  TunnelCidr: z.string().optional(),
  LocalBgpIp: z.string().optional(),
});

const healthInputSchema = z.object({
  enable: z
    .union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')])
    .optional(),
  dip: z.string().optional(),
  sip: z.string().optional(),
  interval: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  retry: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});

const RESERVED_TUNNEL_CIDRS = [
  '169.254.0.0/30',
  '169.254.1.0/30',
  '169.254.2.0/30',
  '169.254.3.0/30',
  '169.254.4.0/30',
  '169.254.5.0/30',
  '169.254.6.0/30',
  '169.254.169.252/30',
];

function resolveBgp(
  ctx: OperationContext,
  gateway: Gateway,
  base: Connection['Bgp'],
  self?: string,
): Connection['Bgp'] {
  const input = ctx.params.json('BgpConfig', bgpInputSchema);
  const bgp = {
    EnableBgp: input?.EnableBgp ?? base.EnableBgp,
    LocalAsn: input?.LocalAsn ?? base.LocalAsn,
    TunnelCidr: input?.TunnelCidr ?? base.TunnelCidr,
    LocalBgpIp: input?.LocalBgpIp ?? base.LocalBgpIp,
  };
  if (!Number.isInteger(bgp.LocalAsn) || bgp.LocalAsn < 1 || bgp.LocalAsn > 4294967295) {
    throw apiErrors.invalidParameter('BgpConfig.LocalAsn');
  }
  if (!bgp.EnableBgp) return bgp;
  const cidr = parseCidr(bgp.TunnelCidr);
  if (
    cidr === undefined ||
    cidr.prefix !== 30 ||
    cidr.text !== `${intToIpv4(cidr.network)}/30` ||
    !contains('169.254.0.0/16', bgp.TunnelCidr) ||
    RESERVED_TUNNEL_CIDRS.includes(bgp.TunnelCidr)
  ) {
    throw apiErrors.invalidParameter('BgpConfig.TunnelCidr');
  }
  if (!isIpv4Address(bgp.LocalBgpIp) || !contains(bgp.TunnelCidr, bgp.LocalBgpIp)) {
    throw apiErrors.invalidParameter('BgpConfig.LocalBgpIp');
  }
  const clash = ctx.state.connections.some(
    (c) =>
      c.VpnGatewayId === gateway.VpnGatewayId &&
      c.VpnConnectionId !== self &&
      c.Bgp.EnableBgp &&
      c.Bgp.TunnelCidr === bgp.TunnelCidr,
  );
  if (clash) throw apiErrors.invalidParameter('BgpConfig.TunnelCidr');
  return bgp;
}

function resolveHealth(
  ctx: OperationContext,
  base: Connection['HealthCheck'],
): Connection['HealthCheck'] {
  const input = ctx.params.json('HealthCheckConfig', healthInputSchema);
  const health = {
    Enable: input?.enable ?? base.Enable,
    Dip: input?.dip ?? base.Dip,
    Sip: input?.sip ?? base.Sip,
    Interval: input?.interval ?? base.Interval,
    Retry: input?.retry ?? base.Retry,
  };
  if (health.Enable) {
    if (!isIpv4Address(health.Dip)) throw apiErrors.invalidParameter('HealthCheckConfig.dip');
    if (!isIpv4Address(health.Sip)) throw apiErrors.invalidParameter('HealthCheckConfig.sip');
  }
  if (!Number.isInteger(health.Interval) || health.Interval < 1) {
    throw apiErrors.invalidParameter('HealthCheckConfig.interval');
  }
  if (!Number.isInteger(health.Retry) || health.Retry < 1) {
    throw apiErrors.invalidParameter('HealthCheckConfig.retry');
  }
  return health;
}

function isDestinationRouting(local: readonly string[], remote: readonly string[]): boolean {
  return (
    local.length === 1 &&
    remote.length === 1 &&
    local[0] === '0.0.0.0/0' &&
    remote[0] === '0.0.0.0/0'
  );
}

function policyRoutes(local: readonly string[], remote: readonly string[]): number {
  return isDestinationRouting(local, remote) ? 0 : local.length * remote.length;
}

/** Route entries the gateway has in the VPC route table (connection remote subnets + client pools). */
export function routeEntries(
  state: EmulatorState,
  gatewayId: string,
  exceptConnection?: string,
): number {
  let n = 0;
  for (const c of state.connections) {
    if (
      c.VpnGatewayId !== gatewayId ||
      c.VpnConnectionId === exceptConnection ||
      !c.AutoConfigRoute
    )
      continue;
    const remote = c.RemoteSubnet.split(',');
    if (!isDestinationRouting(c.LocalSubnet.split(','), remote)) n += remote.length;
  }
  n += state.sslServers.filter((s) => s.VpnGatewayId === gatewayId).length;
  n += state.ipsecServers.filter((s) => s.VpnGatewayId === gatewayId).length;
  return n;
}

function checkRouteQuotas(
  ctx: OperationContext,
  gateway: Gateway,
  local: string[],
  remote: string[],
  autoRoute: boolean,
  self?: string,
): void {
  const existing = ctx.state.connections
    .filter((c) => c.VpnGatewayId === gateway.VpnGatewayId && c.VpnConnectionId !== self)
    .reduce((sum, c) => sum + policyRoutes(c.LocalSubnet.split(','), c.RemoteSubnet.split(',')), 0);
  const adding = policyRoutes(local, remote);
  if (existing + adding > gateway.PolicyRouteQuota) {
    throw apiErrors.policyRouteQuota(existing, adding, gateway.PolicyRouteQuota);
  }
  const routes = autoRoute && !isDestinationRouting(local, remote) ? remote.length : 0;
  if (routeEntries(ctx.state, gateway.VpnGatewayId, self) + routes > gateway.RouteEntryQuota) {
    throw apiErrors.routeQuota();
  }
}

function subnets(value: string, onError: (v: string) => Error): string[] {
  const list = parseCidrList(value);
  if (list === undefined) throw onError(value);
  return list;
}

function checkCa(ctx: OperationContext, kind: GatewayKind, current: string | undefined): string {
  const given = ctx.params.str('RemoteCaCertificate');
  const ca = given ?? current ?? '';
  if (kind === 'sm' && ca === '') throw apiErrors.missingParameter('RemoteCaCertificate');
  if (kind === 'standard' && ca !== '') throw apiErrors.invalidParameter('RemoteCaCertificate');
  // Seed 002: the peer's CA certificate, PEM as in its example ("-----BEGIN CERTIFICATE----- …").
  if (given !== undefined && !given.trimStart().startsWith('-----BEGIN CERTIFICATE-----')) {
    throw apiErrors.invalidParameter('RemoteCaCertificate');
  }
  return ca;
}

export function findConnection(ctx: OperationContext, id: string): Connection {
  const conn = ctx.state.connections.find(
    (c) => c.VpnConnectionId === id && c.RegionId === ctx.regionId,
  );
  if (conn === undefined) throw apiErrors.connectionNotFound();
  return conn;
}

export const createVpnConnection: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const gateway = findGateway(ctx, p.required('VpnGatewayId'));
    const cgw = findCustomerGateway(ctx, p.required('CustomerGatewayId'));
    const localText = p.required('LocalSubnet');
    const remoteText = p.required('RemoteSubnet');
    assertWritable(ctx, gateway);
    const name = p.str('Name') ?? '';
    if (name !== '' && !isValidName(name)) throw apiErrors.invalidName();
    const local = subnets(localText, apiErrors.illegalLocalSubnet);
    const remote = subnets(remoteText, apiErrors.illegalRemoteSubnet);
    const kind = gatewayKind(gateway);
    const ikeInput = p.json('IkeConfig', ikeConfigInputSchema);
    const ike = resolveIkeConfig(
      ikeInput,
      {
        IkeVersion: 'ikev1',
        IkeMode: 'main',
        IkeEncAlg: kind === 'sm' ? 'sm4' : 'aes',
        IkeAuthAlg: kind === 'sm' ? 'sm3' : 'md5',
        IkePfs: 'group2',
        IkeLifetime: 86400,
        LocalId: gateway.InternetIp,
        RemoteId: cgw.IpAddress,
      },
      kind,
    );
    const ipsec = resolveIpsecConfig(
      p.json('IpsecConfig', ipsecConfigInputSchema),
      {
        IpsecEncAlg: kind === 'sm' ? 'sm4' : 'aes',
        IpsecAuthAlg: kind === 'sm' ? 'sm3' : 'md5',
        IpsecPfs: 'group2',
        IpsecLifetime: 86400,
      },
      kind,
    );
    const psk =
      ikeInput?.Psk === undefined
        ? kind === 'sm'
          ? ''
          : randomPsk()
        : checkPsk(ikeInput.Psk, 'IkeConfig.Psk');
    const ca = checkCa(ctx, kind, undefined);
    const autoRoute = p.bool('AutoConfigRoute') ?? true;
    const bgp = resolveBgp(ctx, gateway, {
      EnableBgp: false,
      LocalAsn: 45104,
      TunnelCidr: '',
      LocalBgpIp: '',
    });
    const health = resolveHealth(ctx, { Enable: false, Dip: '', Sip: '', Interval: 3, Retry: 3 });
    const onGateway = ctx.state.connections.filter((c) => c.VpnGatewayId === gateway.VpnGatewayId);
    if (onGateway.some((c) => c.CustomerGatewayId === cgw.CustomerGatewayId))
      throw apiErrors.connectionExists();
    if (onGateway.length >= gateway.ConnectionQuota) throw apiErrors.quotaFull();
    checkRouteQuotas(ctx, gateway, local, remote, autoRoute);
    const effectImmediately = p.bool('EffectImmediately') ?? false;
    const enableDpd = p.bool('EnableDpd') ?? true;
    const enableNat = p.bool('EnableNatTraversal') ?? true;
    ctx.commit();
    const conn: Connection = {
      VpnConnectionId: nextResourceId(ctx.state, 'vco', ctx.regionId),
      RegionId: ctx.regionId,
      VpnGatewayId: gateway.VpnGatewayId,
      CustomerGatewayId: cgw.CustomerGatewayId,
      Name: name,
      LocalSubnet: local.join(','),
      RemoteSubnet: remote.join(','),
      EffectImmediately: effectImmediately,
      AutoConfigRoute: autoRoute,
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
    };
    ctx.state.connections.push(conn);
    markUpdating(ctx, gateway);
    return { VpnConnectionId: conn.VpnConnectionId, Name: conn.Name, CreateTime: conn.CreateTime };
  },
};

const CONFIG_PARAMS = [
  'LocalSubnet',
  'RemoteSubnet',
  'EffectImmediately',
  'AutoConfigRoute',
  'IkeConfig',
  'IpsecConfig',
  'HealthCheckConfig',
  'BgpConfig',
  'EnableDpd',
  'EnableNatTraversal',
  'RemoteCaCertificate',
];

export const modifyVpnConnectionAttribute: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const conn = findConnection(ctx, p.required('VpnConnectionId'));
    const gateway = findGateway(ctx, conn.VpnGatewayId);
    const cgw = findCustomerGateway(ctx, conn.CustomerGatewayId);
    assertWritable(ctx, gateway);
    const name = p.str('Name');
    if (name !== undefined && !isValidName(name)) throw apiErrors.invalidName();
    const local = subnets(p.str('LocalSubnet') ?? conn.LocalSubnet, apiErrors.illegalLocalSubnet);
    const remote = subnets(
      p.str('RemoteSubnet') ?? conn.RemoteSubnet,
      apiErrors.illegalRemoteSubnet,
    );
    const kind = gatewayKind(gateway);
    const ikeInput = p.json('IkeConfig', ikeConfigInputSchema);
    const ike = resolveIkeConfig(ikeInput, conn.IkeConfig, kind);
    const ipsec = resolveIpsecConfig(
      p.json('IpsecConfig', ipsecConfigInputSchema),
      conn.IpsecConfig,
      kind,
    );
    const psk = ikeInput?.Psk === undefined ? conn.Psk : checkPsk(ikeInput.Psk, 'IkeConfig.Psk');
    const ca = checkCa(ctx, kind, conn.RemoteCaCertificate);
    const autoRoute = p.bool('AutoConfigRoute') ?? conn.AutoConfigRoute;
    const bgp = resolveBgp(ctx, gateway, conn.Bgp, conn.VpnConnectionId);
    const health = resolveHealth(ctx, conn.HealthCheck);
    checkRouteQuotas(ctx, gateway, local, remote, autoRoute, conn.VpnConnectionId);
    const effectImmediately = p.bool('EffectImmediately') ?? conn.EffectImmediately;
    const enableDpd = p.bool('EnableDpd') ?? conn.EnableDpd;
    const enableNat = p.bool('EnableNatTraversal') ?? conn.EnableNatTraversal;
    ctx.commit();
    const configChanged = CONFIG_PARAMS.some((k) => p.has(k));
    Object.assign(conn, {
      Name: name ?? conn.Name,
      LocalSubnet: local.join(','),
      RemoteSubnet: remote.join(','),
      IkeConfig: ike,
      IpsecConfig: ipsec,
      Psk: psk,
      RemoteCaCertificate: ca,
      AutoConfigRoute: autoRoute,
      Bgp: bgp,
      HealthCheck: health,
      EffectImmediately: effectImmediately,
      EnableDpd: enableDpd,
      EnableNatTraversal: enableNat,
    });
    if (configChanged) {
      markUpdating(ctx, gateway);
      conn.NegotiationStartsAt = ctx.now + ctx.updatingMs;
    }
    const wire = connectionWire(conn, ctx);
    return {
      VpnConnectionId: wire.VpnConnectionId,
      VpnGatewayId: wire.VpnGatewayId,
      CustomerGatewayId: cgw.CustomerGatewayId,
      Name: wire.Name,
      Description: '',
      LocalSubnet: wire.LocalSubnet,
      RemoteSubnet: wire.RemoteSubnet,
      CreateTime: wire.CreateTime,
      EffectImmediately: wire.EffectImmediately,
      EnableDpd: wire.EnableDpd,
      EnableNatTraversal: wire.EnableNatTraversal,
      EnableTunnelsBgp: false,
      ResourceGroupId: wire.ResourceGroupId,
      IkeConfig: wire.IkeConfig,
      IpsecConfig: wire.IpsecConfig,
      VcoHealthCheck: wire.VcoHealthCheck,
      VpnBgpConfig: wire.VpnBgpConfig,
    };
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
          (cgw === undefined || c.CustomerGatewayId === cgw) &&
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
