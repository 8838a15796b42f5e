// IPsec connection form values → exact RPC parameters (seed 002; reference §5.4).
import {
  bgpConfigJson,
  healthCheckConfigJson,
  ikeConfigJson,
  ipsecConfigJson,
} from '../common/ike-wire';
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
      ['IkeConfig', ikeConfigJson(v.ikeConfig)],
      ['IpsecConfig', ipsecConfigJson(v.ipsecConfig)],
      ['HealthCheckConfig', healthCheckConfigJson(v.healthCheckConfig)],
      ['AutoConfigRoute', v.autoConfigRoute],
      ['EnableDpd', v.enableDpd],
      ['EnableNatTraversal', v.enableNatTraversal],
      ['BgpConfig', bgpConfigJson(v.bgpConfig)],
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
      ['IkeConfig', ikeConfigJson(v.ikeConfig)],
      ['IpsecConfig', ipsecConfigJson(v.ipsecConfig)],
      ['HealthCheckConfig', healthCheckConfigJson(v.healthCheckConfig)],
      ['AutoConfigRoute', v.autoConfigRoute],
      ['EnableDpd', v.enableDpd],
      ['EnableNatTraversal', v.enableNatTraversal],
      ['BgpConfig', bgpConfigJson(v.bgpConfig)],
      ['RemoteCaCertificate', v.remoteCaCertificate],
      ['ClientToken', v.clientToken],
    ]),
  };
}
