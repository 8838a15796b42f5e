// DescribeVpnGateway / DescribeVpnGateways responses (reference §5.2).
import { z } from 'zod';
import { boolLike, intLike, listWrapper, pageFields, tagSchema } from './common';

export const VPN_GATEWAY_STATUSES = [
  'init',
  'provisioning',
  'active',
  'updating',
  'deleting',
] as const;

export const vpnGatewaySchema = z.looseObject({
  VpnGatewayId: z.string(),
  Name: z.string().optional(),
  Description: z.string().optional(),
  VpcId: z.string().optional(),
  VSwitchId: z.string().optional(),
  DisasterRecoveryVSwitchId: z.string().optional(),
  ResourceGroupId: z.string().optional(),
  /** `init` | `provisioning` | `active` | `updating` | `deleting` (kept open for new values). */
  Status: z.string().optional(),
  /** `Normal` | `FinancialLocked`. */
  BusinessStatus: z.string().optional(),
  Spec: z.string().optional(),
  InternetIp: z.string().optional(),
  DisasterRecoveryInternetIp: z.string().optional(),
  SslVpnInternetIp: z.string().optional(),
  /** `enable` | `disable`. */
  IpsecVpn: z.string().optional(),
  SslVpn: z.string().optional(),
  SslMaxConnections: intLike.optional(),
  EnableBgp: boolLike.optional(),
  AutoPropagate: boolLike.optional(),
  /** `Traditional` | `Enhanced.SiteToSite`. */
  GatewayType: z.string().optional(),
  /** `Normal` | `NationalStandard` (SM); see gatewayTypeFromVpnType. */
  VpnType: z.string().optional(),
  NetworkType: z.string().optional(),
  ChargeType: z.string().optional(),
  CreateTime: intLike.optional(),
  EndTime: intLike.optional(),
  Tag: z.string().optional(),
  Tags: listWrapper('Tag', tagSchema).optional(),
});

export const describeVpnGatewayResponseSchema = vpnGatewaySchema.extend({
  RequestId: z.string().optional(),
});

export const describeVpnGatewaysResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  ...pageFields,
  VpnGateways: listWrapper('VpnGateway', vpnGatewaySchema),
});

export type VpnGateway = z.output<typeof vpnGatewaySchema>;
export type DescribeVpnGatewayResponse = z.output<typeof describeVpnGatewayResponseSchema>;
export type DescribeVpnGatewaysResponse = z.output<typeof describeVpnGatewaysResponseSchema>;
