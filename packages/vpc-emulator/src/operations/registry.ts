import type { Operation } from './context';
import {
  createCustomerGateway,
  describeCustomerGateway,
  describeCustomerGateways,
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
  modifyVpnConnectionAttribute,
} from './vpn-connections';

/** Every Action the emulator answers. */
export const OPERATIONS: ReadonlyMap<string, Operation> = new Map([
  ['DescribeRegions', describeRegions],
  ['DescribeVpnGateways', describeVpnGateways],
  ['DescribeVpnGateway', describeVpnGateway],
  ['DescribeVpcAttribute', describeVpcAttribute],
  ['CreateCustomerGateway', createCustomerGateway],
  ['DescribeCustomerGateways', describeCustomerGateways],
  ['DescribeCustomerGateway', describeCustomerGateway],
  ['CreateIpsecServer', createIpsecServer],
  ['UpdateIpsecServer', updateIpsecServer],
  ['ListIpsecServers', listIpsecServers],
  ['DeleteIpsecServer', deleteIpsecServer],
  ['CreateVpnConnection', createVpnConnection],
  ['ModifyVpnConnectionAttribute', modifyVpnConnectionAttribute],
  ['DescribeVpnConnection', describeVpnConnection],
  ['DescribeVpnConnections', describeVpnConnections],
  ['DeleteVpnConnection', deleteVpnConnection],
  ['CreateSslVpnServer', createSslVpnServer],
  ['ModifySslVpnServer', modifySslVpnServer],
  ['DescribeSslVpnServers', describeSslVpnServers],
  ['DeleteSslVpnServer', deleteSslVpnServer],
]);
