// DescribeVpnConnection(s), CreateVpnConnection and ModifyVpnConnectionAttribute responses (reference §5.4).
import { z } from 'zod';
import { boolLike, intLike, listWrapper, pageFields, tagSchema } from './common';
import { bgpShape, healthCheckShape, tunnelBgpShape } from '../common/config-shapes';
import { responseSchemaOf } from '../common/key-map';
import { ikeConfigResponseSchema, ipsecConfigResponseSchema } from './ike';

/** Negotiation status values (kept open). */
export const VPN_CONNECTION_STATUSES = [
  'ike_sa_not_established',
  'ike_sa_established',
  'ipsec_sa_not_established',
  'ipsec_sa_established',
] as const;

export const vcoHealthCheckSchema = responseSchemaOf(healthCheckShape);
export const vpnBgpConfigSchema = responseSchemaOf(bgpShape);
export const tunnelBgpConfigSchema = responseSchemaOf(tunnelBgpShape);

export const tunnelOptionsSchema = z.looseObject({
  TunnelId: z.string().optional(),
  TunnelIndex: intLike.optional(),
  Role: z.string().optional(),
  State: z.string().optional(),
  Status: z.string().optional(),
  CustomerGatewayId: z.string().optional(),
  InternetIp: z.string().optional(),
  ZoneNo: z.string().optional(),
  EnableDpd: boolLike.optional(),
  EnableNatTraversal: boolLike.optional(),
  RemoteCaCertificate: z.string().optional(),
  /** All strings on the wire; `''` with BGP off (read as absent). */
  TunnelBgpConfig: tunnelBgpConfigSchema.optional(),
  TunnelIkeConfig: ikeConfigResponseSchema.optional(),
  TunnelIpsecConfig: ipsecConfigResponseSchema.optional(),
});

export const vpnConnectionSchema = z.looseObject({
  VpnConnectionId: z.string(),
  VpnGatewayId: z.string().optional(),
  CustomerGatewayId: z.string().optional(),
  Name: z.string().optional(),
  LocalSubnet: z.string().optional(),
  RemoteSubnet: z.string().optional(),
  InternetIp: z.string().optional(),
  ZoneNo: z.string().optional(),
  ResourceGroupId: z.string().optional(),
  /** Negotiation status: see VPN_CONNECTION_STATUSES. */
  Status: z.string().optional(),
  /** Lifecycle state: active, init, attaching, attached, detaching, financialLocked, provisioning, updating, upgrading, deleted. */
  State: z.string().optional(),
  AttachType: z.string().optional(),
  CrossAccountAuthorized: boolLike.optional(),
  EffectImmediately: boolLike.optional(),
  EnableDpd: boolLike.optional(),
  EnableNatTraversal: boolLike.optional(),
  EnableTunnelsBgp: boolLike.optional(),
  NetworkType: z.string().optional(),
  Spec: z.string().optional(),
  CreateTime: intLike.optional(),
  RemoteCaCertificate: z.string().optional(),
  IkeConfig: ikeConfigResponseSchema.optional(),
  IpsecConfig: ipsecConfigResponseSchema.optional(),
  VcoHealthCheck: vcoHealthCheckSchema.optional(),
  VpnBgpConfig: vpnBgpConfigSchema.optional(),
  TunnelOptionsSpecification: listWrapper('TunnelOptions', tunnelOptionsSchema).optional(),
  Tag: listWrapper('Tag', tagSchema).optional(),
  Tags: listWrapper('Tag', tagSchema).optional(),
});

export const describeVpnConnectionResponseSchema = vpnConnectionSchema.extend({
  RequestId: z.string().optional(),
});

export const describeVpnConnectionsResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  ...pageFields,
  VpnConnections: listWrapper('VpnConnection', vpnConnectionSchema),
});

export const createVpnConnectionResponseSchema = z.looseObject({
  RequestId: z.string(),
  VpnConnectionId: z.string(),
  Name: z.string().optional(),
  CreateTime: intLike.optional(),
});

export const modifyVpnConnectionAttributeResponseSchema = vpnConnectionSchema.extend({
  RequestId: z.string(),
});

export type VpnConnection = z.output<typeof vpnConnectionSchema>;
export type DescribeVpnConnectionsResponse = z.output<typeof describeVpnConnectionsResponseSchema>;
export type CreateVpnConnectionResponse = z.output<typeof createVpnConnectionResponseSchema>;
