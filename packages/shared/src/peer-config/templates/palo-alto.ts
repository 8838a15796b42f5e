// Palo Alto PAN-OS (10.x / 11.x) `set` commands (configure mode): IKE and IPsec crypto profiles,
// an IKE gateway and an IPsec tunnel on tunnel.N per tunnel; proxy IDs of the subnet pairs with
// static routes, or an addressed tunnel interface and BGP in the virtual router.
import { namesFor } from '../algorithm-names';
import { prefixLength, type PeerConfig, type PeerTunnel } from '../model';
import { header, isIpv4, pfsEnabled, subnetPairs, usesBgp, localAddresses } from '../render-common';

const names = namesFor('palo-alto');

function idType(id: string): string {
  return isIpv4(id) ? `type ipaddr id ${id}` : `type fqdn id ${id}`;
}

function tunnelBlock(model: PeerConfig, t: PeerTunnel): string[] {
  const n = String(t.index);
  const ikeP = `set network ike crypto-profiles ike-crypto-profiles alibaba-ike-${n}`;
  const espP = `set network ike crypto-profiles ipsec-crypto-profiles alibaba-ipsec-${n}`;
  const gw = `set network ike gateway alibaba-gw-${n}`;
  const tun = `set network tunnel ipsec alibaba-${n}`;
  const version = t.ike.version === 'ikev2' ? 'ikev2' : 'ikev1';
  const lines = [
    `# Tunnel ${n}: this device ${t.local} <-> VPN gateway ${t.remote}`,
    `${ikeP} encryption ${names.enc(t.ike.encAlg)}`,
    `${ikeP} hash ${names.auth(t.ike.authAlg)}`,
    `${ikeP} dh-group ${names.dh(t.ike.dhGroup)}`,
    `${ikeP} lifetime seconds ${String(t.ike.lifetime)}`,
    `${espP} esp encryption ${names.enc(t.ipsec.encAlg)}`,
    `${espP} esp authentication ${names.auth(t.ipsec.authAlg)}`,
    `${espP} dh-group ${pfsEnabled(t) ? names.dh(t.ipsec.pfs) : 'no-pfs'}`,
    `${espP} lifetime seconds ${String(t.ipsec.lifetime)}`,
    `${gw} authentication pre-shared-key key "${t.psk}"`,
    `${gw} protocol version ${version}`,
    ...(version === 'ikev1'
      ? [
          `${gw} protocol ikev1 exchange-mode ${t.ike.mode === 'aggressive' ? 'aggressive' : 'main'}`,
        ]
      : []),
    `${gw} protocol ${version} ike-crypto-profile alibaba-ike-${n}`,
    `${gw} protocol ${version} dpd enable yes`,
    `${gw} local-address interface ethernet1/1 ip ${t.local}`,
    `${gw} peer-address ip ${t.remote}`,
    `${gw} local-id ${idType(t.localId)}`,
    `${gw} peer-id ${idType(t.remoteId)}`,
    t.bgp === undefined
      ? `set network interface tunnel units tunnel.${n}`
      : `set network interface tunnel units tunnel.${n} ip ${t.bgp.localBgpIp}/${String(prefixLength(t.bgp.tunnelCidr))}`,
    `set zone vpn network layer3 tunnel.${n}`,
    `set network virtual-router default interface tunnel.${n}`,
    `${tun} auto-key ike-gateway alibaba-gw-${n}`,
    `${tun} auto-key ipsec-crypto-profile alibaba-ipsec-${n}`,
    `${tun} tunnel-interface tunnel.${n}`,
  ];
  if (t.bgp === undefined) {
    subnetPairs(model).forEach(({ local, remote }, i) => {
      const id = `${tun} auto-key proxy-id pid-${String(i + 1)}`;
      lines.push(`${id} local ${local}`, `${id} remote ${remote}`, `${id} protocol any`);
    });
    model.remoteSubnets.forEach((s, i) => {
      const r = `set network virtual-router default routing-table ip static-route alibaba-${n}-${String(i + 1)}`;
      lines.push(
        `${r} destination ${s}`,
        `${r} interface tunnel.${n}`,
        `${r} metric ${String(t.index * 10)}`,
      );
    });
  }
  return lines;
}

export function renderPaloAlto(model: PeerConfig): string {
  const lines = [...header('#', model, 'Palo Alto PAN-OS'), '#'];
  lines.push(
    '# ethernet1/1 is the interface holding ' + localAddresses(model) + ': replace it by yours.',
  );
  for (const t of model.tunnels) lines.push('', ...tunnelBlock(model, t));
  if (usesBgp(model)) {
    const first = model.tunnels.find((t) => t.bgp !== undefined);
    const bgp = 'set network virtual-router default protocol bgp';
    lines.push(
      '',
      `${bgp} enable yes`,
      `${bgp} router-id ${first?.bgp?.localBgpIp ?? ''}`,
      `${bgp} local-as ${String(first?.bgp?.localAsn ?? 0)}`,
    );
    for (const t of model.tunnels) {
      if (t.bgp === undefined) continue;
      const peer = `${bgp} peer-group alibaba peer alibaba-${String(t.index)}`;
      lines.push(
        `${peer} peer-as ${String(t.bgp.peerAsn)}`,
        `${peer} peer-address ip ${t.bgp.peerBgpIp}`,
        `${peer} local-address interface tunnel.${String(t.index)} ip ${t.bgp.localBgpIp}/${String(prefixLength(t.bgp.tunnelCidr))}`,
      );
    }
    model.localSubnets.forEach((s, i) => {
      lines.push(
        `${bgp} redist-rules alibaba-${String(i + 1)} address-family-identifier ipv4 enable yes set-origin igp`,
        `# redistribute ${s}: add it to a redistribution profile for BGP`,
      );
    });
  }
  lines.push(
    '# Then allow traffic between your trust zone and zone "vpn" with security policies, and commit.',
  );
  return `${lines.join('\n')}\n`;
}
