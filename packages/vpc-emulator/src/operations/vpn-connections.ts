/**
 * IPsec-VPN connection actions: the parameters each accepts, the order of its checks and what it
 * changes. The settings' rules are in `vpn-connection-rules.ts`, the answer's shape in
 * `vpn-connection-wire.ts`, the negotiation with the peer in `../negotiation.ts`.
 */
import { apiErrors } from '../errors';
import {
  checkPsk,
  ikeConfigInputSchema,
  ipsecConfigInputSchema,
  isValidName,
  randomPsk,
  resolveIkeConfig,
  resolveIpsecConfig,
} from '../rules';
import { nextResourceId, type Connection } from '../state';
import {
  assertWritable,
  byNewest,
  findGateway,
  gatewayKind,
  markUpdating,
  matchesTags,
  paginate,
  type Operation,
  type OperationContext,
} from './context';
import { findCustomerGateway } from './customer-gateways';
import {
  checkCa,
  checkRouteQuotas,
  resolveBgp,
  resolveHealth,
  subnets,
} from './vpn-connection-rules';
import { connectionWire, modifiedConnectionWire } from './vpn-connection-wire';

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
    const ca = checkCa(p.str('RemoteCaCertificate'), kind, undefined);
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
    // The customer gateway must still exist (InvalidCustomerGatewayInstanceId.NotFound otherwise).
    findCustomerGateway(ctx, conn.CustomerGatewayId);
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
    const ca = checkCa(p.str('RemoteCaCertificate'), kind, conn.RemoteCaCertificate);
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
    return modifiedConnectionWire(conn, ctx);
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
