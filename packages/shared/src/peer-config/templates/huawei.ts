// Huawei USG / AR (VRP V200R010+ / USG 6000 V500+). Static routing: an advanced ACL and an IPsec
// policy applied to the outside interface; BGP: an IPsec profile on a Tunnel interface.
import { namesFor } from '../algorithm-names';
import { prefixLength, type PeerConfig, type PeerTunnel } from '../model';
import { header, isIpv4, perTunnel, pfsEnabled } from '../render-common';
import { aclRules, closingSection } from './vrp-common';

const names = namesFor('huawei');

function tunnelBlock(model: PeerConfig, t: PeerTunnel): string[] {
  const n = String(t.index);
  const v2 = t.ike.version === 'ikev2';
  const lines = [
    `# Tunnel ${n}: this device ${t.local} <-> VPN gateway ${t.remote}`,
    `ike proposal ${String(t.index * 10)}`,
    ` encryption-algorithm ${names.enc(t.ike.encAlg)}`,
    ` authentication-algorithm ${names.auth(t.ike.authAlg)}`,
    ...(v2
      ? [
          ` integrity-algorithm hmac-${names.auth(t.ike.authAlg)}`,
          ` prf hmac-${names.auth(t.ike.authAlg)}`,
        ]
      : []),
    ' authentication-method pre-share',
    ` dh ${names.dh(t.ike.dhGroup)}`,
    ` sa duration ${String(t.ike.lifetime)}`,
    `ike peer alibaba-${n}`,
    ` version ${v2 ? '2' : '1'}`,
    ...(v2 ? [] : [` exchange-mode ${t.ike.mode === 'aggressive' ? 'aggressive' : 'main'}`]),
    ` pre-shared-key cipher ${t.psk}`,
    ` ike-proposal ${String(t.index * 10)}`,
    ` local-id-type ${isIpv4(t.localId) ? 'ip' : 'fqdn'}`,
    ...(isIpv4(t.localId) ? [` local-address ${t.localId}`] : [` local-id ${t.localId}`]),
    ` remote-address ${t.remote}`,
    ...(isIpv4(t.remoteId) ? [] : [` remote-id ${t.remoteId}`]),
    `ipsec proposal alibaba-${n}`,
    ' transform esp',
    ' encapsulation-mode tunnel',
    ` esp authentication-algorithm ${names.auth(t.ipsec.authAlg)}`,
    ` esp encryption-algorithm ${names.enc(t.ipsec.encAlg)}`,
  ];
  const phase2 = [
    ` ike-peer alibaba-${n}`,
    ` proposal alibaba-${n}`,
    ...(pfsEnabled(t) ? [` pfs dh-${names.dh(t.ipsec.pfs)}`] : []),
    ` sa duration time-based ${String(t.ipsec.lifetime)}`,
  ];
  if (t.bgp === undefined) {
    const acl = String(3100 + t.index);
    lines.push(
      `acl number ${acl}`,
      ...aclRules(model),
      `ipsec policy alibaba ${String(t.index * 10)} isakmp`,
      ` security acl ${acl}`,
      ...phase2,
    );
    return lines;
  }
  lines.push(
    `ipsec profile alibaba-${n}`,
    ...phase2,
    `interface Tunnel0/0/${n}`,
    ` ip address ${t.bgp.localBgpIp} ${String(prefixLength(t.bgp.tunnelCidr))}`,
    ' tunnel-protocol ipsec',
    ` source ${t.local}`,
    ` destination ${t.remote}`,
    ` ipsec profile alibaba-${n}`,
  );
  return lines;
}

export function renderHuawei(model: PeerConfig): string {
  const lines = [...header('#', model, 'Huawei USG / AR'), '#', 'system-view'];
  lines.push(...perTunnel(model, (t) => tunnelBlock(model, t)));
  lines.push(
    ...closingSection(model, {
      addressFamily: 'ipv4-family unicast',
      iface: 'GigabitEthernet0/0/1',
      apply: ' ipsec policy alibaba',
    }),
  );
  return `${lines.join('\n')}\n`;
}
