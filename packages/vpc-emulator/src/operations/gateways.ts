import { apiErrors } from '../errors';
import { regionsOf } from '../regions';
import type { EmulatorState, Gateway } from '../state';
import {
  byNewest,
  findGateway,
  gatewayStatus,
  matchesTags,
  paginate,
  tagsWire,
  type Operation,
  type WireObject,
} from './context';

function gatewayWire(gateway: Gateway, state: EmulatorState, now: number): WireObject {
  const hasSslServer = state.sslServers.some((s) => s.VpnGatewayId === gateway.VpnGatewayId);
  return {
    VpnGatewayId: gateway.VpnGatewayId,
    Name: gateway.Name,
    Description: gateway.Description,
    VpcId: gateway.VpcId,
    VSwitchId: gateway.VSwitchId,
    DisasterRecoveryVSwitchId: gateway.DisasterRecoveryVSwitchId,
    ResourceGroupId: gateway.ResourceGroupId,
    Status: gatewayStatus(gateway, now),
    BusinessStatus: gateway.BusinessStatus,
    Spec: gateway.Spec,
    InternetIp: gateway.InternetIp,
    DisasterRecoveryInternetIp: gateway.DisasterRecoveryInternetIp,
    SslVpnInternetIp: gateway.SslVpn === 'enable' ? gateway.SslVpnInternetIp : '',
    IpsecVpn: gateway.IpsecVpn,
    SslVpn: gateway.SslVpn,
    SslMaxConnections: gateway.SslMaxConnections,
    EnableBgp: gateway.EnableBgp,
    AutoPropagate: gateway.AutoPropagate,
    GatewayType: gateway.GatewayType,
    VpnType: gateway.VpnType,
    NetworkType: gateway.NetworkType,
    ChargeType: gateway.ChargeType,
    CreateTime: gateway.CreateTime,
    EndTime: gateway.EndTime,
    Tag: JSON.stringify({
      VpnEnableBgp: String(gateway.EnableBgp),
      VisuallySsl: String(hasSslServer),
      VpnNewImage: String(gateway.SupportsIpsecServer),
      VpnVersion: gateway.VpnVersion,
    }),
    Tags: tagsWire(gateway.Tags),
    EniInstanceIds: { EniInstanceId: [] },
    ReservationData: {},
  };
}

export const describeRegions: Operation = {
  write: false,
  run(ctx) {
    const english = ctx.params.str('AcceptLanguage') === 'en-US';
    return {
      Regions: {
        Region: regionsOf(ctx.state).map((r) => ({
          RegionId: r.RegionId,
          LocalName: english ? r.LocalNameEn : r.LocalName,
          RegionEndpoint: r.RegionEndpoint,
        })),
      },
    };
  },
};

export const describeVpnGateway: Operation = {
  write: false,
  run(ctx) {
    const gateway = findGateway(ctx, ctx.params.required('VpnGatewayId'));
    return gatewayWire(gateway, ctx.state, ctx.now);
  },
};

export const describeVpnGateways: Operation = {
  write: false,
  run(ctx) {
    const p = ctx.params;
    const id = p.str('VpnGatewayId');
    const vpcId = p.str('VpcId');
    const status = p.str('Status')?.toLowerCase();
    const business = p.str('BusinessStatus');
    const type = p.str('GatewayType');
    const group = p.str('ResourceGroupId');
    const all = ctx.state.gateways
      .filter(
        (g) =>
          g.RegionId === ctx.regionId &&
          (id === undefined || g.VpnGatewayId === id) &&
          (vpcId === undefined || g.VpcId === vpcId) &&
          (status === undefined || gatewayStatus(g, ctx.now) === status) &&
          (business === undefined || g.BusinessStatus === business) &&
          (type === undefined || g.GatewayType === type) &&
          (group === undefined || g.ResourceGroupId === group) &&
          matchesTags(ctx, g.Tags),
      )
      .sort(byNewest);
    const page = paginate(ctx, all);
    return {
      VpnGateways: { VpnGateway: page.items.map((g) => gatewayWire(g, ctx.state, ctx.now)) },
      TotalCount: page.TotalCount,
      PageNumber: page.PageNumber,
      PageSize: page.PageSize,
    };
  },
};

/** DescribeVpcAttribute: the CIDR blocks of a VPC that holds one of the region's gateways. */
export const describeVpcAttribute: Operation = {
  write: false,
  run(ctx) {
    const vpcId = ctx.params.required('VpcId');
    const gateway = ctx.state.gateways.find(
      (g) => g.VpcId === vpcId && g.RegionId === ctx.regionId,
    );
    if (gateway === undefined) throw apiErrors.vpcNotFound();
    const [primary, ...secondary] = gateway.VpcCidrs;
    return {
      VpcId: vpcId,
      RegionId: ctx.regionId,
      CidrBlock: primary ?? '',
      SecondaryCidrBlocks: { SecondaryCidrBlock: secondary },
      UserCidrs: { UserCidr: [] },
    };
  },
};
