// ListIpsecServers, CreateIpsecServer and UpdateIpsecServer responses (seeds 001/004; reference §5.5).
import { z } from 'zod';
import { boolLike, intLike } from './common';
import { ikeConfigResponseSchema, ipsecConfigResponseSchema } from './ike';

export const ipsecServerSchema = z.looseObject({
  IpsecServerId: z.string(),
  IpsecServerName: z.string().optional(),
  VpnGatewayId: z.string().optional(),
  RegionId: z.string().optional(),
  /** ISO time, e.g. `2021-02-22T03:24:28Z`. */
  CreationTime: z.string().optional(),
  LocalSubnet: z.string().optional(),
  ClientIpPool: z.string().optional(),
  InternetIp: z.string().optional(),
  EffectImmediately: boolLike.optional(),
  Psk: z.string().optional(),
  PskEnabled: boolLike.optional(),
  MultiFactorAuthEnabled: boolLike.optional(),
  IDaaSInstanceId: z.string().optional(),
  OnlineClientCount: intLike.optional(),
  MaxConnections: intLike.optional(),
  ResourceGroupId: z.string().optional(),
  IkeConfig: ikeConfigResponseSchema.optional(),
  IpsecConfig: ipsecConfigResponseSchema.optional(),
});

/** `IpsecServers` is a plain array here (not a wrapper object). */
export const listIpsecServersResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  IpsecServers: z.array(ipsecServerSchema).default([]),
  TotalCount: intLike.optional(),
  NextToken: z.string().optional(),
  MaxResults: intLike.optional(),
});

export const createIpsecServerResponseSchema = z.looseObject({
  RequestId: z.string(),
  IpsecServerId: z.string(),
  IpsecServerName: z.string().optional(),
  VpnGatewayId: z.string().optional(),
  RegionId: z.string().optional(),
  CreationTime: z.string().optional(),
});

export const updateIpsecServerResponseSchema = z.looseObject({ RequestId: z.string() });

export type IpsecServer = z.output<typeof ipsecServerSchema>;
export type ListIpsecServersResponse = z.output<typeof listIpsecServersResponseSchema>;
export type CreateIpsecServerResponse = z.output<typeof createIpsecServerResponseSchema>;
