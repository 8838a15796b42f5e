// Reading one gateway: used by the gateway routes, by writes (which schema applies: standard or
// SM/国密) and by the status hub.
import {
  gatewayTypeFromVpnType,
  type SchemaContext,
} from '@vpn-console/shared/common/gateway-type';
import {
  describeVpnGatewayResponseSchema,
  type VpnGateway,
} from '@vpn-console/shared/responses/vpn-gateway';
import type { CloudClient } from '../../cloud/client';
import type { RetryPolicy } from '../../cloud/retry';

export const describeVpnGateway = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string,
  policy?: Partial<RetryPolicy>,
): Promise<VpnGateway> => {
  const { data } = await cloud.call(
    'DescribeVpnGateway',
    { VpnGatewayId: vpnGatewayId },
    { regionId, schema: describeVpnGatewayResponseSchema, ...(policy ? { policy } : {}) },
  );
  return data;
};

/** The schema context of a gateway (standard or SM). */
export const gatewayContext = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string,
): Promise<SchemaContext> => {
  const gateway = await describeVpnGateway(cloud, regionId, vpnGatewayId);
  return { gatewayType: gatewayTypeFromVpnType(gateway.VpnType) };
};
