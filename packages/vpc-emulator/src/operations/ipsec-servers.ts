import { apiErrors } from '../errors';
import {
  anyOverlap,
  checkClientPool,
  checkPsk,
  ikeConfigInputSchema,
  isValidLabel,
  ipsecConfigInputSchema,
  parseCidrList,
  randomPsk,
  resolveIkeConfig,
  resolveIpsecConfig,
} from '../rules';
import { nextResourceId, type EmulatorState, type Gateway, type IpsecServer } from '../state';
import {
  assertWritable,
  findGateway,
  gatewayKind,
  markUpdating,
  type Operation,
  type OperationContext,
  type WireObject,
} from './context';
import { routeEntries } from './vpn-connection-rules';

/** IPsec server names (seed 001): 1–100 characters (code points), not starting with `http://` or `https://`. */
function checkServerName(name: string): string {
  if (!isValidLabel(name)) throw apiErrors.invalidName();
  return name;
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function localSubnets(value: string): string[] {
  const list = parseCidrList(value);
  if (list === undefined) throw apiErrors.illegalLocalSubnet(value);
  return list;
}

/** Client pool rules: shape, VPC side (LocalSubnet, VPC CIDRs), and the gateway's other routes. */
function checkPoolAgainst(
  state: EmulatorState,
  gateway: Gateway,
  pool: string,
  local: readonly string[],
): void {
  checkClientPool(pool);
  if (anyOverlap([pool], local) || anyOverlap([pool], gateway.VpcCidrs)) {
    throw apiErrors.poolVpcConflict();
  }
  const otherRoutes = [
    ...state.connections
      .filter((c) => c.VpnGatewayId === gateway.VpnGatewayId)
      .flatMap((c) => c.RemoteSubnet.split(','))
      .filter((c) => c !== '0.0.0.0/0'),
    ...state.sslServers
      .filter((s) => s.VpnGatewayId === gateway.VpnGatewayId)
      .map((s) => s.ClientIpPool),
  ];
  if (anyOverlap([pool], otherRoutes)) throw apiErrors.poolRouteConflict();
}

function checkAuth(ctx: OperationContext, pskEnabled: boolean): { mfa: boolean; idaas: string } {
  const mfa = ctx.params.bool('MultiFactorAuthEnabled') ?? false;
  const idaas = ctx.params.str('IDaaSInstanceId') ?? '';
  if (!pskEnabled && !mfa) throw apiErrors.authMethod();
  if (mfa && idaas === '') throw apiErrors.missingIdaas();
  if (idaas !== '' && !ctx.state.idaasInstances.includes(idaas)) throw apiErrors.idaasNotFound();
  if (ctx.state.idaasWithoutRamPermission.includes(idaas)) throw apiErrors.noRamPermission();
  return { mfa, idaas };
}

export const createIpsecServer: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const gatewayId = p.required('VpnGatewayId');
    const localText = p.required('LocalSubnet');
    const pool = p.required('ClientIpPool');
    const gateway = findGateway(ctx, gatewayId);
    if (!gateway.SupportsIpsecServer) throw apiErrors.ipsecServerUnsupported();
    if (gateway.SslVpn !== 'enable') throw apiErrors.sslVpnDisabled();
    assertWritable(ctx, gateway);
    if (ctx.state.ipsecServers.some((s) => s.VpnGatewayId === gateway.VpnGatewayId)) {
      throw apiErrors.ipsecServerExists();
    }
    const name = p.str('IpSecServerName');
    if (name !== undefined) checkServerName(name);
    const local = localSubnets(localText);
    checkPoolAgainst(ctx.state, gateway, pool, local);
    const kind = gatewayKind(gateway);
    const ike = resolveIkeConfig(
      p.json('IkeConfig', ikeConfigInputSchema),
      {
        // Seed 001's ikev2 default cannot hold on SM gateways, which only speak IKEv1.
        IkeVersion: kind === 'sm' ? 'ikev1' : 'ikev2',
        IkeMode: 'main',
        IkeEncAlg: kind === 'sm' ? 'sm4' : 'aes',
        IkeAuthAlg: kind === 'sm' ? 'sm3' : 'sha1',
        IkePfs: 'group2',
        IkeLifetime: 86400,
        LocalId: gateway.InternetIp,
        RemoteId: '',
      },
      kind,
    );
    const ipsec = resolveIpsecConfig(
      p.json('IpsecConfig', ipsecConfigInputSchema),
      {
        IpsecEncAlg: kind === 'sm' ? 'sm4' : 'aes',
        IpsecAuthAlg: kind === 'sm' ? 'sm3' : 'sha1',
        IpsecPfs: 'group2',
        IpsecLifetime: 86400,
      },
      kind,
      apiErrors.ipsecPfsUnsupported,
    );
    const pskEnabled = p.bool('PskEnabled') ?? true;
    const auth = checkAuth(ctx, pskEnabled);
    const pskParam = p.str('Psk');
    const psk = pskParam === undefined ? randomPsk() : checkPsk(pskParam, 'Psk');
    if (routeEntries(ctx.state, gateway.VpnGatewayId) + 1 > gateway.RouteEntryQuota) {
      throw apiErrors.routeQuota();
    }
    const effectImmediately = p.bool('EffectImmediately') ?? false;
    ctx.commit();
    const server: IpsecServer = {
      IpsecServerId: nextResourceId(ctx.state, 'iss', ctx.regionId),
      IpsecServerName: name ?? '',
      VpnGatewayId: gateway.VpnGatewayId,
      RegionId: ctx.regionId,
      CreationTime: isoSeconds(ctx.now),
      LocalSubnet: local.join(','),
      ClientIpPool: pool,
      EffectImmediately: effectImmediately,
      Psk: psk,
      PskEnabled: pskEnabled,
      MultiFactorAuthEnabled: auth.mfa,
      IDaaSInstanceId: auth.idaas,
      IkeConfig: ike,
      IpsecConfig: ipsec,
      OnlineClientCount: 0,
      ResourceGroupId: gateway.ResourceGroupId,
    };
    ctx.state.ipsecServers.push(server);
    markUpdating(ctx, gateway);
    return {
      IpsecServerId: server.IpsecServerId,
      IpsecServerName: server.IpsecServerName,
      VpnGatewayId: server.VpnGatewayId,
      RegionId: server.RegionId,
      CreationTime: server.CreationTime,
    };
  },
};

