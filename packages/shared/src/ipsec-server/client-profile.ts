// What a road-warrior client of an IPsec server needs: a strongSwan swanctl.conf (IKEv2 or IKEv1,
// PSK, a virtual IP from the server's client pool) and the settings for native IKEv2 clients.
// Built from the console's view of the server; the PSK is passed in only for a revealed download.
import type { IpsecClientSettings } from '../api/remote-access';
import type { IpsecServerView } from '../api/views';
import { namesFor, UnsupportedAlgorithmError } from '../peer-config/algorithm-names';
import { secretText } from '../peer-config/templates/strongswan';

const strongswan = namesFor('strongswan');

/** A strongSwan proposal (`aes128-sha1-modp1024`), no group for `disabled` PFS; undefined when strongSwan has no such algorithm (SM/国密). */
function strongSwanProposal(
  enc: string | undefined,
  auth: string | undefined,
  group: string | undefined,
): string | undefined {
  try {
    const base = `${strongswan.enc(enc ?? '')}-${strongswan.auth(auth ?? '')}`;
    return group === undefined || group === 'disabled' ? base : `${base}-${strongswan.dh(group)}`;
  } catch (error) {
    if (error instanceof UnsupportedAlgorithmError) return undefined;
    throw error;
  }
}

// How native IKEv2 clients (Windows, macOS/iOS, Android) label the algorithms on their screens.
const NATIVE_ENC: Readonly<Record<string, string>> = {
  aes: 'AES-128 (CBC)',
  aes192: 'AES-192 (CBC)',
  aes256: 'AES-256 (CBC)',
  des: 'DES',
  '3des': '3DES',
};
const NATIVE_AUTH: Readonly<Record<string, string>> = {
  md5: 'HMAC-MD5',
  sha1: 'HMAC-SHA1-96',
  sha256: 'HMAC-SHA256-128',
  sha384: 'HMAC-SHA384-192',
  sha512: 'HMAC-SHA512-256',
};
const NATIVE_DH: Readonly<Record<string, string>> = {
  group1: 'DH group 1 (MODP 768)',
  group2: 'DH group 2 (MODP 1024)',
  group5: 'DH group 5 (MODP 1536)',
  group14: 'DH group 14 (MODP 2048)',
};

const label = (map: Readonly<Record<string, string>>, value: string | undefined) =>
  map[value ?? ''] ?? value ?? '';

export function ipsecClientSettings(server: IpsecServerView): IpsecClientSettings {
  const ike = server.ikeConfig;
  const esp = server.ipsecConfig;
  const address = server.internetIp ?? '';
  const ikeProposal = strongSwanProposal(ike.ikeEncAlg, ike.ikeAuthAlg, ike.ikePfs);
  const espProposal = strongSwanProposal(esp.ipsecEncAlg, esp.ipsecAuthAlg, esp.ipsecPfs);
  return {
    connectionName: `alibaba-${server.id}`,
    serverAddress: address,
    ikeVersion: ike.ikeVersion ?? 'ikev2',
    remoteId: ike.localId !== undefined && ike.localId !== '' ? ike.localId : address,
    ...(ike.remoteId !== undefined && ike.remoteId !== '' ? { localId: ike.remoteId } : {}),
    ike: {
      encryption: label(NATIVE_ENC, ike.ikeEncAlg),
      integrity: label(NATIVE_AUTH, ike.ikeAuthAlg),
      dhGroup: label(NATIVE_DH, ike.ikePfs),
      lifetimeSeconds: ike.ikeLifetime ?? 86400,
    },
    esp: {
      encryption: label(NATIVE_ENC, esp.ipsecEncAlg),
      integrity: label(NATIVE_AUTH, esp.ipsecAuthAlg),
      pfs: esp.ipsecPfs === 'disabled' ? 'off' : label(NATIVE_DH, esp.ipsecPfs),
      lifetimeSeconds: esp.ipsecLifetime ?? 86400,
    },
    ...(ikeProposal === undefined ? {} : { ikeProposal }),
    ...(espProposal === undefined ? {} : { espProposal }),
    remoteSubnets: server.localSubnet,
    clientIpPool: server.clientIpPool,
  };
}

/**
 * swanctl.conf for a strongSwan road-warrior client. `psk` undefined writes a placeholder
 * (the page before a reveal); the downloaded file carries the key.
 */
export function swanctlClientConf(server: IpsecServerView, psk: string | undefined): string {
  const s = ipsecClientSettings(server);
  const name = s.connectionName;
  const lines = [
    `# strongSwan swanctl.conf: road-warrior client of Alibaba Cloud IPsec server ${server.id}`,
    `# (gateway ${server.vpnGatewayId}). The server gives this client an address from ${s.clientIpPool}.`,
    'connections {',
    `  ${name} {`,
    `    version = ${s.ikeVersion === 'ikev1' ? 1 : 2}`,
    ...(s.ikeVersion === 'ikev1' && server.ikeConfig.ikeMode === 'aggressive'
      ? ['    aggressive = yes']
      : []),
    `    remote_addrs = ${s.serverAddress}`,
    '    vips = 0.0.0.0',
    ...(s.ikeProposal === undefined ? [] : [`    proposals = ${s.ikeProposal}`]),
    `    rekey_time = ${String(s.ike.lifetimeSeconds)}s`,
    '    local {',
    '      auth = psk',
    ...(s.localId === undefined ? [] : [`      id = ${s.localId}`]),
    '    }',
    '    remote {',
    '      auth = psk',
    `      id = ${s.remoteId}`,
    '    }',
    '    children {',
    `      ${name} {`,
    `        remote_ts = ${s.remoteSubnets.join(',')}`,
    ...(s.espProposal === undefined ? [] : [`        esp_proposals = ${s.espProposal}`]),
    `        rekey_time = ${String(s.esp.lifetimeSeconds)}s`,
    '        start_action = start',
    '      }',
    '    }',
    '  }',
    '}',
    'secrets {',
    `  ike-${name} {`,
    `    id-server = ${s.remoteId}`,
    `    secret = ${psk === undefined ? '"<pre-shared key: reveal it in the console>"' : secretText(psk)}`,
    '  }',
    '}',
  ];
  return `${lines.join('\n')}\n`;
}

/** The settings of a native IKEv2 client as a text file (`psk` undefined: a placeholder). */
export function nativeClientSettingsText(server: IpsecServerView, psk: string | undefined): string {
  const s = ipsecClientSettings(server);
  const rows: [string, string][] = [
    ['Connection type', s.ikeVersion === 'ikev1' ? 'IKEv1 (IPsec)' : 'IKEv2'],
    ['Server address', s.serverAddress],
    ['Remote ID (server identity)', s.remoteId],
    ['Local ID (your identity)', s.localId ?? '(leave empty: your address)'],
    ['Authentication', 'Pre-shared key (no certificate, no user name)'],
    ['Pre-shared key', psk ?? '(reveal it in the console)'],
    ['IKE encryption', s.ike.encryption],
    ['IKE integrity', s.ike.integrity],
    ['IKE DH group', s.ike.dhGroup],
    ['IKE SA lifetime', `${String(s.ike.lifetimeSeconds)} s`],
    ['ESP encryption', s.esp.encryption],
    ['ESP integrity', s.esp.integrity],
    ['ESP PFS', s.esp.pfs],
    ['ESP SA lifetime', `${String(s.esp.lifetimeSeconds)} s`],
    ['Routes through the tunnel', s.remoteSubnets.join(', ')],
    ['Your address comes from', s.clientIpPool],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  return `${rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n')}\n`;
}
