// Cisco IOS / IOS XE. Static routing: a crypto map with an ACL naming the subnets (policy-based,
// as the cloud's subnet-based connection expects). BGP: a VTI (`tunnel mode ipsec ipv4`) per
// tunnel with the BGP address, and `router bgp`. IKEv1: `crypto isakmp`; IKEv2: proposal,
// policy, keyring, profile.
import { namesFor } from '../algorithm-names';
import { cidrToMask, type PeerConfig, type PeerTunnel } from '../model';
import {
  header,
  isIpv4,
  perTunnel,
  pfsEnabled,
  subnetPairs,
  usesBgp,
  localAddresses,
} from '../render-common';

const v1 = namesFor('cisco-ios-ikev1');
const v2 = namesFor('cisco-ios-ikev2');
const esp = namesFor('cisco-ios-esp');

function identity(id: string): string {
  return isIpv4(id) ? `address ${id}` : `fqdn ${id}`;
}

function phase1(t: PeerTunnel): string[] {
  const n = String(t.index);
  if (t.ike.version === 'ikev1') {
    return [
      `crypto isakmp policy ${String(t.index * 10)}`,
      ` encryption ${v1.enc(t.ike.encAlg)}`,
      ` hash ${v1.auth(t.ike.authAlg)}`,
      ' authentication pre-share',
      ` group ${v1.dh(t.ike.dhGroup)}`,
      ` lifetime ${String(t.ike.lifetime)}`,
      ...(t.ike.mode === 'aggressive'
        ? [
            '! The connection uses IKEv1 aggressive mode: IOS answers it as responder with this key.',
          ]
        : []),
      `crypto isakmp key ${t.psk} address ${t.remote}`,
    ];
  }
  return [
    `crypto ikev2 proposal ALIBABA-PROPOSAL-${n}`,
    ` encryption ${v2.enc(t.ike.encAlg)}`,
    ` integrity ${v2.auth(t.ike.authAlg)}`,
    ` group ${v2.dh(t.ike.dhGroup)}`,
    `crypto ikev2 policy ALIBABA-POLICY-${n}`,
    ` proposal ALIBABA-PROPOSAL-${n}`,
    `crypto ikev2 keyring ALIBABA-KEYRING-${n}`,
    ` peer ALIBABA-${n}`,
    `  address ${t.remote}`,
    `  pre-shared-key ${t.psk}`,
    `crypto ikev2 profile ALIBABA-PROFILE-${n}`,
    ` match identity remote ${identity(t.remoteId)}${isIpv4(t.remoteId) ? ' 255.255.255.255' : ''}`,
    ` identity local ${identity(t.localId)}`,
    ' authentication remote pre-share',
    ' authentication local pre-share',
    ` keyring local ALIBABA-KEYRING-${n}`,
    ` lifetime ${String(t.ike.lifetime)}`,
  ];
}

function phase2Settings(t: PeerTunnel): string[] {
  const n = String(t.index);
  return [
    ` set transform-set ALIBABA-TS-${n}`,
    ...(pfsEnabled(t) ? [` set pfs ${esp.dh(t.ipsec.pfs)}`] : []),
    ` set security-association lifetime seconds ${String(t.ipsec.lifetime)}`,
    ...(t.ike.version === 'ikev2' ? [` set ikev2-profile ALIBABA-PROFILE-${n}`] : []),
  ];
}

function tunnelBlock(model: PeerConfig, t: PeerTunnel): string[] {
  const n = String(t.index);
  const lines = [
    `! Tunnel ${n}: this device ${t.local} <-> VPN gateway ${t.remote}`,
    ...phase1(t),
    `crypto ipsec transform-set ALIBABA-TS-${n} ${esp.enc(t.ipsec.encAlg)} ${esp.auth(t.ipsec.authAlg)}`,
    ' mode tunnel',
  ];
  if (t.bgp === undefined) {
    lines.push(
      `ip access-list extended ALIBABA-ACL-${n}`,
      ...subnetPairs(model).map(({ local, remote }) => {
        const l = cidrToMask(local);
        const r = cidrToMask(remote);
        return ` permit ip ${l.address} ${l.wildcard} ${r.address} ${r.wildcard}`;
      }),
      `crypto map ALIBABA-MAP ${String(t.index * 10)} ipsec-isakmp`,
      ` set peer ${t.remote}`,
      ...phase2Settings(t),
      ` match address ALIBABA-ACL-${n}`,
    );
    return lines;
  }
  const tunnelNet = cidrToMask(t.bgp.tunnelCidr);
  lines.push(
    `crypto ipsec profile ALIBABA-IPSEC-${n}`,
    ...phase2Settings(t),
    `interface Tunnel${n}`,
    ` ip address ${t.bgp.localBgpIp} ${tunnelNet.mask}`,
    ` tunnel source ${t.local}`,
    ` tunnel destination ${t.remote}`,
    ' tunnel mode ipsec ipv4',
    ` tunnel protection ipsec profile ALIBABA-IPSEC-${n}`,
  );
  return lines;
}

export function renderCiscoIos(model: PeerConfig): string {
  const lines = [...header('!', model, 'Cisco IOS / IOS XE'), '!'];
  lines.push(...perTunnel(model, (t) => tunnelBlock(model, t)));
  if (usesBgp(model)) {
    const first = model.tunnels.find((t) => t.bgp !== undefined)?.bgp;
    lines.push('', `router bgp ${String(first?.localAsn ?? 0)}`);
    for (const t of model.tunnels) {
      if (t.bgp !== undefined)
        lines.push(` neighbor ${t.bgp.peerBgpIp} remote-as ${String(t.bgp.peerAsn)}`);
    }
    lines.push(' address-family ipv4');
    for (const s of model.localSubnets) {
      const net = cidrToMask(s);
      lines.push(`  network ${net.address} mask ${net.mask}`);
    }
    for (const t of model.tunnels) {
      if (t.bgp !== undefined) lines.push(`  neighbor ${t.bgp.peerBgpIp} activate`);
    }
    lines.push(' exit-address-family');
  } else {
    lines.push(
      '',
      '! Apply the crypto map to the interface that holds ' +
        localAddresses(model) +
        ' (replace GigabitEthernet1):',
      'interface GigabitEthernet1',
      ' crypto map ALIBABA-MAP',
      '! Traffic to the VPC leaves through that interface (the crypto map encrypts it):',
      ...model.remoteSubnets.map((s) => {
        const net = cidrToMask(s);
        return `! ip route ${net.address} ${net.mask} <your Internet next hop>`;
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
