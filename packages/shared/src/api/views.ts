// Resource views returned by the BFF (camelCase, already parsed from the Alibaba responses).
import { z } from 'zod';
import {
  bgpShape,
  healthCheckShape,
  ikeShape,
  ipsecShape,
  tunnelBgpShape,
} from '../common/config-shapes';
import { viewSchemaOf } from '../common/key-map';
import { listOf } from './list';

export const gatewayStatusSchema = z.enum([
  'init',
  'provisioning',
  'active',
  'updating',
  'deleting',
]);
export type GatewayStatus = z.infer<typeof gatewayStatusSchema>;

/** Statuses during which the gateway (or something on it) is changing: the hub polls fast. */
export const changingGatewayStatuses: readonly GatewayStatus[] = [
  'init',
  'provisioning',
  'updating',
  'deleting',
];

/**
 * A pre-shared key as the console shows it: never the key itself in ordinary views. `masked` is
 * a fixed-width placeholder, `fingerprint` a short digest an operator can compare with a
 * customer's. The reveal is a separate, audited route.
 */
export const secretViewSchema = z.object({
  masked: z.string(),
  fingerprint: z.string(),
});
export type SecretView = z.infer<typeof secretViewSchema>;

export const vpnGatewayViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  name: z.string(),
  description: z.string(),
  vpcId: z.string(),
  vSwitchId: z.string().optional(),
  /** Gateway lifecycle; unknown upstream values pass through as strings. */
  status: z.string(),
  businessStatus: z.string(),
  spec: z.string(),
  internetIp: z.string(),
  /** Dual-tunnel gateways: the second public IP (tunnel 2's) and its zone's vSwitch. */
  disasterRecoveryInternetIp: z.string().optional(),
  disasterRecoveryVSwitchId: z.string().optional(),
  sslVpnInternetIp: z.string().optional(),
  ipsecVpn: z.boolean(),
  sslVpn: z.boolean(),
  sslMaxConnections: z.number().optional(),
  enableBgp: z.boolean(),
  gatewayType: z.string().optional(),
  /** `Normal` or `NationalStandard` (SM / 国密). */
  vpnType: z.string(),
  /** True for dual-tunnel gateways (they have a disaster-recovery IP). */
  dualTunnel: z.boolean(),
  networkType: z.string().optional(),
  createTime: z.number().optional(),
  /** Expiry (epoch ms) of a subscription gateway. */
  endTime: z.number().optional(),
  /** `PREPAY` (subscription) or `POSTPAY` (pay-as-you-go), as the cloud spells it. */
  chargeType: z.string().optional(),
  /** The gateway's software version (system label `VpnVersion`). */
  version: z.string().optional(),
  /** Whether this version can hold an IPsec server (system label `VpnNewImage`); absent: unknown. */
  supportsIpsecServer: z.boolean().optional(),
});
export type VpnGatewayView = z.infer<typeof vpnGatewayViewSchema>;

export const ikeConfigViewSchema = viewSchemaOf(ikeShape);
export type IkeConfigView = z.infer<typeof ikeConfigViewSchema>;

export const ipsecConfigViewSchema = viewSchemaOf(ipsecShape);
export type IpsecConfigView = z.infer<typeof ipsecConfigViewSchema>;

export const customerGatewayViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  name: z.string(),
  description: z.string(),
  ipAddress: z.string(),
  asn: z.number().optional(),
  /** Whether a BGP authentication key is set (the key itself is never shown). */
  hasAuthKey: z.boolean(),
  createTime: z.number().optional(),
  /**
   * The IPsec connections that use it (single-tunnel, or one tunnel of a dual-tunnel connection):
   * while there is one, the cloud refuses to delete it.
   */
  usedBy: z.array(
    z.object({
      vpnConnectionId: z.string(),
      name: z.string(),
      vpnGatewayId: z.string(),
      /** The tunnel of a dual-tunnel connection that uses it. */
      tunnelId: z.string().optional(),
    }),
  ),
});
export type CustomerGatewayView = z.infer<typeof customerGatewayViewSchema>;

export const ipsecServerViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  vpnGatewayId: z.string(),
  name: z.string(),
  localSubnet: z.array(z.string()),
  clientIpPool: z.string(),
  internetIp: z.string().optional(),
  effectImmediately: z.boolean(),
  pskEnabled: z.boolean(),
  psk: secretViewSchema.optional(),
  ikeConfig: ikeConfigViewSchema,
  ipsecConfig: ipsecConfigViewSchema,
  onlineClientCount: z.number().optional(),
  maxConnections: z.number().optional(),
  /** ISO timestamp as given by ListIpsecServers. */
  creationTime: z.string().optional(),
});
export type IpsecServerView = z.infer<typeof ipsecServerViewSchema>;

