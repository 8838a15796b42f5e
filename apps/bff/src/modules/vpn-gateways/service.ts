import type { VpnGatewayDetailView, VpnGatewayView } from '@vpn-console/shared/api/views';
import type { RegionView } from '@vpn-console/shared/api/regions';
import { describeRegionsResponseSchema } from '@vpn-console/shared/responses/regions';
import { describeVpnGatewaysResponseSchema } from '@vpn-console/shared/responses/vpn-gateway';
import type { CloudClient } from '../../cloud/client';
import { CloudError } from '../../cloud/errors';
import type { GatewayStatusFetcher } from '../../status/hub';
import { listIpsecServers } from '../ipsec-servers/service';
import { describeAll } from '../paging';
import { listSslVpnServers } from '../ssl-vpn-servers/service';
import { connectionStatusOf } from '../vpn-connections/present';
import { listVpnConnections, listVpnConnectionsRaw } from '../vpn-connections/service';
import { describeVpnGateway } from './context';
import { presentRegion, presentVpnGateway } from './present';
import type { PskKeys } from '../secret-view';

export const listRegions = async (
  cloud: CloudClient,
  defaultRegion: string,
): Promise<RegionView[]> => {
  const { data } = await cloud.call(
    'DescribeRegions',
    { AcceptLanguage: 'en-US' },
    { regionId: defaultRegion, schema: describeRegionsResponseSchema },
  );
  return data.Regions.Region.map(presentRegion);
};

const listVpnGateways = async (cloud: CloudClient, regionId: string): Promise<VpnGatewayView[]> => {
  const gateways = await describeAll(
    cloud,
    regionId,
    'DescribeVpnGateways',
    {},
    describeVpnGatewaysResponseSchema,
    (page) => page.VpnGateways.VpnGateway,
    (page) => page.TotalCount,
  );
  return gateways.map((g) => presentVpnGateway(g, regionId));
};

/**
 * A region's gateways for the shared lists: a region the cloud refuses for good (unknown, not
 * open to this account) has none; a transient failure is thrown (the region is then named failed).
 */
export const listVpnGatewaysOrNone = async (
  cloud: CloudClient,
  regionId: string,
): Promise<VpnGatewayView[]> => {
  try {
    return await listVpnGateways(cloud, regionId);
  } catch (error) {
    if (error instanceof CloudError && error.kind === 'api' && !error.retryable) return [];
    throw error;
  }
};

export const getVpnGatewayDetail = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string,
  keys: PskKeys,
): Promise<VpnGatewayDetailView> => {
  const gateway = presentVpnGateway(
    await describeVpnGateway(cloud, regionId, vpnGatewayId),
    regionId,
  );
  const [ipsecServers, sslVpnServers, vpnConnections] = await Promise.all([
    listIpsecServers(cloud, regionId, vpnGatewayId, keys),
    listSslVpnServers(cloud, regionId, vpnGatewayId),
    listVpnConnections(cloud, regionId, vpnGatewayId, keys),
  ]);
  return { ...gateway, ipsecServer: ipsecServers[0] ?? null, sslVpnServers, vpnConnections };
};

/**
 * A status poll retries once at most: the hub polls again at the fast interval anyway (one retry
 * layer), and a cloud that stays down shows as "stale since" quickly.
 */
const POLL_POLICY = { maxAttempts: 2 };
const POLL = { policy: POLL_POLICY, priority: 'poll' } as const;

/** What the status hub polls: the gateway and its connections' negotiation status. */
export const createGatewayStatusFetcher = (cloud: CloudClient): GatewayStatusFetcher => ({
  fetch: async (ref) => {
    let gateway;
    try {
      gateway = await describeVpnGateway(cloud, ref.regionId, ref.vpnGatewayId, POLL);
    } catch (error) {
      if (error instanceof CloudError && error.notFound) return { gateway: null, connections: [] };
      throw error;
    }
    const connections = await listVpnConnectionsRaw(
      cloud,
      ref.regionId,
      { vpnGatewayId: ref.vpnGatewayId },
      { priority: 'poll' },
    );
    return {
      gateway: presentVpnGateway(gateway, ref.regionId),
      connections: connections.map(connectionStatusOf),
    };
  },
});
