// Dual-tunnel form values → the flat RPC parameters pop-core sends. pop-core does not flatten
// objects inside arrays (reference §1.4), so a tunnel's settings go out as
// `TunnelOptionsSpecification.1.TunnelIkeConfig.Psk`, exactly as @alicloud/vpc20160428 flattens
// them (`TunnelOptionsSpecification.TunnelIkeConfig.Psk`, without an index, for ModifyTunnelAttribute).
// The tunnel's IKE, IPsec and BGP keys are the key map's (common/config-shapes.ts).
import { ikeShape, ipsecShape, tunnelBgpShape } from '../common/config-shapes';
import { wireObject, type ShapeInput } from '../common/key-map';
import { commaList, compactParams, type RpcParams, type RpcRequest } from '../rpc-types';
import type {
  CreateDualTunnelVpnConnectionValue,
  ModifyDualTunnelVpnConnectionValue,
  ModifyTunnelAttributeValue,
} from './dual-tunnel';

export const TUNNEL_OPTIONS = 'TunnelOptionsSpecification';

type TunnelFields = {
  role?: string | undefined;
  customerGatewayId?: string | undefined;
  enableDpd?: boolean | undefined;
  enableNatTraversal?: boolean | undefined;
  remoteCaCertificate?: string | undefined;
  ikeConfig?: ShapeInput<typeof ikeShape.fields> | undefined;
  ipsecConfig?: ShapeInput<typeof ipsecShape.fields> | undefined;
  bgpConfig?: ShapeInput<typeof tunnelBgpShape.fields> | undefined;
};

/** One tunnel's parameters under `prefix` (`TunnelOptionsSpecification.1.` or `…Specification.`). */
export function tunnelParams(prefix: string, t: TunnelFields & { tunnelId?: string }): RpcParams {
  const nested = (group: string, object: Readonly<Record<string, string | number | boolean>>) =>
    Object.entries(object).map(([k, v]) => [`${prefix}${group}.${k}`, v] as const);
  return compactParams([
    [`${prefix}TunnelId`, t.tunnelId],
    [`${prefix}Role`, t.role],
    [`${prefix}CustomerGatewayId`, t.customerGatewayId],
    [`${prefix}EnableDpd`, t.enableDpd],
    [`${prefix}EnableNatTraversal`, t.enableNatTraversal],
    [`${prefix}RemoteCaCertificate`, t.remoteCaCertificate],
    ...nested('TunnelBgpConfig', wireObject(tunnelBgpShape, t.bgpConfig ?? {})),
    ...nested('TunnelIkeConfig', wireObject(ikeShape, t.ikeConfig ?? {})),
    ...nested('TunnelIpsecConfig', wireObject(ipsecShape, t.ipsecConfig ?? {})),
  ]);
}

function tunnelList(tunnels: ReadonlyArray<TunnelFields & { tunnelId?: string }>): RpcParams {
  const out: RpcParams = {};
  tunnels.forEach((t, i) => {
    Object.assign(out, tunnelParams(`${TUNNEL_OPTIONS}.${String(i + 1)}.`, t));
  });
  return out;
}

/** CreateVpnConnection on a dual-tunnel gateway: no single-tunnel parameter is ever sent. */
export function toCreateDualTunnelVpnConnectionParams(
  v: CreateDualTunnelVpnConnectionValue,
): RpcRequest {
  return {
    action: 'CreateVpnConnection',
    params: {
      ...compactParams([
        ['RegionId', v.regionId],
        ['VpnGatewayId', v.vpnGatewayId],
        ['LocalSubnet', commaList(v.localSubnet)],
        ['RemoteSubnet', commaList(v.remoteSubnet)],
        ['Name', v.name],
        ['EffectImmediately', v.effectImmediately],
        ['AutoConfigRoute', v.autoConfigRoute],
        ['EnableTunnelsBgp', v.enableTunnelsBgp],
      ]),
      ...tunnelList(v.tunnels),
      ...compactParams([
        ['ClientToken', v.clientToken],
        ['DryRun', v.dryRun],
      ]),
    },
  };
}

/** ModifyVpnConnectionAttribute on a dual-tunnel connection: each tunnel names its TunnelId. */
export function toModifyDualTunnelVpnConnectionParams(
  v: ModifyDualTunnelVpnConnectionValue,
): RpcRequest {
  return {
    action: 'ModifyVpnConnectionAttribute',
    params: {
      ...compactParams([
        ['RegionId', v.regionId],
        ['VpnConnectionId', v.vpnConnectionId],
        ['Name', v.name],
        ['LocalSubnet', commaList(v.localSubnet)],
        ['RemoteSubnet', commaList(v.remoteSubnet)],
        ['EffectImmediately', v.effectImmediately],
        ['AutoConfigRoute', v.autoConfigRoute],
        ['EnableTunnelsBgp', v.enableTunnelsBgp],
      ]),
      ...tunnelList(v.tunnels ?? []),
      ...compactParams([['ClientToken', v.clientToken]]),
    },
  };
}

/** ModifyTunnelAttribute: one tunnel, its settings under `TunnelOptionsSpecification.` (no index). */
export function toModifyTunnelAttributeParams(v: ModifyTunnelAttributeValue): RpcRequest {
  const { regionId, vpnConnectionId, tunnelId, clientToken, ...tunnel } = v;
  return {
    action: 'ModifyTunnelAttribute',
    params: {
      ...compactParams([
        ['RegionId', regionId],
        ['VpnConnectionId', vpnConnectionId],
        ['TunnelId', tunnelId],
      ]),
      ...tunnelParams(`${TUNNEL_OPTIONS}.`, tunnel),
      ...compactParams([['ClientToken', clientToken]]),
    },
  };
}
