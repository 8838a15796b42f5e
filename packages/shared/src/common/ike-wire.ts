// IkeConfig / IpsecConfig form objects → the JSON strings the API expects (PascalCase keys).
import { jsonParam } from '../rpc-types';

type IkeLike = {
  psk?: string | undefined;
  ikeVersion?: string | undefined;
  ikeMode?: string | undefined;
  ikeEncAlg?: string | undefined;
  ikeAuthAlg?: string | undefined;
  ikePfs?: string | undefined;
  ikeLifetime?: number | undefined;
  localId?: string | undefined;
  remoteId?: string | undefined;
};

type IpsecLike = {
  ipsecEncAlg?: string | undefined;
  ipsecAuthAlg?: string | undefined;
  ipsecPfs?: string | undefined;
  ipsecLifetime?: number | undefined;
};

/** `{"IkeVersion":…,"IkeMode":…,…}` in the documented key order (Psk first for connections). */
export function ikeConfigJson(ike: IkeLike | undefined): string | undefined {
  if (ike === undefined) return undefined;
  return jsonParam([
    ['Psk', ike.psk],
    ['IkeVersion', ike.ikeVersion],
    ['IkeMode', ike.ikeMode],
    ['IkeEncAlg', ike.ikeEncAlg],
    ['IkeAuthAlg', ike.ikeAuthAlg],
    ['IkePfs', ike.ikePfs],
    ['IkeLifetime', ike.ikeLifetime],
    ['LocalId', ike.localId],
    ['RemoteId', ike.remoteId],
  ]);
}

export function ipsecConfigJson(ipsec: IpsecLike | undefined): string | undefined {
  if (ipsec === undefined) return undefined;
  return jsonParam([
    ['IpsecEncAlg', ipsec.ipsecEncAlg],
    ['IpsecAuthAlg', ipsec.ipsecAuthAlg],
    ['IpsecPfs', ipsec.ipsecPfs],
    ['IpsecLifetime', ipsec.ipsecLifetime],
  ]);
}

type BgpLike = {
  enableBgp?: boolean | undefined;
  localAsn?: number | undefined;
  tunnelCidr?: string | undefined;
  localBgpIp?: string | undefined;
};

type HealthCheckLike = {
  enable?: boolean | undefined;
  dip?: string | undefined;
  sip?: string | undefined;
  interval?: number | undefined;
  retry?: number | undefined;
};

function text(value: boolean | number | undefined): string | undefined {
  return value === undefined ? undefined : String(value);
}

/** `{"EnableBgp":"true","LocalAsn":"45104",…}`: string values, as in seed 002's example. */
export function bgpConfigJson(bgp: BgpLike | undefined): string | undefined {
  if (bgp === undefined) return undefined;
  return jsonParam([
    ['EnableBgp', text(bgp.enableBgp)],
    ['LocalAsn', text(bgp.localAsn)],
    ['TunnelCidr', bgp.tunnelCidr],
    ['LocalBgpIp', bgp.localBgpIp],
  ]);
}

/** `{"enable":"true","dip":…,"sip":…,"interval":"3","retry":"3"}`: lower-case keys, string values (seed 002). */
export function healthCheckConfigJson(hc: HealthCheckLike | undefined): string | undefined {
  if (hc === undefined) return undefined;
  return jsonParam([
    ['enable', text(hc.enable)],
    ['dip', hc.dip],
    ['sip', hc.sip],
    ['interval', text(hc.interval)],
    ['retry', text(hc.retry)],
  ]);
}
