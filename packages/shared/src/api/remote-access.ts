// Remote-access clients (HTTP contract): SSL-VPN client certificates and who is connected, and
// the client profile of an IPsec server.
import { z } from 'zod';
import { secretViewSchema } from './views';

export const sslVpnClientCertStatuses = ['normal', 'expiring-soon', 'expired'] as const;

export const sslVpnClientCertViewSchema = z.object({
  id: z.string(),
  regionId: z.string(),
  sslVpnServerId: z.string(),
  name: z.string(),
  /** The cloud's status; an unknown value passes through. */
  status: z.union([z.enum(sslVpnClientCertStatuses), z.string()]),
  /** ISO 8601. */
  createdAt: z.string().optional(),
  expiresAt: z.string().optional(),
  /** Whole days until `expiresAt` by the BFF's clock (0 when expired). */
  daysLeft: z.number().int().optional(),
});
export type SslVpnClientCertView = z.infer<typeof sslVpnClientCertViewSchema>;

export const sslVpnClientCertListSchema = z.object({
  items: z.array(sslVpnClientCertViewSchema),
  totalCount: z.number().int(),
});
export type SslVpnClientCertList = z.infer<typeof sslVpnClientCertListSchema>;

export const sslVpnClientViewSchema = z.object({
  /** The certificate the client connected with (`CN=…` without the prefix). */
  commonName: z.string(),
  /** The certificate's name when it is one of this region's certificates. */
  certName: z.string().optional(),
  /** Public address and port the client connects from. */
  ip: z.string().optional(),
  port: z.string().optional(),
  /** Address the gateway gave the client from its pool. */
  privateIp: z.string().optional(),
  status: z.string().optional(),
  /** ISO 8601. */
  connectedAt: z.string().optional(),
  sendBytes: z.number().optional(),
  receiveBytes: z.number().optional(),
});
export type SslVpnClientView = z.infer<typeof sslVpnClientViewSchema>;

export const sslVpnClientListSchema = z.object({
  items: z.array(sslVpnClientViewSchema),
  totalCount: z.number().int(),
});
export type SslVpnClientList = z.infer<typeof sslVpnClientListSchema>;

const algorithmSettingsSchema = z.object({
  encryption: z.string(),
  integrity: z.string(),
  lifetimeSeconds: z.number(),
});

export const ipsecClientSettingsSchema = z.object({
  connectionName: z.string(),
  serverAddress: z.string(),
  ikeVersion: z.string(),
  remoteId: z.string(),
  localId: z.string().optional(),
  ike: algorithmSettingsSchema.extend({ dhGroup: z.string() }),
  esp: algorithmSettingsSchema.extend({ pfs: z.string() }),
  ikeProposal: z.string().optional(),
  espProposal: z.string().optional(),
  remoteSubnets: z.array(z.string()),
  clientIpPool: z.string(),
});
export type IpsecClientSettings = z.infer<typeof ipsecClientSettingsSchema>;

/** GET …/ipsec-servers/:id/client-profile: everything but the PSK (masked; reveal to download). */
export const ipsecClientProfileSchema = z.object({
  ipsecServerId: z.string(),
  vpnGatewayId: z.string(),
  settings: ipsecClientSettingsSchema,
  psk: secretViewSchema.optional(),
  /** swanctl.conf with a placeholder instead of the key. */
  swanctlConf: z.string(),
});
export type IpsecClientProfile = z.infer<typeof ipsecClientProfileSchema>;

/** `?format=` of the downloads that carry key material. */
export const sslVpnBundleFormats = ['ovpn'] as const;
export const ipsecProfileFormats = ['swanctl', 'settings'] as const;
