// Cisco ASA (9.8+). Static routing: crypto map with an ACL of the subnets; BGP: a VTI per tunnel
// and `router bgp`. The interface named `outside` holds this device's public address.
import { namesFor } from '../algorithm-names';
import { cidrToMask, type PeerConfig, type PeerTunnel } from '../model';
import { header, perTunnel, pfsEnabled, usesBgp } from '../render-common';

const ikev1 = namesFor('cisco-asa-ikev1');
const ikev2 = namesFor('cisco-asa-ikev2');
const espV1 = namesFor('cisco-asa-esp-ikev1');
const espV2 = namesFor('cisco-asa-esp-ikev2');

function network(cidr: string): string {
  const n = cidrToMask(cidr);
  return `${n.address} ${n.mask}`;
}

function phase1(t: PeerTunnel): string[] {
  const n = String(t.index);
  if (t.ike.version === 'ikev1') {
    return [
      'crypto ikev1 enable outside',
      `crypto ikev1 policy ${String(t.index * 10)}`,
      ' authentication pre-share',
      ` encryption ${ikev1.enc(t.ike.encAlg)}`,
      ` hash ${ikev1.auth(t.ike.authAlg)}`,
      ` group ${ikev1.dh(t.ike.dhGroup)}`,
      ` lifetime ${String(t.ike.lifetime)}`,
      `crypto ipsec ikev1 transform-set ALIBABA-TS-${n} ${espV1.enc(t.ipsec.encAlg)} ${espV1.auth(t.ipsec.authAlg)}`,
      `tunnel-group ${t.remote} type ipsec-l2l`,
      `tunnel-group ${t.remote} ipsec-attributes`,
      ` ikev1 pre-shared-key ${t.psk}`,
    ];
  }
  return [
    'crypto ikev2 enable outside',
    `crypto ikev2 policy ${String(t.index * 10)}`,
    ` encryption ${ikev2.enc(t.ike.encAlg)}`,
    ` integrity ${ikev2.auth(t.ike.authAlg)}`,
    ` group ${ikev2.dh(t.ike.dhGroup)}`,
    ` prf ${ikev2.auth(t.ike.authAlg)}`,
    ` lifetime seconds ${String(t.ike.lifetime)}`,
    `crypto ipsec ikev2 ipsec-proposal ALIBABA-PROPOSAL-${n}`,
    ` protocol esp encryption ${espV2.enc(t.ipsec.encAlg)}`,
    ` protocol esp integrity ${espV2.auth(t.ipsec.authAlg)}`,
    `tunnel-group ${t.remote} type ipsec-l2l`,
    `tunnel-group ${t.remote} ipsec-attributes`,
    ` ikev2 remote-authentication pre-shared-key ${t.psk}`,
    ` ikev2 local-authentication pre-shared-key ${t.psk}`,
  ];
}

function proposalRef(t: PeerTunnel): string {
  const n = String(t.index);
  return t.ike.version === 'ikev1'
    ? `ikev1 transform-set ALIBABA-TS-${n}`
    : `ikev2 ipsec-proposal ALIBABA-PROPOSAL-${n}`;
}

function tunnelBlock(model: PeerConfig, t: PeerTunnel): string[] {
  const n = String(t.index);
  const seq = String(t.index * 10);
  const lines = [`! Tunnel ${n}: this device ${t.local} <-> VPN gateway ${t.remote}`, ...phase1(t)];
  if (t.bgp === undefined) {
    lines.push(
      `object-group network ALIBABA-LOCAL-${n}`,
      ...model.localSubnets.map((s) => ` network-object ${network(s)}`),
      `object-group network ALIBABA-VPC-${n}`,
      ...model.remoteSubnets.map((s) => ` network-object ${network(s)}`),
      `access-list ALIBABA-ACL-${n} extended permit ip object-group ALIBABA-LOCAL-${n} object-group ALIBABA-VPC-${n}`,
      `crypto map ALIBABA-MAP ${seq} match address ALIBABA-ACL-${n}`,
      `crypto map ALIBABA-MAP ${seq} set peer ${t.remote}`,
      `crypto map ALIBABA-MAP ${seq} set ${proposalRef(t)}`,
      ...(pfsEnabled(t) ? [`crypto map ALIBABA-MAP ${seq} set pfs ${espV1.dh(t.ipsec.pfs)}`] : []),
      `crypto map ALIBABA-MAP ${seq} set security-association lifetime seconds ${String(t.ipsec.lifetime)}`,
    );
    return lines;
  }
  lines.push(
    `crypto ipsec profile ALIBABA-IPSEC-${n}`,
    ` set ${proposalRef(t)}`,
    ...(pfsEnabled(t) ? [` set pfs ${espV1.dh(t.ipsec.pfs)}`] : []),
    ` set security-association lifetime seconds ${String(t.ipsec.lifetime)}`,
    `interface Tunnel${n}`,
    ` nameif alibaba-${n}`,
    ` ip address ${t.bgp.localBgpIp} ${cidrToMask(t.bgp.tunnelCidr).mask}`,
    ' tunnel source interface outside',
    ` tunnel destination ${t.remote}`,
    ' tunnel mode ipsec ipv4',
    ` tunnel protection ipsec profile ALIBABA-IPSEC-${n}`,
  );
  return lines;
}

export function renderCiscoAsa(model: PeerConfig): string {
  const lines = [...header('!', model, 'Cisco ASA'), '!'];
  lines.push(...perTunnel(model, (t) => tunnelBlock(model, t)));
  if (usesBgp(model)) {
    const first = model.tunnels.find((t) => t.bgp !== undefined)?.bgp;
    lines.push('', `router bgp ${String(first?.localAsn ?? 0)}`, ' address-family ipv4 unicast');
    for (const t of model.tunnels) {
      if (t.bgp === undefined) continue;
      lines.push(
        `  neighbor ${t.bgp.peerBgpIp} remote-as ${String(t.bgp.peerAsn)}`,
        `  neighbor ${t.bgp.peerBgpIp} activate`,
      );
    }
    lines.push(
      ...model.localSubnets.map(
        (s) => `  network ${cidrToMask(s).address} mask ${cidrToMask(s).mask}`,
      ),
    );
    lines.push(' exit-address-family');
  } else {
    lines.push('', 'crypto map ALIBABA-MAP interface outside');
  }
  return `${lines.join('\n')}\n`;
}
