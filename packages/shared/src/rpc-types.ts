// The shape handed to pop-core: `client.request(req.action, req.params, opts)`.

/** Every VPC API action the console calls: the cloud client takes only these. */
export const rpcActions = [
  // writes
  'CreateIpsecServer',
  'UpdateIpsecServer',
  'DeleteIpsecServer',
  'CreateVpnConnection',
  'ModifyVpnConnectionAttribute',
  'ModifyTunnelAttribute',
  'DeleteVpnConnection',
  'CreateSslVpnServer',
  'ModifySslVpnServer',
  'DeleteSslVpnServer',
  'CreateCustomerGateway',
  'ModifyCustomerGatewayAttribute',
  'DeleteCustomerGateway',
  'CreateSslVpnClientCert',
  'ModifySslVpnClientCert',
  'DeleteSslVpnClientCert',
  // reads
  'DescribeRegions',
  'DescribeVpcAttribute',
  'DescribeVpnGateways',
  'DescribeVpnGateway',
  'DescribeCustomerGateways',
  'ListIpsecServers',
  'DescribeVpnConnections',
  'DescribeVpnConnection',
  'DescribeVpnConnectionLogs',
  'DiagnoseVpnConnections',
  'DownloadVpnConnectionConfig',
  'DescribeSslVpnServers',
  'DescribeSslVpnClientCerts',
  'DescribeSslVpnClientCert',
  'DescribeSslVpnClients',
] as const;

export type RpcAction = (typeof rpcActions)[number];

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
