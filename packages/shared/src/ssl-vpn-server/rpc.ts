// SSL-VPN server form values → exact RPC parameters (seed 003; reference §5.6).
import { commaList, compactParams, type RpcRequest } from '../rpc-types';
import type { CreateSslVpnServerValue, ModifySslVpnServerValue } from './schema';

type Common = Omit<
  CreateSslVpnServerValue,
  'regionId' | 'vpnGatewayId' | 'clientIpPool' | 'localSubnet'
>;

function optionalPart(v: Partial<Common>) {
  return [
    ['Proto', v.proto],
    ['Cipher', v.cipher],
    ['Port', v.port],
    ['Compress', v.compress],
    ['EnableMultiFactorAuth', v.enableMultiFactorAuth],
    ['IDaaSInstanceId', v.idaasInstanceId],
    ['IDaaSRegionId', v.idaasRegionId],
    ['IDaaSApplicationId', v.idaasApplicationId],
    ['ClientToken', v.clientToken],
    ['DryRun', v.dryRun],
  ] as const;
}

export function toCreateSslVpnServerParams(v: CreateSslVpnServerValue): RpcRequest {
  return {
    action: 'CreateSslVpnServer',
    params: compactParams([
      ['RegionId', v.regionId],
      ['VpnGatewayId', v.vpnGatewayId],
      ['ClientIpPool', v.clientIpPool],
      ['LocalSubnet', commaList(v.localSubnet)],
      ['Name', v.name],
      ...optionalPart(v),
    ]),
  };
}

export function toModifySslVpnServerParams(v: ModifySslVpnServerValue): RpcRequest {
  return {
    action: 'ModifySslVpnServer',
    params: compactParams([
      ['RegionId', v.regionId],
      ['SslVpnServerId', v.sslVpnServerId],
      ['ClientIpPool', v.clientIpPool],
      ['LocalSubnet', commaList(v.localSubnet)],
      ['Name', v.name],
      ...optionalPart(v),
    ]),
  };
}
