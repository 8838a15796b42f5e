import { parseCidr } from '@vpn-console/shared/cidr';
import { apiErrors } from '../errors';
import {
  anyOverlap,
  checkClientPool,
  checkSslLocalSubnets,
  FORBIDDEN_SSL_PORTS,
  isValidName,
} from '../rules';
import { nextResourceId, type EmulatorState, type Gateway, type SslServer } from '../state';
import {
  assertWritable,
  byNewest,
  findGateway,
  markUpdating,
  matchesParams,
  paginate,
  type Operation,
  type OperationContext,
  type WireObject,
} from './context';
import { routeEntries } from './vpn-connection-rules';

const CIPHERS = ['AES-128-CBC', 'AES-192-CBC', 'AES-256-CBC', 'none'] as const;
const PROTOCOLS = ['TCP', 'UDP'] as const;

function checkPool(
  state: EmulatorState,
  gateway: Gateway,
  pool: string,
  local: readonly string[],
  self?: string,
): void {
  checkClientPool(pool);
  // Each client takes a /30, so the pool must hold 4 addresses per allowed connection.
  const size = 2 ** (32 - (parseCidr(pool)?.prefix ?? 32));
  if (size < 4 * gateway.SslMaxConnections) throw apiErrors.poolSubnetInvalid();
  if (anyOverlap([pool], local) || anyOverlap([pool], gateway.VpcCidrs))
    throw apiErrors.poolVpcConflict();
  const otherRoutes = [
    ...state.connections
      .filter((c) => c.VpnGatewayId === gateway.VpnGatewayId)
      .flatMap((c) => c.RemoteSubnet.split(','))
      .filter((c) => c !== '0.0.0.0/0'),
    ...state.ipsecServers
      .filter((s) => s.VpnGatewayId === gateway.VpnGatewayId)
      .map((s) => s.ClientIpPool),
    ...state.sslServers
      .filter((s) => s.VpnGatewayId === gateway.VpnGatewayId && s.SslVpnServerId !== self)
      .map((s) => s.ClientIpPool),
  ];
  if (anyOverlap([pool], otherRoutes)) throw apiErrors.poolRouteConflict();
}

function checkPort(ctx: OperationContext, fallback: number): number {
  const port = ctx.params.int('Port', 1, 65535) ?? fallback;
  if (FORBIDDEN_SSL_PORTS.includes(port)) throw apiErrors.forbiddenPort(port);
  return port;
}

function checkMfa(
  ctx: OperationContext,
  base: Pick<
    SslServer,
    'EnableMultiFactorAuth' | 'IDaaSInstanceId' | 'IDaaSRegionId' | 'IDaaSApplicationId'
  >,
) {
  const p = ctx.params;
  const out = {
    EnableMultiFactorAuth: p.bool('EnableMultiFactorAuth') ?? base.EnableMultiFactorAuth,
    IDaaSInstanceId: p.str('IDaaSInstanceId') ?? base.IDaaSInstanceId,
    IDaaSRegionId: p.str('IDaaSRegionId') ?? base.IDaaSRegionId,
    IDaaSApplicationId: p.str('IDaaSApplicationId') ?? base.IDaaSApplicationId,
  };
  if (out.EnableMultiFactorAuth) {
    if (out.IDaaSInstanceId === '') throw apiErrors.missingParameter('IDaaSInstanceId');
    if (out.IDaaSRegionId === '') throw apiErrors.missingParameter('IDaaSRegionId');
    if (!ctx.state.idaasInstances.includes(out.IDaaSInstanceId)) throw apiErrors.idaasNotFound();
    if (ctx.state.idaasWithoutRamPermission.includes(out.IDaaSInstanceId)) {
      throw apiErrors.noRamPermission();
    }
  }
  return out;
}

function sslWire(server: SslServer, state: EmulatorState): WireObject {
  const gateway = state.gateways.find((g) => g.VpnGatewayId === server.VpnGatewayId);
  return {
    SslVpnServerId: server.SslVpnServerId,
    VpnGatewayId: server.VpnGatewayId,
    RegionId: server.RegionId,
    Name: server.Name,
    ClientIpPool: server.ClientIpPool,
    LocalSubnet: server.LocalSubnet,
    Proto: server.Proto,
    Port: server.Port,
    Cipher: server.Cipher,
    Compress: server.Compress,
    Connections: state.sslClients.filter((c) => c.VpnGatewayId === server.VpnGatewayId).length,
    MaxConnections: gateway?.SslMaxConnections ?? 0,
    InternetIp: gateway?.SslVpnInternetIp ?? '',
    CreateTime: server.CreateTime,
    EnableMultiFactorAuth: server.EnableMultiFactorAuth,
    IDaaSInstanceId: server.IDaaSInstanceId,
    IDaaSRegionId: server.IDaaSRegionId,
    IDaaSApplicationId: server.IDaaSApplicationId,
    ...(server.IDaaSApplicationId === '' ? {} : { IDaaSInstanceVersion: 'EIAM 2.0' }),
    DnsServers: server.DnsServers,
    ResourceGroupId: server.ResourceGroupId,
  };
}

