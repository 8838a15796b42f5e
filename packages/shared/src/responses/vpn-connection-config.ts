// DownloadVpnConnectionConfig response (reference §5.4): the peer configuration written from the
// customer device's point of view. It carries the PSK: a secret.
import { z } from 'zod';
import { intLike, listWrapper } from './common';
import { ikeConfigResponseSchema, ipsecConfigResponseSchema } from './ike';

export const tunnelConfigSchema = z.looseObject({
  TunnelId: z.string().optional(),
  Local: z.string().optional(),
  Remote: z.string().optional(),
  IkeConfig: ikeConfigResponseSchema.optional(),
  IpsecConfig: ipsecConfigResponseSchema.optional(),
});

export const bgpConfigSchema = z.looseObject({
  TunnelId: z.string().optional(),
  LocalAsn: intLike.optional(),
  PeerAsn: intLike.optional(),
  LocalBgpIp: z.string().optional(),
  PeerBgpIp: z.string().optional(),
  TunnelCidr: z.string().optional(),
});

export const downloadVpnConnectionConfigResponseSchema = z.looseObject({
  RequestId: z.string().optional(),
  VpnConnectionConfig: z.looseObject({
    Local: z.string().optional(),
    Remote: z.string().optional(),
    LocalSubnet: z.string().optional(),
    RemoteSubnet: z.string().optional(),
    IkeConfig: ikeConfigResponseSchema.optional(),
    IpsecConfig: ipsecConfigResponseSchema.optional(),
    TunnelsConfig: listWrapper('TunnelConfig', tunnelConfigSchema).optional(),
    BgpConfigs: listWrapper('BgpConfig', bgpConfigSchema).optional(),
  }),
});
export type DownloadVpnConnectionConfigResponse = z.output<
  typeof downloadVpnConnectionConfigResponseSchema
>;
