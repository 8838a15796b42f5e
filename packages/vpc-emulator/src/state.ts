import { z } from 'zod';
import { regionIdCode } from './regions';

/**
 * What a simulated peer (the device behind a customer gateway) accepts. A connection negotiates
 * phase 1 (IKE) when the peer supports its IKE version, mode and algorithms and, when the peer has a
 * PSK, the PSKs match; phase 2 (IPsec) when the peer also supports the IPsec algorithms.
 */
export const peerProfileSchema = z.object({
  ikeVersions: z.array(z.string()),
  ikeModes: z.array(z.string()),
  ikeEncAlgs: z.array(z.string()),
  ikeAuthAlgs: z.array(z.string()),
  ikePfs: z.array(z.string()),
  ipsecEncAlgs: z.array(z.string()),
  ipsecAuthAlgs: z.array(z.string()),
  ipsecPfs: z.array(z.string()),
  /** When set, the connection's PSK must be exactly this. */
  psk: z.string().optional(),
  /** Phase 1 comes up but the peer never answers phase 2: the status stays `ike_sa_established`. */
  stallPhase2: z.boolean().optional(),
  /**
   * A flapping peer (an unstable line): once negotiated, the tunnel goes down for this long every
   * other period of the same length, then comes back (scale seed).
   */
  flapMs: z.number().int().positive().optional(),
});
export type PeerProfile = z.infer<typeof peerProfileSchema>;

/** A peer that accepts every documented standard and SM algorithm and any PSK. */
export const cooperativePeer: PeerProfile = {
  ikeVersions: ['ikev1', 'ikev2'],
  ikeModes: ['main', 'aggressive'],
  ikeEncAlgs: ['aes', 'aes192', 'aes256', 'des', '3des', 'sm4'],
  ikeAuthAlgs: ['md5', 'sha1', 'sha256', 'sha384', 'sha512', 'sm3'],
  ikePfs: ['group1', 'group2', 'group5', 'group14'],
  ipsecEncAlgs: ['aes', 'aes192', 'aes256', 'des', '3des', 'sm4'],
  ipsecAuthAlgs: ['md5', 'sha1', 'sha256', 'sha384', 'sha512', 'sm3'],
  ipsecPfs: ['disabled', 'group1', 'group2', 'group5', 'group14'],
};

const ikeConfigSchema = z.object({
  IkeVersion: z.string(),
  IkeMode: z.string(),
  IkeEncAlg: z.string(),
  IkeAuthAlg: z.string(),
  IkePfs: z.string(),
  IkeLifetime: z.number(),
  LocalId: z.string(),
  RemoteId: z.string(),
});
export type IkeConfig = z.infer<typeof ikeConfigSchema>;

const ipsecConfigSchema = z.object({
  IpsecEncAlg: z.string(),
  IpsecAuthAlg: z.string(),
  IpsecPfs: z.string(),
  IpsecLifetime: z.number(),
});
export type IpsecConfig = z.infer<typeof ipsecConfigSchema>;

const tagSchema = z.object({ Key: z.string(), Value: z.string() });
export type Tag = z.infer<typeof tagSchema>;

export const gatewaySchema = z.object({
  VpnGatewayId: z.string(),
  RegionId: z.string(),
  Name: z.string(),
  Description: z.string(),
  VpcId: z.string(),
  /** The VPC's CIDR blocks: client pools must not overlap them. */
  VpcCidrs: z.array(z.string()),
  VSwitchId: z.string(),
  Spec: z.string(),
  InternetIp: z.string(),
  SslVpnInternetIp: z.string(),
  /**
   * The second public IP of a dual-tunnel gateway (its standby tunnel's address); empty on a
   * single-tunnel gateway. A gateway is dual-tunnel exactly when it has one.
   */
  DisasterRecoveryInternetIp: z.string().default(''),
  /** The vSwitch of the standby tunnel's zone (dual-tunnel gateways). */
  DisasterRecoveryVSwitchId: z.string().default(''),
  /** The zones of tunnel 1 and tunnel 2 (dual-tunnel gateways). */
  TunnelZones: z.array(z.string()).default([]),
  IpsecVpn: z.enum(['enable', 'disable']),
  SslVpn: z.enum(['enable', 'disable']),
  SslMaxConnections: z.number(),
  EnableBgp: z.boolean(),
  AutoPropagate: z.boolean(),
  GatewayType: z.string(),
  VpnType: z.enum(['Normal', 'NationalStandard']),
  NetworkType: z.string(),
  ChargeType: z.string(),
  BusinessStatus: z.enum(['Normal', 'FinancialLocked']),
  ResourceGroupId: z.string(),
  CreateTime: z.number(),
  EndTime: z.number(),
  /** System label `VpnVersion`; gateways older than 2020 images do not support an IPsec server. */
  VpnVersion: z.string(),
  SupportsIpsecServer: z.boolean(),
  /** Epoch ms until which the gateway is `updating`. */
  UpdatingUntil: z.number(),
  ConnectionQuota: z.number(),
  RouteEntryQuota: z.number(),
  PolicyRouteQuota: z.number(),
  Tags: z.array(tagSchema),
});
export type Gateway = z.infer<typeof gatewaySchema>;

