// The peer configuration every template renders: one connection seen from the customer device,
// built from DownloadVpnConnectionConfig (device-side addresses, subnets, IDs, PSK, algorithms;
// per tunnel on dual-tunnel connections) and DescribeVpnConnection (name, single-tunnel BGP).
import type { DownloadVpnConnectionConfigResponse } from '../responses/vpn-connection-config';
import type { VpnConnection } from '../responses/vpn-connection';

export interface PeerIke {
  readonly version: string;
  readonly mode: string;
  readonly encAlg: string;
  readonly authAlg: string;
  readonly dhGroup: string;
  readonly lifetime: number;
}

export interface PeerIpsec {
  readonly encAlg: string;
  readonly authAlg: string;
  /** `disabled` or a DH group. */
  readonly pfs: string;
  readonly lifetime: number;
}

/** BGP from the device's side: `localAsn`/`localBgpIp` are the customer's. */
export interface PeerBgp {
  readonly localAsn: number;
  readonly peerAsn: number;
  readonly localBgpIp: string;
  readonly peerBgpIp: string;
  /** e.g. `169.254.10.0/30`. */
  readonly tunnelCidr: string;
}

export interface PeerTunnel {
  /** Alibaba's tunnel id on dual-tunnel connections; undefined on single-tunnel ones. */
  readonly tunnelId: string | undefined;
  /** 1-based, for interface and object names. */
  readonly index: number;
  /** The customer device's public address. */
  readonly local: string;
  /** The VPN gateway's public address. */
  readonly remote: string;
  readonly localId: string;
  readonly remoteId: string;
  /** The PSK, or the mask when it is not revealed. */
  readonly psk: string;
  readonly ike: PeerIke;
  readonly ipsec: PeerIpsec;
  readonly bgp: PeerBgp | undefined;
}

export interface PeerConfig {
  /** Who wrote the file (header). */
  readonly consoleName: string;
  readonly regionId: string;
  readonly connectionId: string;
  readonly connectionName: string;
  readonly vpnGatewayId: string;
  /** The data centre's CIDRs (behind the device). */
  readonly localSubnets: readonly string[];
  /** The VPC's CIDRs (behind the VPN gateway). */
  readonly remoteSubnets: readonly string[];
  readonly tunnels: readonly PeerTunnel[];
  /** The raw DownloadVpnConnectionConfig body (PSKs masked unless revealed), for the JSON export. */
  readonly raw: unknown;
}

export const CONSOLE_NAME = 'VPN Gateway Console';

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

type IkeWire = NonNullable<DownloadVpnConnectionConfigResponse['VpnConnectionConfig']['IkeConfig']>;
type IpsecWire = NonNullable<
  DownloadVpnConnectionConfigResponse['VpnConnectionConfig']['IpsecConfig']
>;

function ikeOf(ike: IkeWire | undefined): PeerIke {
  return {
    version: ike?.IkeVersion ?? 'ikev1',
    mode: ike?.IkeMode ?? 'main',
    encAlg: ike?.IkeEncAlg ?? 'aes',
    authAlg: ike?.IkeAuthAlg ?? 'md5',
    dhGroup: ike?.IkePfs ?? 'group2',
    lifetime: ike?.IkeLifetime ?? 86400,
  };
}

function ipsecOf(ipsec: IpsecWire | undefined): PeerIpsec {
  return {
    encAlg: ipsec?.IpsecEncAlg ?? 'aes',
    authAlg: ipsec?.IpsecAuthAlg ?? 'md5',
    pfs: ipsec?.IpsecPfs ?? 'group2',
    lifetime: ipsec?.IpsecLifetime ?? 86400,
  };
}

function maskPsks(value: unknown, mask: string): unknown {
  if (Array.isArray(value)) return value.map((v) => maskPsks(v, mask));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'Psk' ? mask : maskPsks(v, mask)]),
  );
}

/**
 * Builds the model. `mask`: when given, every PSK (model and raw JSON) is replaced by it.
 */
