// H3C Comware 7 (MSR / SR / F series). IKEv1: keychain, proposal, profile; IKEv2: proposal,
// policy, keyring, profile. Static routing: ACL + IPsec policy on the outside interface; BGP: an
// IPsec profile on `interface Tunnel N mode ipsec`.
import { namesFor } from '../algorithm-names';
import { prefixLength, type PeerConfig, type PeerTunnel } from '../model';
import { header, isIpv4, perTunnel, pfsEnabled } from '../render-common';
import { aclRules, closingSection } from './vrp-common';

const ike1 = namesFor('h3c-ikev1');
const names = namesFor('h3c');

function identity(id: string): string {
  return isIpv4(id) ? `address ${id}` : `fqdn ${id}`;
}

function phase1(t: PeerTunnel): string[] {
  const n = String(t.index);
  if (t.ike.version === 'ikev1') {
    return [
      `ike keychain alibaba-${n}`,
      ` pre-shared-key address ${t.remote} 255.255.255.255 key simple ${t.psk}`,
      `ike proposal ${n}`,
      ` encryption-algorithm ${ike1.enc(t.ike.encAlg)}`,
      ` authentication-algorithm ${ike1.auth(t.ike.authAlg)}`,
      ' authentication-method pre-share',
      ` dh ${ike1.dh(t.ike.dhGroup)}`,
      ` sa duration ${String(t.ike.lifetime)}`,
      `ike profile alibaba-${n}`,
      ` keychain alibaba-${n}`,
      ` exchange-mode ${t.ike.mode === 'aggressive' ? 'aggressive' : 'main'}`,
      ` local-identity ${identity(t.localId)}`,
      ` match remote identity ${identity(t.remoteId)}`,
      ` proposal ${n}`,
    ];
  }
  return [
    `ikev2 proposal alibaba-${n}`,
    ` encryption ${names.enc(t.ike.encAlg)}`,
    ` integrity ${names.auth(t.ike.authAlg)}`,
    ` prf ${names.auth(t.ike.authAlg)}`,
    ` dh ${names.dh(t.ike.dhGroup)}`,
    `ikev2 policy alibaba-${n}`,
    ` proposal alibaba-${n}`,
    `ikev2 keyring alibaba-${n}`,
    ' peer alibaba',
    `  address ${t.remote}`,
    `  identity ${identity(t.remoteId)}`,
    `  pre-shared-key plaintext ${t.psk}`,
    `ikev2 profile alibaba-${n}`,
    ' authentication-method local pre-share',
    ' authentication-method remote pre-share',
    ` keyring alibaba-${n}`,
    ` identity local ${identity(t.localId)}`,
    ` match remote identity ${identity(t.remoteId)}`,
    ` sa duration ${String(t.ike.lifetime)}`,
  ];
}

function tunnelBlock(model: PeerConfig, t: PeerTunnel): string[] {
  const n = String(t.index);
  const profileRef =
    t.ike.version === 'ikev1' ? ` ike-profile alibaba-${n}` : ` ikev2-profile alibaba-${n}`;
  const lines = [
    `# Tunnel ${n}: this device ${t.local} <-> VPN gateway ${t.remote}`,
    ...phase1(t),
    `ipsec transform-set alibaba-${n}`,
    ' protocol esp',
    ' encapsulation-mode tunnel',
    ` esp encryption-algorithm ${names.enc(t.ipsec.encAlg)}`,
    ` esp authentication-algorithm ${names.auth(t.ipsec.authAlg)}`,
    ...(pfsEnabled(t) ? [` pfs dh-${names.dh(t.ipsec.pfs)}`] : []),
  ];
  if (t.bgp === undefined) {
    const acl = String(3100 + t.index);
    lines.push(
      `acl advanced ${acl}`,
      ...aclRules(model),
      `ipsec policy alibaba ${n} isakmp`,
      ` transform-set alibaba-${n}`,
      ` security acl ${acl}`,
      ` local-address ${t.local}`,
      ` remote-address ${t.remote}`,
      profileRef,
      ` sa duration time-based ${String(t.ipsec.lifetime)}`,
    );
    return lines;
  }
  lines.push(
    `ipsec profile alibaba-${n} isakmp`,
    ` transform-set alibaba-${n}`,
    profileRef,
    ` sa duration time-based ${String(t.ipsec.lifetime)}`,
    `interface Tunnel${n} mode ipsec`,
    ` ip address ${t.bgp.localBgpIp} ${String(prefixLength(t.bgp.tunnelCidr))}`,
    ` source ${t.local}`,
    ` destination ${t.remote}`,
    ` tunnel protection ipsec profile alibaba-${n}`,
  );
  return lines;
}

export function renderH3c(model: PeerConfig): string {
  const lines = [...header('#', model, 'H3C Comware 7'), '#', 'system-view'];
  lines.push(...perTunnel(model, (t) => tunnelBlock(model, t)));
  lines.push(
    ...closingSection(model, {
      addressFamily: 'address-family ipv4 unicast',
      iface: 'GigabitEthernet1/0/1',
      apply: ' ipsec apply policy alibaba',
    }),
  );
  return `${lines.join('\n')}\n`;
}
