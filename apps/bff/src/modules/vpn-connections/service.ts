import type { VpnConnectionView } from '@vpn-console/shared/api/views';
import {
  describeVpnConnectionResponseSchema,
  describeVpnConnectionsResponseSchema,
  type VpnConnection,
} from '@vpn-console/shared/responses/vpn-connection';
import type { CloudClient } from '../../cloud/client';
import { describeAll, type ReadOptions } from '../paging';
import { presentVpnConnection } from './present';
import type { PskKeys } from '../secret-view';

export const listVpnConnectionsRaw = (
  cloud: CloudClient,
  regionId: string,
  filter: { vpnGatewayId?: string | undefined; customerGatewayId?: string | undefined },
  options: ReadOptions = {},
): Promise<VpnConnection[]> =>
  describeAll(
    cloud,
    regionId,
    'DescribeVpnConnections',
    { VpnGatewayId: filter.vpnGatewayId, CustomerGatewayId: filter.customerGatewayId },
    describeVpnConnectionsResponseSchema,
    (page) => page.VpnConnections.VpnConnection,
    (page) => page.TotalCount,
    options,
  );

export const listVpnConnections = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string | undefined,
  keys: PskKeys,
): Promise<VpnConnectionView[]> =>
  (await listVpnConnectionsRaw(cloud, regionId, { vpnGatewayId })).map((c) =>
    presentVpnConnection(c, regionId, keys),
  );

export const getVpnConnectionRaw = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<VpnConnection> => {
  const { data } = await cloud.call(
    'DescribeVpnConnection',
    { VpnConnectionId: id },
    { regionId, schema: describeVpnConnectionResponseSchema },
  );
  return data;
};