export function peerConfigFrom(input: {
  readonly download: DownloadVpnConnectionConfigResponse;
  readonly connection: VpnConnection;
  readonly regionId: string;
  readonly mask?: string | undefined;
}): PeerConfig {
  const config = input.download.VpnConnectionConfig;
  const conn = input.connection;
  const secret = (psk: string | undefined) => input.mask ?? psk ?? '';
  const bgpRows = config.BgpConfigs?.BgpConfig ?? [];
  const single = conn.VpnBgpConfig;
  const tunnelRows = config.TunnelsConfig?.TunnelConfig ?? [];
  const tunnels: PeerTunnel[] =
    tunnelRows.length > 0
      ? tunnelRows.map((t, i) => {
          const bgp = bgpRows.find((b) => b.TunnelId === t.TunnelId);
          return {
            tunnelId: t.TunnelId,
            index: i + 1,
            local: t.Local ?? config.Local ?? '',
            remote: t.Remote ?? '',
            localId: t.IkeConfig?.LocalId ?? t.Local ?? '',
            remoteId: t.IkeConfig?.RemoteId ?? t.Remote ?? '',
            psk: secret(t.IkeConfig?.Psk),
            ike: ikeOf(t.IkeConfig),
            ipsec: ipsecOf(t.IpsecConfig),
            bgp:
              bgp === undefined || conn.EnableTunnelsBgp === false
                ? undefined
                : {
                    localAsn: bgp.LocalAsn ?? 0,
                    peerAsn: bgp.PeerAsn ?? 0,
                    localBgpIp: bgp.LocalBgpIp ?? '',
                    peerBgpIp: bgp.PeerBgpIp ?? '',
                    tunnelCidr: bgp.TunnelCidr ?? '',
                  },
          };
        })
      : [
          {
            tunnelId: undefined,
            index: 1,
            local: config.Local ?? '',
            remote: config.Remote ?? '',
            localId: config.IkeConfig?.LocalId ?? config.Local ?? '',
            remoteId: config.IkeConfig?.RemoteId ?? config.Remote ?? '',
            psk: secret(config.IkeConfig?.Psk),
            ike: ikeOf(config.IkeConfig),
            ipsec: ipsecOf(config.IpsecConfig),
            // DescribeVpnConnection's VpnBgpConfig is written from the cloud's side: swap it.
            bgp:
              single?.EnableBgp === true
                ? {
                    localAsn: single.PeerAsn ?? 0,
                    peerAsn: single.LocalAsn ?? 0,
                    localBgpIp: single.PeerBgpIp ?? '',
                    peerBgpIp: single.LocalBgpIp ?? '',
                    tunnelCidr: single.TunnelCidr ?? '',
                  }
                : undefined,
          },
        ];
  return {
    consoleName: CONSOLE_NAME,
    regionId: input.regionId,
    connectionId: conn.VpnConnectionId,
    connectionName: conn.Name ?? '',
    vpnGatewayId: conn.VpnGatewayId ?? '',
    localSubnets: list(config.LocalSubnet),
    remoteSubnets: list(config.RemoteSubnet),
    tunnels,
    raw: input.mask === undefined ? input.download : maskPsks(input.download, input.mask),
  };
}

/** The prefix length of a CIDR (`169.254.10.0/30` → 30). */
export function prefixLength(cidr: string): number {
  return Number(cidr.split('/')[1] ?? '32');
}

/** `10.0.0.0/8` → `10.0.0.0 255.0.0.0` (Cisco, Huawei and H3C write masks). */
export function cidrToMask(cidr: string): { address: string; mask: string; wildcard: string } {
  const [address = '0.0.0.0', bitsText = '32'] = cidr.split('/');
  const bits = Number(bitsText);
  const maskInt = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const dotted = (n: number) =>
    [24, 16, 8, 0].map((shift) => String((n >>> shift) & 0xff)).join('.');
  return { address, mask: dotted(maskInt), wildcard: dotted(~maskInt >>> 0) };
}

/** The header lines every file starts with (without comment markers). */
export function headerLines(model: PeerConfig, device: string): string[] {
  const [only] = model.tunnels;
  const tunnelLine =
    only === undefined || only.tunnelId === undefined
      ? 'Tunnel: single-tunnel connection.'
      : model.tunnels.length === 1
        ? `Tunnel: ${String(only.index)} (${only.tunnelId}).`
        : `Tunnels: ${model.tunnels.map((t) => `${String(t.index)} (${t.tunnelId ?? ''})`).join(', ')}.`;
  return [
    `${device} configuration written by ${model.consoleName}.`,
    `Connection: ${model.connectionName === '' ? '(no name)' : model.connectionName} (${model.connectionId}), region ${model.regionId}, VPN gateway ${model.vpnGatewayId}.`,
    tunnelLine,
    `Routing: ${model.tunnels.some((t) => t.bgp !== undefined) ? 'BGP' : 'static routes'}; this device's side: ${model.localSubnets.join(', ')}; VPC side: ${model.remoteSubnets.join(', ')}.`,
    'The pre-shared key is a secret: keep this file as you keep the device configuration.',
  ];
}