function findServer(ctx: OperationContext, id: string): IpsecServer {
  const server = ctx.state.ipsecServers.find(
    (s) => s.IpsecServerId === id && s.RegionId === ctx.regionId,
  );
  if (server === undefined) throw apiErrors.ipsecServerNotFound();
  return server;
}

const CONFIG_PARAMS = [
  'ClientIpPool',
  'LocalSubnet',
  'EffectImmediately',
  'IkeConfig',
  'IpsecConfig',
  'Psk',
  'PskEnabled',
];

export const updateIpsecServer: Operation = {
  write: true,
  run(ctx) {
    const p = ctx.params;
    const server = findServer(ctx, p.required('IpsecServerId'));
    const gateway = findGateway(ctx, server.VpnGatewayId);
    assertWritable(ctx, gateway);
    const name = p.str('IpsecServerName');
    if (name !== undefined) checkServerName(name);
    const local = localSubnets(p.str('LocalSubnet') ?? server.LocalSubnet);
    const pool = p.str('ClientIpPool') ?? server.ClientIpPool;
    if (p.has('ClientIpPool') || p.has('LocalSubnet'))
      checkPoolAgainst(ctx.state, gateway, pool, local);
    const kind = gatewayKind(gateway);
    const ike = resolveIkeConfig(p.json('IkeConfig', ikeConfigInputSchema), server.IkeConfig, kind);
    const ipsec = resolveIpsecConfig(
      p.json('IpsecConfig', ipsecConfigInputSchema),
      server.IpsecConfig,
      kind,
      apiErrors.ipsecPfsUnsupported,
    );
    const pskEnabled = p.bool('PskEnabled') ?? server.PskEnabled;
    if (!pskEnabled && !server.MultiFactorAuthEnabled) throw apiErrors.authMethod();
    const pskParam = p.str('Psk');
    const psk = pskParam === undefined ? server.Psk : checkPsk(pskParam, 'Psk');
    const effectImmediately = p.bool('EffectImmediately') ?? server.EffectImmediately;
    ctx.commit();
    Object.assign(server, {
      IpsecServerName: name ?? server.IpsecServerName,
      LocalSubnet: local.join(','),
      ClientIpPool: pool,
      IkeConfig: ike,
      IpsecConfig: ipsec,
      PskEnabled: pskEnabled,
      Psk: psk,
      EffectImmediately: effectImmediately,
    });
    // Renaming alone is synchronous; any other change makes the gateway `updating`.
    if (CONFIG_PARAMS.some((k) => p.has(k))) markUpdating(ctx, gateway);
    return {};
  },
};

