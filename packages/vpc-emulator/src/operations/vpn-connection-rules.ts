import { z } from 'zod';
import { contains, intToIpv4, ipv4ToInt, isIpv4Address, parseCidr } from '@vpn-console/shared/cidr';
import { apiErrors } from '../errors';
import { parseCidrList, type GatewayKind } from '../rules';
import type { Connection, EmulatorState, Gateway } from '../state';
import type { OperationContext } from './context';

/**
 * The cloud's rules for IPsec-VPN connection settings that are not algorithms (those are in
 * `../rules.ts`): subnets and route quotas, BGP tunnel addresses, health checks, CA certificates.
 */

const flag = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const count = z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]);

export const bgpInputSchema = z.object({
  EnableBgp: flag.optional(),
  LocalAsn: count.optional(),
  TunnelCidr: z.string().optional(),
  LocalBgpIp: z.string().optional(),
});

export const healthInputSchema = z.object({
  enable: flag.optional(),
  dip: z.string().optional(),
  sip: z.string().optional(),
  interval: count.optional(),
  retry: count.optional(),
});

/** The seven reserved /30s at the start of 169.254.0.0/16 and 169.254.169.252/30 (reference §6.4). */
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

export function checkLocalAsn(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1 || value > 4294967295) {
    throw apiErrors.invalidParameter(name);
  }
  return value;
}

/** A BGP tunnel CIDR (a canonical /30 in 169.254/16, not reserved) and the local address in it. */
export function checkTunnelAddresses(
  tunnelCidr: string,
  localBgpIp: string,
  names: { cidr: string; ip: string },
): void {
  const cidr = parseCidr(tunnelCidr);
  if (
    cidr === undefined ||
    cidr.prefix !== 30 ||
    cidr.text !== `${intToIpv4(cidr.network)}/30` ||
    !contains('169.254.0.0/16', tunnelCidr) ||
    RESERVED_TUNNEL_CIDRS.includes(tunnelCidr)
  ) {
    throw apiErrors.invalidParameter(names.cidr);
  }
  if (!isIpv4Address(localBgpIp) || !contains(tunnelCidr, localBgpIp)) {
    throw apiErrors.invalidParameter(names.ip);
  }
}

/**
 * Tunnel CIDRs in BGP use on a gateway (single-tunnel connections and the tunnels of dual-tunnel
 * ones), leaving out connection `self`: a tunnel CIDR is unique per gateway (reference §6.4).
 */
export function tunnelCidrsInUse(
  state: EmulatorState,
  gatewayId: string,
  self?: string,
): Set<string> {
  const used = new Set<string>();
  for (const c of state.connections) {
    if (c.VpnGatewayId !== gatewayId || c.VpnConnectionId === self) continue;
    if (c.Bgp.EnableBgp) used.add(c.Bgp.TunnelCidr);
    if (c.EnableTunnelsBgp) for (const t of c.Tunnels) used.add(t.Bgp.TunnelCidr);
  }
  return used;
}

/** Single-tunnel `BgpConfig` merged over `base` and checked. */
export function resolveBgp(
  ctx: OperationContext,
  gateway: Gateway,
  base: Connection['Bgp'],
  self?: string,
): Connection['Bgp'] {
  const input = ctx.params.json('BgpConfig', bgpInputSchema);
  const bgp = {
    EnableBgp: input?.EnableBgp ?? base.EnableBgp,
    LocalAsn: checkLocalAsn(input?.LocalAsn ?? base.LocalAsn, 'BgpConfig.LocalAsn'),
    TunnelCidr: input?.TunnelCidr ?? base.TunnelCidr,
    LocalBgpIp: input?.LocalBgpIp ?? base.LocalBgpIp,
  };
  if (!bgp.EnableBgp) return bgp;
  checkTunnelAddresses(bgp.TunnelCidr, bgp.LocalBgpIp, {
    cidr: 'BgpConfig.TunnelCidr',
    ip: 'BgpConfig.LocalBgpIp',
  });
  if (tunnelCidrsInUse(ctx.state, gateway.VpnGatewayId, self).has(bgp.TunnelCidr)) {
    throw apiErrors.invalidParameter('BgpConfig.TunnelCidr');
  }
  return bgp;
}

/** Single-tunnel `HealthCheckConfig` merged over `base` and checked. */
export function resolveHealth(
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
  // The console documentation's ranges (重试间隔 1~60 秒, 重试次数 1~100).
  if (!Number.isInteger(health.Interval) || health.Interval < 1 || health.Interval > 60) {
    throw apiErrors.invalidParameter('HealthCheckConfig.interval');
  }
  if (!Number.isInteger(health.Retry) || health.Retry < 1 || health.Retry > 100) {
    throw apiErrors.invalidParameter('HealthCheckConfig.retry');
  }
  return health;
}

/** The other usable address of a /30 tunnel CIDR. */
export function peerBgpIp(tunnelCidr: string, localIp: string): string {
  const cidr = parseCidr(tunnelCidr);
  const local = ipv4ToInt(localIp);
  if (cidr === undefined || local === undefined) return '';
  const first = cidr.network + 1;
  return intToIpv4(local === first ? first + 1 : first);
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

export function checkRouteQuotas(
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

export function subnets(value: string, onError: (v: string) => Error): string[] {
  const list = parseCidrList(value);
  if (list === undefined) throw onError(value);
  return list;
}

/**
 * The peer's CA certificate: required on SM gateways, refused on standard ones, PEM as in seed 002's
 * example ("-----BEGIN CERTIFICATE----- …"). `given` is the parameter, `current` the stored value.
 */
export function checkCa(
  given: string | undefined,
  kind: GatewayKind,
  current: string | undefined,
  name = 'RemoteCaCertificate',
): string {
  const ca = given ?? current ?? '';
  if (kind === 'sm' && ca === '') throw apiErrors.missingParameter(name);
  if (kind === 'standard' && ca !== '') throw apiErrors.invalidParameter(name);
  if (given !== undefined && !given.trimStart().startsWith('-----BEGIN CERTIFICATE-----')) {
    throw apiErrors.invalidParameter(name);
  }
  return ca;
}
