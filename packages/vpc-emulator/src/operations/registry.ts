import type { Operation } from './context';
import {
  createCustomerGateway,
  deleteCustomerGateway,
  describeCustomerGateway,
  describeCustomerGateways,
  modifyCustomerGatewayAttribute,
} from './customer-gateways';
import {
  describeRegions,
  describeVpcAttribute,
  describeVpnGateway,
  describeVpnGateways,
} from './gateways';
import {
  createIpsecServer,
  deleteIpsecServer,
  listIpsecServers,
  updateIpsecServer,
} from './ipsec-servers';
import {
  createSslVpnClientCert,
  deleteSslVpnClientCert,
  describeSslVpnClientCert,
  describeSslVpnClientCerts,
  describeSslVpnClients,
  modifySslVpnClientCert,
} from './ssl-vpn-client-certs';
import {
  createSslVpnServer,
  deleteSslVpnServer,
  describeSslVpnServers,
  modifySslVpnServer,
} from './ssl-vpn-servers';
import {
  createVpnConnection,
  deleteVpnConnection,
  describeVpnConnection,
  describeVpnConnections,
  modifyTunnelAttribute,
  modifyVpnConnectionAttribute,
} from './vpn-connections';
import { downloadVpnConnectionConfig } from './vpn-connection-config';
import { describeVpnConnectionLogs, diagnoseVpnConnections } from './connection-logs';

/**
 * Every Action the emulator answers, by its wire name. To add one: write its `Operation` in the
 * resource's file under `operations/` (or a new file there) and add ONE line below. Everything
 * else an action needs (signature, RegionId, DryRun, ClientToken, faults, call counts, saving the
 * state) is done for it in `dispatch.ts` and `rpc.ts`. An object literal: a name twice is a
 * compile error.
 */
const ACTIONS = {
  // gateways and regions
  DescribeRegions: describeRegions,
  DescribeVpnGateways: describeVpnGateways,
  DescribeVpnGateway: describeVpnGateway,
  DescribeVpcAttribute: describeVpcAttribute,
  // customer gateways
  CreateCustomerGateway: createCustomerGateway,
  DescribeCustomerGateways: describeCustomerGateways,
  DescribeCustomerGateway: describeCustomerGateway,
  ModifyCustomerGatewayAttribute: modifyCustomerGatewayAttribute,
  DeleteCustomerGateway: deleteCustomerGateway,
  // IPsec servers
  CreateIpsecServer: createIpsecServer,
  UpdateIpsecServer: updateIpsecServer,
  ListIpsecServers: listIpsecServers,
  DeleteIpsecServer: deleteIpsecServer,
  // IPsec-VPN connections
  CreateVpnConnection: createVpnConnection,
  ModifyVpnConnectionAttribute: modifyVpnConnectionAttribute,
  DescribeVpnConnection: describeVpnConnection,
  DescribeVpnConnections: describeVpnConnections,
  DeleteVpnConnection: deleteVpnConnection,
  DownloadVpnConnectionConfig: downloadVpnConnectionConfig,
  ModifyTunnelAttribute: modifyTunnelAttribute,
  // negotiation logs and diagnosis
  DescribeVpnConnectionLogs: describeVpnConnectionLogs,
  DiagnoseVpnConnections: diagnoseVpnConnections,
  // SSL-VPN servers
  CreateSslVpnServer: createSslVpnServer,
  ModifySslVpnServer: modifySslVpnServer,
  DescribeSslVpnServers: describeSslVpnServers,
  DeleteSslVpnServer: deleteSslVpnServer,
  // SSL-VPN client certificates and connected clients
  CreateSslVpnClientCert: createSslVpnClientCert,
  DescribeSslVpnClientCert: describeSslVpnClientCert,
  DescribeSslVpnClientCerts: describeSslVpnClientCerts,
  ModifySslVpnClientCert: modifySslVpnClientCert,
  DeleteSslVpnClientCert: deleteSslVpnClientCert,
  DescribeSslVpnClients: describeSslVpnClients,
} satisfies Record<string, Operation>;

export const OPERATIONS: ReadonlyMap<string, Operation> = new Map(Object.entries(ACTIONS));
