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
import type { GatewayFacts as ActionFacts } from '@vpn-console/shared/common/gateway-actions';
import { z } from 'zod';
import type { CloudClient } from '../../cloud/client';
import { CloudError } from '../../cloud/errors';
import type { ReadOptions } from '../paging';
import { presentVpnGateway } from './present';

export const describeVpnGateway = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string,
  options: ReadOptions = {},
): Promise<VpnGateway> => {
  const { data } = await cloud.call(
    'DescribeVpnGateway',
    { VpnGatewayId: vpnGatewayId },
    { regionId, schema: describeVpnGatewayResponseSchema, ...options },
  );
  return data;
};

const describeVpcAttributeSchema = z.looseObject({
  RequestId: z.string().optional(),
  CidrBlock: z.string().optional(),
  SecondaryCidrBlocks: z
    .looseObject({ SecondaryCidrBlock: z.array(z.string()).optional() })
    .optional(),
});

/** What the BFF knows of a gateway for the server-side checks of a write (shared API.md). */
export interface GatewayFacts {
  readonly context: SchemaContext;
  /** A dual-tunnel gateway (it has a second IP): it takes only dual-tunnel connections. */
  readonly dualTunnel: boolean;
  readonly sslMaxConnections: number | undefined;
  /** Epoch ms; undefined when the cloud did not say. */
  readonly createTimeMs: number | undefined;
  /** The VPC's CIDR blocks; undefined when they could not be read (the cloud still checks). */
  readonly vpcCidrs: readonly string[] | undefined;
  /** What decides the actions it can take (shared common/gateway-actions.ts), as the views say. */
  readonly actions: ActionFacts;
}

/** The gateway's facts; `withVpc` also reads its VPC's CIDR blocks (DescribeVpcAttribute). */
export const gatewayFacts = async (
  cloud: CloudClient,
  regionId: string,
  vpnGatewayId: string,
  withVpc: boolean,
): Promise<GatewayFacts> => {
  const gateway = await describeVpnGateway(cloud, regionId, vpnGatewayId);
  let vpcCidrs: string[] | undefined;
  if (withVpc && gateway.VpcId !== undefined) {
    try {
      const { data } = await cloud.call(
        'DescribeVpcAttribute',
        { VpcId: gateway.VpcId },
        { regionId, schema: describeVpcAttributeSchema },
      );
      vpcCidrs = [
        ...(data.CidrBlock === undefined || data.CidrBlock === '' ? [] : [data.CidrBlock]),
        ...(data.SecondaryCidrBlocks?.SecondaryCidrBlock ?? []),
      ];
    } catch (error) {
      // Without the VPC's blocks the check is left to the cloud (it refuses an overlap itself).
      if (!(error instanceof CloudError)) throw error;
    }
  }
  return {
    context: { gatewayType: gatewayTypeFromVpnType(gateway.VpnType) },
    dualTunnel: (gateway.DisasterRecoveryInternetIp ?? '') !== '',
    sslMaxConnections: gateway.SslMaxConnections,
    createTimeMs: gateway.CreateTime,
    vpcCidrs,
    actions: presentVpnGateway(gateway, regionId),
  };
};