export const createSslVpnServer: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const gatewayId = p.required('VpnGatewayId');
    const pool = p.required('ClientIpPool');
    const localText = p.required('LocalSubnet');
    const gateway = findGateway(ctx, gatewayId);
    if (gateway.SslVpn !== 'enable') throw apiErrors.sslVpnDisabled();
    assertWritable(ctx, gateway);
    const name = p.str('Name') ?? '';
    if (name !== '' && !isValidName(name)) throw apiErrors.invalidName();
    if (ctx.state.sslServers.some((s) => s.VpnGatewayId === gateway.VpnGatewayId))
      throw apiErrors.quotaFull();
    const local = checkSslLocalSubnets(localText);
    checkPool(ctx.state, gateway, pool, local);
    const proto = p.oneOf('Proto', PROTOCOLS) ?? 'UDP';
    const port = checkPort(ctx, 1194);
    const cipher = p.oneOf('Cipher', CIPHERS) ?? 'AES-128-CBC';
    const compress = p.bool('Compress') ?? false;
    const mfa = checkMfa(ctx, {
      EnableMultiFactorAuth: false,
      IDaaSInstanceId: '',
      IDaaSRegionId: '',
      IDaaSApplicationId: '',
    });
    if (routeEntries(ctx.state, gateway.VpnGatewayId) + 1 > gateway.RouteEntryQuota)
      throw apiErrors.routeQuota();
    ctx.commit();
    const server: SslServer = {
      SslVpnServerId: nextResourceId(ctx.state, 'vss', ctx.regionId),
      VpnGatewayId: gateway.VpnGatewayId,
      RegionId: ctx.regionId,
      Name: name,
      ClientIpPool: pool,
      LocalSubnet: local.join(','),
      Proto: proto,
      Port: port,
      Cipher: cipher,
      Compress: compress,
      CreateTime: ctx.now,
      ...mfa,
      DnsServers: p.str('DnsServers') ?? '',
      ResourceGroupId: gateway.ResourceGroupId,
    };
    ctx.state.sslServers.push(server);
    markUpdating(ctx, gateway);
    return { SslVpnServerId: server.SslVpnServerId, Name: server.Name };
  },
};

/** The SSL-VPN server in the call's region, or `InvalidSslVpnServerId.NotFound`. */
export function findSslServer(ctx: OperationContext, id: string): SslServer {
  const server = ctx.state.sslServers.find(
    (s) => s.SslVpnServerId === id && s.RegionId === ctx.regionId,
  );
  if (server === undefined) throw apiErrors.sslServerNotFound();
  return server;
}

const CONFIG_PARAMS = [
  'ClientIpPool',
  'LocalSubnet',
  'Proto',
  'Port',
  'Cipher',
  'Compress',
  'EnableMultiFactorAuth',
  'IDaaSInstanceId',
  'IDaaSRegionId',
  'IDaaSApplicationId',
  'DnsServers',
];

export const modifySslVpnServer: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const server = findSslServer(ctx, p.required('SslVpnServerId'));
    const gateway = findGateway(ctx, server.VpnGatewayId);
    assertWritable(ctx, gateway);
    const name = p.str('Name');
    if (name !== undefined && !isValidName(name)) throw apiErrors.invalidName();
    const local = checkSslLocalSubnets(p.str('LocalSubnet') ?? server.LocalSubnet);
    const pool = p.str('ClientIpPool') ?? server.ClientIpPool;
    if (p.has('ClientIpPool') || p.has('LocalSubnet'))
      checkPool(ctx.state, gateway, pool, local, server.SslVpnServerId);
    const proto = p.oneOf('Proto', PROTOCOLS) ?? server.Proto;
    const port = checkPort(ctx, server.Port);
    const cipher = p.oneOf('Cipher', CIPHERS) ?? server.Cipher;
    const compress = p.bool('Compress') ?? server.Compress;
    const mfa = checkMfa(ctx, server);
    ctx.commit();
    Object.assign(server, {
      Name: name ?? server.Name,
      LocalSubnet: local.join(','),
      ClientIpPool: pool,
      Proto: proto,
      Port: port,
      Cipher: cipher,
      Compress: compress,
      ...mfa,
      DnsServers: p.str('DnsServers') ?? server.DnsServers,
    });
    if (CONFIG_PARAMS.some((k) => p.has(k))) markUpdating(ctx, gateway);
    const { DnsServers: _dns, IDaaSRegionId: _region, ...wire } = sslWire(server, ctx.state);
    return wire;
  },
};

export const describeSslVpnServers: Operation = {
  write: false,
  run(ctx) {
    const matches = matchesParams<SslServer>(ctx, [
      'SslVpnServerId',
      'VpnGatewayId',
      'Name',
      'ResourceGroupId',
    ]);
    const all = ctx.state.sslServers
      .filter((s) => s.RegionId === ctx.regionId && matches(s))
      .sort(byNewest);
    const page = paginate(ctx, all);
    return {
      SslVpnServers: { SslVpnServer: page.items.map((s) => sslWire(s, ctx.state)) },
      TotalCount: page.TotalCount,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
    };
  },
};

export const deleteSslVpnServer: Operation = {
  write: true,
  run(ctx) {
    const server = findSslServer(ctx, ctx.params.required('SslVpnServerId'));
    const gateway = findGateway(ctx, server.VpnGatewayId);
    assertWritable(ctx, gateway);
    ctx.commit();
    ctx.state.sslServers = ctx.state.sslServers.filter((s) => s !== server);
    // Its CA goes with it: the certificates it signed and the sessions they hold end too.
    ctx.state.sslClientCerts = ctx.state.sslClientCerts.filter(
      (c) => c.SslVpnServerId !== server.SslVpnServerId,
    );
    ctx.state.sslClients = ctx.state.sslClients.filter(
      (c) => c.VpnGatewayId !== server.VpnGatewayId,
    );
    markUpdating(ctx, gateway);
    return {};
  },
};