export const connectionNegotiationStatusSchema = z.enum([
  'ike_sa_not_established',
  'ike_sa_established',
  'ipsec_sa_not_established',
  'ipsec_sa_established',
]);

export const bgpConfigViewSchema = viewSchemaOf(bgpShape);
export type BgpConfigView = z.infer<typeof bgpConfigViewSchema>;

export const healthCheckViewSchema = viewSchemaOf(healthCheckShape);
export type HealthCheckView = z.infer<typeof healthCheckViewSchema>;

/** A tunnel's BGP as the cloud describes it (TunnelBgpConfig; `bgpStatus` is its session). */
export const tunnelBgpViewSchema = viewSchemaOf(tunnelBgpShape);

export const tunnelViewSchema = z.object({
  tunnelId: z.string(),
  /** 1 or 2: tunnel 1 uses the gateway's IP, tunnel 2 its second IP. */
  tunnelIndex: z.number().optional(),
  role: z.string().optional(),
  state: z.string().optional(),
  status: z.string().optional(),
  customerGatewayId: z.string().optional(),
  internetIp: z.string().optional(),
  zoneNo: z.string().optional(),
  enableDpd: z.boolean().optional(),
  enableNatTraversal: z.boolean().optional(),
  /** Whether the tunnel has a peer CA certificate (SM gateways). */
  hasRemoteCaCertificate: z.boolean().optional(),
  psk: secretViewSchema.optional(),
  ikeConfig: ikeConfigViewSchema.optional(),
  ipsecConfig: ipsecConfigViewSchema.optional(),
  bgpConfig: tunnelBgpViewSchema.optional(),
});

export const vpnConnectionViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  vpnGatewayId: z.string(),
  customerGatewayId: z.string().optional(),
  name: z.string(),
  localSubnet: z.array(z.string()),
  remoteSubnet: z.array(z.string()),
  effectImmediately: z.boolean().optional(),
  enableDpd: z.boolean().optional(),
  enableNatTraversal: z.boolean().optional(),
  /** Lifecycle (`active`, `updating`, …). */
  state: z.string().optional(),
  /** IKE/IPsec negotiation status (`ike_sa_not_established`, …, `ipsec_sa_established`). */
  status: z.string().optional(),
  createTime: z.number().optional(),
  psk: secretViewSchema.optional(),
  ikeConfig: ikeConfigViewSchema.optional(),
  ipsecConfig: ipsecConfigViewSchema.optional(),
  bgpConfig: bgpConfigViewSchema.optional(),
  healthCheck: healthCheckViewSchema.optional(),
  /** Dual-tunnel connections: BGP on both tunnels. */
  enableTunnelsBgp: z.boolean().optional(),
  /** Dual-tunnel connections: the two tunnels, each with its own peer and settings. */
  tunnels: z.array(tunnelViewSchema).optional(),
});
export type VpnConnectionView = z.infer<typeof vpnConnectionViewSchema>;

export const sslVpnServerViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  vpnGatewayId: z.string(),
  name: z.string(),
  clientIpPool: z.string(),
  localSubnet: z.array(z.string()),
  proto: z.string().optional(),
  port: z.number().optional(),
  cipher: z.string().optional(),
  compress: z.boolean().optional(),
  connections: z.number().optional(),
  maxConnections: z.number().optional(),
  internetIp: z.string().optional(),
  enableMultiFactorAuth: z.boolean().optional(),
  createTime: z.number().optional(),
});
export type SslVpnServerView = z.infer<typeof sslVpnServerViewSchema>;

export const vpnGatewayDetailViewSchema = vpnGatewayViewSchema.extend({
  ipsecServer: ipsecServerViewSchema.nullable(),
  sslVpnServers: z.array(sslVpnServerViewSchema),
  vpnConnections: z.array(vpnConnectionViewSchema),
});
export type VpnGatewayDetailView = z.infer<typeof vpnGatewayDetailViewSchema>;

export const vpnGatewayListSchema = listOf(vpnGatewayViewSchema);
export const customerGatewayListSchema = listOf(customerGatewayViewSchema);
export const ipsecServerListSchema = listOf(ipsecServerViewSchema);
export const vpnConnectionListSchema = listOf(vpnConnectionViewSchema);
export const sslVpnServerListSchema = listOf(sslVpnServerViewSchema);
