import type { CustomerGatewayView } from '@vpn-console/shared/api/views';
import {
  describeCustomerGatewaysResponseSchema,
  type CustomerGateway,
} from '@vpn-console/shared/responses/customer-gateway';
import type { VpnConnection } from '@vpn-console/shared/responses/vpn-connection';
import type { CloudClient } from '../../cloud/client';
import { notFound } from '../../http/errors';
import { describeAll } from '../paging';
import { listVpnConnectionsRaw } from '../vpn-connections/service';
import { presentCustomerGateway } from './present';

export type CustomerGatewayUse = CustomerGatewayView['usedBy'][number];

export const listCustomerGatewaysRaw = (
  cloud: CloudClient,
  regionId: string,
  customerGatewayId?: string,
): Promise<CustomerGateway[]> =>
  describeAll(
    cloud,
    regionId,
    'DescribeCustomerGateways',
    { CustomerGatewayId: customerGatewayId },
    describeCustomerGatewaysResponseSchema,
    (page) => page.CustomerGateways.CustomerGateway,
    (page) => page.TotalCount,
  );

/**
 * Which connections use each customer gateway: a single-tunnel connection's own, or the tunnels'
 * of a dual-tunnel one (whose top-level CustomerGatewayId is empty).
 */
const usesByCustomerGateway = (
  connections: readonly VpnConnection[],
): Map<string, CustomerGatewayUse[]> => {
  const uses = new Map<string, CustomerGatewayUse[]>();
  const add = (cgwId: string | undefined, use: CustomerGatewayUse) => {
    if (cgwId === undefined || cgwId === '') return;
    uses.set(cgwId, [...(uses.get(cgwId) ?? []), use]);
  };
  for (const c of connections) {
    const base = {
      vpnConnectionId: c.VpnConnectionId,
      name: c.Name ?? '',
      vpnGatewayId: c.VpnGatewayId ?? '',
    };
    add(c.CustomerGatewayId, base);
    for (const t of c.TunnelOptionsSpecification?.TunnelOptions ?? []) {
      add(t.CustomerGatewayId, {
        ...base,
        ...(t.TunnelId === undefined ? {} : { tunnelId: t.TunnelId }),
      });
    }
  }
  return uses;
};

/** The connections of the region that use customer gateways, by customer gateway id. */
export const customerGatewayUses = async (
  cloud: CloudClient,
  regionId: string,
): Promise<Map<string, CustomerGatewayUse[]>> =>
  usesByCustomerGateway(await listVpnConnectionsRaw(cloud, regionId, {}));

export const listCustomerGateways = async (
  cloud: CloudClient,
  regionId: string,
): Promise<CustomerGatewayView[]> => {
  const [gateways, uses] = await Promise.all([
    listCustomerGatewaysRaw(cloud, regionId),
    customerGatewayUses(cloud, regionId),
  ]);
  return gateways.map((c) =>
    presentCustomerGateway(c, regionId, uses.get(c.CustomerGatewayId) ?? []),
  );
};

export const getCustomerGatewayRaw = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<CustomerGateway> => {
  const found = (await listCustomerGatewaysRaw(cloud, regionId, id)).find(
    (c) => c.CustomerGatewayId === id,
  );
  if (!found) throw notFound('customer gateway');
  return found;
};

export const getCustomerGateway = async (
  cloud: CloudClient,
  regionId: string,
  id: string,
): Promise<CustomerGatewayView> => {
  const [found, uses] = await Promise.all([
    getCustomerGatewayRaw(cloud, regionId, id),
    customerGatewayUses(cloud, regionId),
  ]);
  return presentCustomerGateway(found, regionId, uses.get(id) ?? []);
};
