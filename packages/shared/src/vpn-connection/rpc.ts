// IPsec connection form values → exact RPC parameters (seed 002; reference §5.4).
import { bgpShape, healthCheckShape, ikeShape, ipsecShape } from '../common/config-shapes';
import { wireJson } from '../common/key-map';
import { commaList, compactParams, type RpcRequest } from '../rpc-types';
import type { CreateVpnConnectionValue, ModifyVpnConnectionAttributeValue } from './schema';

/** CreateVpnConnection (single tunnel). Psk travels inside IkeConfig; DryRun is a Boolean here. */
export function toCreateVpnConnectionParams(v: CreateVpnConnectionValue): RpcRequest {
  return {
    action: 'CreateVpnConnection',
    params: compactParams([
      ['RegionId', v.regionId],
      ['VpnGatewayId', v.vpnGatewayId],
      ['CustomerGatewayId', v.customerGatewayId],
      ['LocalSubnet', commaList(v.localSubnet)],
      ['RemoteSubnet', commaList(v.remoteSubnet)],
      ['Name', v.name],
      ['EffectImmediately', v.effectImmediately],
      ['IkeConfig', wireJson(ikeShape, v.ikeConfig)],
      ['IpsecConfig', wireJson(ipsecShape, v.ipsecConfig)],
      ['HealthCheckConfig', wireJson(healthCheckShape, v.healthCheckConfig)],
      ['AutoConfigRoute', v.autoConfigRoute],
      ['EnableDpd', v.enableDpd],
      ['EnableNatTraversal', v.enableNatTraversal],
      ['BgpConfig', wireJson(bgpShape, v.bgpConfig)],
      ['RemoteCaCertificate', v.remoteCaCertificate],
      ['ClientToken', v.clientToken],
      ['DryRun', v.dryRun],
    ]),
  };
}

/** ModifyVpnConnectionAttribute: only the given fields are sent. */
export function toModifyVpnConnectionAttributeParams(
  v: ModifyVpnConnectionAttributeValue,
): RpcRequest {
  return {
    action: 'ModifyVpnConnectionAttribute',
    params: compactParams([
      ['RegionId', v.regionId],
      ['VpnConnectionId', v.vpnConnectionId],
      ['Name', v.name],
      ['LocalSubnet', commaList(v.localSubnet)],
      ['RemoteSubnet', commaList(v.remoteSubnet)],
      ['EffectImmediately', v.effectImmediately],
      ['IkeConfig', wireJson(ikeShape, v.ikeConfig)],
      ['IpsecConfig', wireJson(ipsecShape, v.ipsecConfig)],
      ['HealthCheckConfig', wireJson(healthCheckShape, v.healthCheckConfig)],
      ['AutoConfigRoute', v.autoConfigRoute],
      ['EnableDpd', v.enableDpd],
      ['EnableNatTraversal', v.enableNatTraversal],
      ['BgpConfig', wireJson(bgpShape, v.bgpConfig)],
      ['RemoteCaCertificate', v.remoteCaCertificate],
      ['ClientToken', v.clientToken],
    ]),
  };
}
