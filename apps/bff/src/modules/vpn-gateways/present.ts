import type { VpnGatewayView } from '@vpn-console/shared/api/views';
import type { RegionView } from '@vpn-console/shared/api/regions';
import type { Region } from '@vpn-console/shared/responses/regions';
import type { VpnGateway } from '@vpn-console/shared/responses/vpn-gateway';
import { defined } from '../present-common';

export const presentRegion = (r: Region): RegionView => ({
  regionId: r.RegionId,
  localName: r.LocalName ?? r.RegionId,
  ...defined({ endpoint: r.RegionEndpoint }),
});

export const presentVpnGateway = (g: VpnGateway, regionId: string): VpnGatewayView => ({
  id: g.VpnGatewayId,
  regionId,
  name: g.Name ?? '',
  description: g.Description ?? '',
  vpcId: g.VpcId ?? '',
  status: g.Status ?? 'unknown',
  businessStatus: g.BusinessStatus ?? 'Normal',
  spec: g.Spec ?? '',
  internetIp: g.InternetIp ?? '',
  ipsecVpn: g.IpsecVpn === 'enable',
  sslVpn: g.SslVpn === 'enable',
  enableBgp: g.EnableBgp ?? false,
  vpnType: g.VpnType ?? 'Normal',
  dualTunnel: (g.DisasterRecoveryInternetIp ?? '') !== '',
  ...defined({
    vSwitchId: g.VSwitchId,
    disasterRecoveryInternetIp: g.DisasterRecoveryInternetIp || undefined,
    disasterRecoveryVSwitchId: g.DisasterRecoveryVSwitchId || undefined,
    sslVpnInternetIp: g.SslVpnInternetIp || undefined,
    sslMaxConnections: g.SslMaxConnections,
    gatewayType: g.GatewayType,
    networkType: g.NetworkType,
    createTime: g.CreateTime,
    endTime: g.EndTime,
  }),
});
