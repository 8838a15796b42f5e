// IPsec server form values → exact RPC parameters (seeds 001 and 004).
import { ikeShape, ipsecShape } from '../common/config-shapes';
import { wireJson } from '../common/key-map';
import { commaList, compactParams, type RpcRequest } from '../rpc-types';
import type { CreateIpsecServerValue, UpdateIpsecServerValue } from './schema';

/** DryRun is typed String in seeds 001/004: sent as 'true' / 'false'. */
function dryRunText(value: boolean | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** CreateIpsecServer: note `IpSecServerName` (capital S) on create. */
export function toCreateIpsecServerParams(v: CreateIpsecServerValue): RpcRequest {
  return {
    action: 'CreateIpsecServer',
    params: compactParams([
      ['RegionId', v.regionId],
      ['VpnGatewayId', v.vpnGatewayId],
      ['LocalSubnet', commaList(v.localSubnet)],
      ['ClientIpPool', v.clientIpPool],
      ['IpSecServerName', v.ipsecServerName],
      ['EffectImmediately', v.effectImmediately],
      ['IkeConfig', wireJson(ikeShape, v.ikeConfig)],
      ['IpsecConfig', wireJson(ipsecShape, v.ipsecConfig)],
      ['PskEnabled', v.pskEnabled],
      ['Psk', v.psk],
      ['ClientToken', v.clientToken],
      ['DryRun', dryRunText(v.dryRun)],
    ]),
  };
}

/** UpdateIpsecServer: `IpsecServerName` (lower-case s) on update; only the given fields are sent. */
export function toUpdateIpsecServerParams(v: UpdateIpsecServerValue): RpcRequest {
  return {
    action: 'UpdateIpsecServer',
    params: compactParams([
      ['RegionId', v.regionId],
      ['IpsecServerId', v.ipsecServerId],
      ['LocalSubnet', commaList(v.localSubnet)],
      ['ClientIpPool', v.clientIpPool],
      ['IpsecServerName', v.ipsecServerName],
      ['EffectImmediately', v.effectImmediately],
      ['IkeConfig', wireJson(ikeShape, v.ikeConfig)],
      ['IpsecConfig', wireJson(ipsecShape, v.ipsecConfig)],
      ['PskEnabled', v.pskEnabled],
      ['Psk', v.psk],
      ['ClientToken', v.clientToken],
      ['DryRun', dryRunText(v.dryRun)],
    ]),
  };
}
