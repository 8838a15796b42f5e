// The CLOUD side of a proof, configured from the emulator's DescribeVpnConnection through a
// mapping written here for the test, independent of the console's exporter: what Alibaba's
// gateway would run for this connection, as a strongSwan peer.
import { z } from 'zod';
import type { SiteToSitePeer } from '../swanctl-conf';

const ENC: Readonly<Record<string, string>> = {
  aes: 'aes128',
  aes192: 'aes192',
  aes256: 'aes256',
  des: 'des',
  '3des': '3des',
};
const INTEG: Readonly<Record<string, string>> = {
  md5: 'md5',
  sha1: 'sha1',
  sha256: 'sha256',
  sha384: 'sha384',
  sha512: 'sha512',
};
const MODP: Readonly<Record<string, string>> = {
  group1: 'modp768',
  group2: 'modp1024',
  group5: 'modp1536',
  group14: 'modp2048',
};

function name(table: Readonly<Record<string, string>>, key: string): string {
  const value = table[key];
  if (value === undefined) throw new Error(`no strongSwan name for ${key}`);
  return value;
}

const num = z.union([z.number(), z.string().transform(Number)]);
const ikeSchema = z.looseObject({
  IkeVersion: z.string(),
  IkeMode: z.string(),
  IkeEncAlg: z.string(),
  IkeAuthAlg: z.string(),
  IkePfs: z.string(),
  IkeLifetime: num,
  LocalId: z.string(),
  RemoteId: z.string(),
  Psk: z.string(),
});
const ipsecSchema = z.looseObject({
  IpsecEncAlg: z.string(),
  IpsecAuthAlg: z.string(),
  IpsecPfs: z.string(),
  IpsecLifetime: num,
});
const bgpSchema = z.looseObject({
  LocalBgpIp: z.string().optional(),
  PeerBgpIp: z.string().optional(),
});

export const describedConnectionSchema = z.looseObject({
  VpnConnectionId: z.string(),
  Status: z.string(),
  InternetIp: z.string().default(''),
  CustomerGatewayId: z.string().default(''),
  LocalSubnet: z.string(),
  RemoteSubnet: z.string(),
  EnableTunnelsBgp: z.boolean().optional(),
  IkeConfig: ikeSchema.optional(),
  IpsecConfig: ipsecSchema.optional(),
  VpnBgpConfig: z
    .looseObject({
      EnableBgp: z.string(),
      LocalBgpIp: z.string(),
      PeerBgpIp: z.string(),
    })
    .optional(),
  TunnelOptionsSpecification: z
    .looseObject({
      TunnelOptions: z.array(
        z.looseObject({
          TunnelId: z.string(),
          TunnelIndex: num,
          Status: z.string(),
          InternetIp: z.string(),
          CustomerGatewayId: z.string(),
          TunnelIkeConfig: ikeSchema,
          TunnelIpsecConfig: ipsecSchema,
          TunnelBgpConfig: bgpSchema,
        }),
      ),
    })
    .optional(),
});
export type DescribedConnection = z.infer<typeof describedConnectionSchema>;

/** One tunnel of the cloud side: its strongSwan peer and the emulator's status for it. */
export interface CloudTunnel {
  readonly peer: SiteToSitePeer;
  readonly emulatorStatus: string;
}

/**
 * The cloud's peers for a connection: one per tunnel. `customerIp` resolves a customer gateway
 * id to its address (DescribeCustomerGateway).
 */
export function cloudTunnels(
  conn: DescribedConnection,
  customerIp: (customerGatewayId: string) => string,
): CloudTunnel[] {
  const vpc = conn.LocalSubnet.split(',');
  const idc = conn.RemoteSubnet.split(',');
  const build = (
    index: number,
    gatewayIp: string,
    cgwId: string,
    ike: z.infer<typeof ikeSchema>,
    ipsec: z.infer<typeof ipsecSchema>,
    bgp: { local: string; peer: string } | undefined,
  ): SiteToSitePeer => {
    const pfs = ipsec.IpsecPfs === 'disabled' ? '' : `-${name(MODP, ipsec.IpsecPfs)}`;
    return {
      connection: `cloud-tunnel${String(index)}`,
      version: ike.IkeVersion === 'ikev2' ? 2 : 1,
      aggressive: ike.IkeMode === 'aggressive',
      localAddrs: [gatewayIp],
      remoteAddrs: [customerIp(cgwId)],
      localId: ike.LocalId,
      remoteId: ike.RemoteId,
      psk: ike.Psk,
      ikeProposal: `${name(ENC, ike.IkeEncAlg)}-${name(INTEG, ike.IkeAuthAlg)}-${name(MODP, ike.IkePfs)}`,
      children: [
        {
          name: 'vpc',
          localTs: [...vpc, ...(bgp ? [`${bgp.local}/32`] : [])],
          remoteTs: [...idc, ...(bgp ? [`${bgp.peer}/32`] : [])],
          espProposal: `${name(ENC, ipsec.IpsecEncAlg)}-${name(INTEG, ipsec.IpsecAuthAlg)}${pfs}`,
        },
      ],
    };
  };
  const tunnels = conn.TunnelOptionsSpecification?.TunnelOptions ?? [];
  if (tunnels.length > 0) {
    return tunnels.map((t) => ({
      emulatorStatus: t.Status,
      peer: build(
        t.TunnelIndex,
        t.InternetIp,
        t.CustomerGatewayId,
        t.TunnelIkeConfig,
        t.TunnelIpsecConfig,
        conn.EnableTunnelsBgp === true
          ? { local: t.TunnelBgpConfig.LocalBgpIp ?? '', peer: t.TunnelBgpConfig.PeerBgpIp ?? '' }
          : undefined,
      ),
    }));
  }
  if (conn.IkeConfig === undefined || conn.IpsecConfig === undefined) {
    throw new Error(`${conn.VpnConnectionId} has no IkeConfig/IpsecConfig`);
  }
  const bgp = conn.VpnBgpConfig;
  return [
    {
      emulatorStatus: conn.Status,
      peer: build(
        1,
        conn.InternetIp,
        conn.CustomerGatewayId,
        conn.IkeConfig,
        conn.IpsecConfig,
        bgp?.EnableBgp === 'true' ? { local: bgp.LocalBgpIp, peer: bgp.PeerBgpIp } : undefined,
      ),
    },
  ];
}
