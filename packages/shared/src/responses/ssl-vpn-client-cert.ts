// SSL-VPN client certificates and connected clients (SDK @alicloud/vpc20160428 models:
// CreateSslVpnClientCert, DescribeSslVpnClientCert(s), ModifySslVpnClientCert, DescribeSslVpnClients).
import { z } from 'zod';
import { intLike, listWrapper, pageFields } from './common';

export const sslVpnClientCertSchema = z.looseObject({
  SslVpnClientCertId: z.string(),
  SslVpnServerId: z.string().optional(),
  RegionId: z.string().optional(),
  Name: z.string().optional(),
  /** `normal` | `expiring-soon` (within a week) | `expired`; other values pass through. */
  Status: z.string().optional(),
  CreateTime: intLike.optional(),
  EndTime: intLike.optional(),
  ResourceGroupId: z.string().optional(),
});
export type SslVpnClientCert = z.output<typeof sslVpnClientCertSchema>;

export const describeSslVpnClientCertsResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  ...pageFields,
  SslVpnClientCertKeys: listWrapper('SslVpnClientCertKey', sslVpnClientCertSchema),
});

/** DescribeSslVpnClientCert: the summary plus the key material and the OpenVPN configuration. */
export const describeSslVpnClientCertResponseSchema = sslVpnClientCertSchema.extend({
  RequestId: z.string().optional(),
  CaCert: z.string(),
  ClientCert: z.string(),
  ClientKey: z.string(),
  ClientConfig: z.string(),
});
export type SslVpnClientCertDetail = z.output<typeof describeSslVpnClientCertResponseSchema>;

export const createSslVpnClientCertResponseSchema = z.looseObject({
  RequestId: z.string(),
  SslVpnClientCertId: z.string(),
  Name: z.string().optional(),
});

export const sslVpnClientSchema = z.looseObject({
  /** `CN=<certificate id>` (or the user name with two-factor authentication). */
  CommonName: z.string().optional(),
  Ip: z.string().optional(),
  Port: z.union([z.string(), z.number()]).optional(),
  PrivateIp: z.string().optional(),
  Status: z.string().optional(),
  ConnectedTime: intLike.optional(),
  SendBytes: intLike.optional(),
  ReceiveBytes: intLike.optional(),
});
export type SslVpnClient = z.output<typeof sslVpnClientSchema>;

export const describeSslVpnClientsResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  ...pageFields,
  VpnGatewayId: z.string().optional(),
  ClientInfoList: z.array(sslVpnClientSchema).default([]),
});