function serverWire(server: IpsecServer, state: EmulatorState): WireObject {
  const gateway = state.gateways.find((g) => g.VpnGatewayId === server.VpnGatewayId);
  return {
    IpsecServerId: server.IpsecServerId,
    IpsecServerName: server.IpsecServerName,
    VpnGatewayId: server.VpnGatewayId,
    RegionId: server.RegionId,
    CreationTime: server.CreationTime,
    LocalSubnet: server.LocalSubnet,
    ClientIpPool: server.ClientIpPool,
    InternetIp: gateway?.InternetIp ?? '',
    EffectImmediately: server.EffectImmediately,
    Psk: server.Psk,
    PskEnabled: server.PskEnabled,
    MultiFactorAuthEnabled: server.MultiFactorAuthEnabled,
    IDaaSInstanceId: server.IDaaSInstanceId,
    OnlineClientCount: server.OnlineClientCount,
    MaxConnections: gateway?.SslMaxConnections ?? 0,
    ResourceGroupId: server.ResourceGroupId,
    IkeConfig: { ...server.IkeConfig },
    IpsecConfig: { ...server.IpsecConfig },
  };
}

export const listIpsecServers: Operation = {
  write: false,
  run(ctx) {
    const p = ctx.params;
    const gatewayId = p.str('VpnGatewayId');
    const ids = p.list('IpsecServerId');
    const name = p.str('IpsecServerName');
    const group = p.str('ResourceGroupId');
    const maxResults = p.int('MaxResults', 1, 20) ?? 10;
    const token = p.str('NextToken');
    let start = 0;
    if (token !== undefined) {
      if (!/^\d+$/.test(token)) throw apiErrors.invalidParameter('NextToken');
      start = Number(token);
    }
    const all = ctx.state.ipsecServers
      .filter(
        (s) =>
          s.RegionId === ctx.regionId &&
          (gatewayId === undefined || s.VpnGatewayId === gatewayId) &&
          (ids.length === 0 || ids.includes(s.IpsecServerId)) &&
          (name === undefined || s.IpsecServerName === name) &&
          (group === undefined || s.ResourceGroupId === group),
      )
      .sort(
        (a, b) =>
          b.CreationTime.localeCompare(a.CreationTime) ||
          a.IpsecServerId.localeCompare(b.IpsecServerId),
      );
    const items = all.slice(start, start + maxResults);
    const next = start + maxResults < all.length ? String(start + maxResults) : '';
    return {
      IpsecServers: items.map((s) => serverWire(s, ctx.state)),
      TotalCount: all.length,
      NextToken: next,
      MaxResults: maxResults,
    };
  },
};

export const deleteIpsecServer: Operation = {
  write: true,
  run(ctx) {
    const server = findServer(ctx, ctx.params.required('IpsecServerId'));
    const gateway = findGateway(ctx, server.VpnGatewayId);
    assertWritable(ctx, gateway, { allowFinancialLocked: true });
    ctx.commit();
    ctx.state.ipsecServers = ctx.state.ipsecServers.filter((s) => s !== server);
    markUpdating(ctx, gateway);
    return {};
  },
};
