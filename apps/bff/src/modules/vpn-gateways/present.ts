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

/** The cloud's system labels (`Tag`, a JSON object of strings); {} when absent or unreadable. */
const systemLabels = (tag: string | undefined): Record<string, unknown> => {
  if (tag === undefined || tag === '') return {};
  try {
    const parsed: unknown = JSON.parse(tag);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
};

const labelText = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined;

const labelBool = (value: unknown): boolean | undefined =>
  value === true || value === 'true'
    ? true
    : value === false || value === 'false'
      ? false
      : undefined;

export const presentVpnGateway = (g: VpnGateway, regionId: string): VpnGatewayView => {
  const labels = systemLabels(g.Tag);
  return {
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
      chargeType: g.ChargeType || undefined,
      version: labelText(labels.VpnVersion),
      supportsIpsecServer: labelBool(labels.VpnNewImage),
    }),
  };
};
