// The shape handed to pop-core: `client.request(req.action, req.params, opts)`.

export type RpcAction =
  | 'CreateIpsecServer'
  | 'UpdateIpsecServer'
  | 'CreateVpnConnection'
  | 'ModifyVpnConnectionAttribute'
  | 'ModifyTunnelAttribute'
  | 'CreateSslVpnServer'
  | 'ModifySslVpnServer'
  | 'CreateCustomerGateway';

/** PascalCase Alibaba parameter names; never undefined or null (pop-core would send the literal text). */
export type RpcParams = Record<string, string | number | boolean>;

export type RpcRequest = { action: RpcAction; params: RpcParams };

/** Builds params in insertion order, skipping undefined values. */
export function compactParams(
  entries: ReadonlyArray<readonly [string, string | number | boolean | undefined]>,
): RpcParams {
  const params: RpcParams = {};
  for (const [key, value] of entries) {
    if (value !== undefined) params[key] = value;
  }
  return params;
}

/** Comma list of CIDRs as the API wants it, or undefined when absent. */
export function commaList(list: readonly string[] | undefined): string | undefined {
  return list === undefined ? undefined : list.join(',');
}