export const customerGatewaySchema = z.object({
  CustomerGatewayId: z.string(),
  RegionId: z.string(),
  Name: z.string(),
  Description: z.string(),
  IpAddress: z.string(),
  Asn: z.number().optional(),
  AuthKey: z.string(),
  CreateTime: z.number(),
  ResourceGroupId: z.string(),
  Tags: z.array(tagSchema),
  Peer: peerProfileSchema,
  /** Epoch ms of the last peer change through the control API (0: never), for the logs. */
  PeerChangedAt: z.number().default(0),
  /** The peer before that change: what the logs before it follow. */
  PreviousPeer: peerProfileSchema.optional(),
});
export type CustomerGateway = z.infer<typeof customerGatewaySchema>;

/** One tunnel of a dual-tunnel connection: its own peer, IKE/IPsec/BGP settings and negotiation. */
export const tunnelSchema = z.object({
  TunnelId: z.string(),
  /** 1 or 2: tunnel 1 uses the gateway's InternetIp, tunnel 2 its DisasterRecoveryInternetIp. */
  TunnelIndex: z.number(),
  Role: z.enum(['master', 'slave']),
  CustomerGatewayId: z.string(),
  ZoneNo: z.string(),
  EnableDpd: z.boolean(),
  EnableNatTraversal: z.boolean(),
  RemoteCaCertificate: z.string(),
  IkeConfig: ikeConfigSchema,
  Psk: z.string(),
  IpsecConfig: ipsecConfigSchema,
  Bgp: z.object({ LocalAsn: z.number(), TunnelCidr: z.string(), LocalBgpIp: z.string() }),
  /** Epoch ms when this tunnel's negotiation (re)starts. */
  NegotiationStartsAt: z.number(),
});
export type Tunnel = z.infer<typeof tunnelSchema>;

export const connectionSchema = z.object({
  VpnConnectionId: z.string(),
  RegionId: z.string(),
  VpnGatewayId: z.string(),
  CustomerGatewayId: z.string(),
  Name: z.string(),
  LocalSubnet: z.string(),
  RemoteSubnet: z.string(),
  EffectImmediately: z.boolean(),
  AutoConfigRoute: z.boolean(),
  EnableDpd: z.boolean(),
  EnableNatTraversal: z.boolean(),
  RemoteCaCertificate: z.string(),
  CreateTime: z.number(),
  IkeConfig: ikeConfigSchema,
  Psk: z.string(),
  IpsecConfig: ipsecConfigSchema,
  HealthCheck: z.object({
    Enable: z.boolean(),
    Dip: z.string(),
    Sip: z.string(),
    Interval: z.number(),
    Retry: z.number(),
  }),
  Bgp: z.object({
    EnableBgp: z.boolean(),
    LocalAsn: z.number(),
    TunnelCidr: z.string(),
    LocalBgpIp: z.string(),
  }),
  ResourceGroupId: z.string(),
  Tags: z.array(tagSchema),
  /** Epoch ms when negotiation (re)starts: the end of the `updating` phase of the last change. */
  NegotiationStartsAt: z.number(),
  /**
   * The two tunnels of a dual-tunnel connection (empty on a single-tunnel one, whose settings are
   * the fields above; on a dual-tunnel connection those hold the defaults and are not shown).
   */
  Tunnels: z.array(tunnelSchema).default([]),
  /** Dual-tunnel connections: BGP on both tunnels. */
  EnableTunnelsBgp: z.boolean().default(false),
});
export type Connection = z.infer<typeof connectionSchema>;

