// DescribeSslVpnServers, CreateSslVpnServer and ModifySslVpnServer responses (seed 003; reference §5.6).
import { z } from 'zod';
import { boolLike, intLike, listWrapper, pageFields } from './common';

export const sslVpnServerSchema = z.looseObject({
  SslVpnServerId: z.string(),
  VpnGatewayId: z.string().optional(),
  RegionId: z.string().optional(),
  Name: z.string().optional(),
  ClientIpPool: z.string().optional(),
  LocalSubnet: z.string().optional(),
  Proto: z.string().optional(),
  Port: intLike.optional(),
  Cipher: z.string().optional(),
  Compress: boolLike.optional(),
  Connections: intLike.optional(),
  MaxConnections: intLike.optional(),
  InternetIp: z.string().optional(),
  CreateTime: intLike.optional(),
  EnableMultiFactorAuth: boolLike.optional(),
  IDaaSInstanceId: z.string().optional(),
  IDaaSRegionId: z.string().optional(),
  IDaaSApplicationId: z.string().optional(),
  IDaaSInstanceVersion: z.string().optional(),
  ResourceGroupId: z.string().optional(),
});

export const describeSslVpnServersResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  ...pageFields,
  SslVpnServers: listWrapper('SslVpnServer', sslVpnServerSchema),
});

export const createSslVpnServerResponseSchema = z.looseObject({
  RequestId: z.string(),
  SslVpnServerId: z.string(),
  Name: z.string().optional(),
});

export const modifySslVpnServerResponseSchema = sslVpnServerSchema.extend({
  RequestId: z.string(),
});

export type SslVpnServer = z.output<typeof sslVpnServerSchema>;
export type DescribeSslVpnServersResponse = z.output<typeof describeSslVpnServersResponseSchema>;