export const ipsecServerSchema = z.object({
  IpsecServerId: z.string(),
  IpsecServerName: z.string(),
  VpnGatewayId: z.string(),
  RegionId: z.string(),
  CreationTime: z.string(),
  LocalSubnet: z.string(),
  ClientIpPool: z.string(),
  EffectImmediately: z.boolean(),
  Psk: z.string(),
  PskEnabled: z.boolean(),
  MultiFactorAuthEnabled: z.boolean(),
  IDaaSInstanceId: z.string(),
  IkeConfig: ikeConfigSchema,
  IpsecConfig: ipsecConfigSchema,
  OnlineClientCount: z.number(),
  ResourceGroupId: z.string(),
});
export type IpsecServer = z.infer<typeof ipsecServerSchema>;

const certifiedKeySchema = z.object({ cert: z.string(), key: z.string() });

export const sslServerSchema = z.object({
  SslVpnServerId: z.string(),
  VpnGatewayId: z.string(),
  RegionId: z.string(),
  Name: z.string(),
  ClientIpPool: z.string(),
  LocalSubnet: z.string(),
  Proto: z.string(),
  Port: z.number(),
  Cipher: z.string(),
  Compress: z.boolean(),
  CreateTime: z.number(),
  EnableMultiFactorAuth: z.boolean(),
  IDaaSInstanceId: z.string(),
  IDaaSRegionId: z.string(),
  IDaaSApplicationId: z.string(),
  DnsServers: z.string(),
  ResourceGroupId: z.string(),
  /** The server's CA and certificate (PEM), made when first needed (key generation is slow). */
  Pki: z.object({ ca: certifiedKeySchema, server: certifiedKeySchema }).optional(),
});
export type SslServer = z.infer<typeof sslServerSchema>;

export const sslClientCertSchema = z.object({
  SslVpnClientCertId: z.string(),
  SslVpnServerId: z.string(),
  RegionId: z.string(),
  Name: z.string(),
  CreateTime: z.number(),
  EndTime: z.number(),
  ResourceGroupId: z.string(),
  /** The client's certificate and key (PEM), signed by the server's CA when first needed. */
  Material: certifiedKeySchema.optional(),
});
export type SslClientCert = z.infer<typeof sslClientCertSchema>;

/** A client connected to a gateway's SSL-VPN server (what DescribeSslVpnClients reports). */
export const sslClientSchema = z.object({
  VpnGatewayId: z.string(),
  SslVpnClientCertId: z.string(),
  Ip: z.string(),
  Port: z.number(),
  PrivateIp: z.string(),
  ConnectedTime: z.number(),
  SendBytes: z.number(),
  ReceiveBytes: z.number(),
});
export type SslClient = z.infer<typeof sslClientSchema>;

const idempotencyEntrySchema = z.object({
  key: z.string(),
  fingerprint: z.string(),
  body: z.record(z.string(), z.unknown()),
});

export const stateSchema = z.object({
  version: z.literal(1),
  nextId: z.number(),
  /** The regions this cloud has (ids of `REGION_CATALOG`); absent: the default four. */
  regions: z.array(z.string()).optional(),
  gateways: z.array(gatewaySchema),
  customerGateways: z.array(customerGatewaySchema),
  connections: z.array(connectionSchema),
  ipsecServers: z.array(ipsecServerSchema),
  sslServers: z.array(sslServerSchema),
  sslClientCerts: z.array(sslClientCertSchema).default([]),
  sslClients: z.array(sslClientSchema).default([]),
  /** IDaaS instances that exist (for multi-factor authentication checks). */
  idaasInstances: z.array(z.string()),
  /** Existing IDaaS instances the VPN service has no RAM permission to use. */
  idaasWithoutRamPermission: z.array(z.string()).default([]),
  idempotency: z.array(idempotencyEntrySchema),
});
export type EmulatorState = z.infer<typeof stateSchema>;

export function emptyState(): EmulatorState {
  return {
    version: 1,
    nextId: 1,
    gateways: [],
    customerGateways: [],
    connections: [],
    ipsecServers: [],
    sslServers: [],
    sslClientCerts: [],
    sslClients: [],
    idaasInstances: [],
    idaasWithoutRamPermission: [],
    idempotency: [],
  };
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A new id `prefix-<region code><17 chars>`, deterministic in the state's counter. */
export function nextResourceId(state: EmulatorState, prefix: string, regionId: string): string {
  let n = state.nextId * 2654435761 + 97;
  state.nextId += 1;
  let body = '';
  for (let i = 0; i < 17; i += 1) {
    n = (n * 1103515245 + 12345) % 2147483648;
    body += ID_ALPHABET[n % ID_ALPHABET.length] ?? 'x';
  }
  return `${prefix}-${regionIdCode(regionId)}${body}`;
}
