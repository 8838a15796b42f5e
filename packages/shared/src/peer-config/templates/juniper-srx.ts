// Juniper SRX (Junos 15.1X49+ / 18+), `set` commands: route-based VPN bound to st0.N per tunnel;
// static routing uses traffic selectors of the subnet pairs and static routes to st0.N; BGP an
// addressed st0.N and an external BGP group.
import { namesFor } from '../algorithm-names';
import { prefixLength, type PeerConfig, type PeerTunnel } from '../model';
import { header, isIpv4, pfsEnabled, subnetPairs, usesBgp, localAddresses } from '../render-common';

const ike = namesFor('juniper-ike');
const esp = namesFor('juniper-esp');

function identity(id: string): string {
  return isIpv4(id) ? `inet ${id}` : `hostname ${id}`;
}

function tunnelBlock(model: PeerConfig, t: PeerTunnel): string[] {
  const n = String(t.index);
  const p = `set security ike proposal alibaba-ike-${n}`;
  const pol = `set security ike policy alibaba-ike-${n}`;
  const gw = `set security ike gateway alibaba-gw-${n}`;
  const ip = `set security ipsec proposal alibaba-ipsec-${n}`;
  const ipol = `set security ipsec policy alibaba-ipsec-${n}`;
  const vpn = `set security ipsec vpn alibaba-vpn-${n}`;
  const lines = [
    `# Tunnel ${n}: this device ${t.local} <-> VPN gateway ${t.remote}`,
    `${p} authentication-method pre-shared-keys`,
    `${p} dh-group ${ike.dh(t.ike.dhGroup)}`,
    `${p} authentication-algorithm ${ike.auth(t.ike.authAlg)}`,
    `${p} encryption-algorithm ${ike.enc(t.ike.encAlg)}`,
    `${p} lifetime-seconds ${String(t.ike.lifetime)}`,
    ...(t.ike.version === 'ikev1'
      ? [`${pol} mode ${t.ike.mode === 'aggressive' ? 'aggressive' : 'main'}`]
      : []),
    `${pol} proposals alibaba-ike-${n}`,
    `${pol} pre-shared-key ascii-text "${t.psk}"`,
    `${gw} ike-policy alibaba-ike-${n}`,
    `${gw} address ${t.remote}`,
    `${gw} local-identity ${identity(t.localId)}`,
    `${gw} remote-identity ${identity(t.remoteId)}`,
    `${gw} external-interface ge-0/0/0.0`,
    `${gw} local-address ${t.local}`,
    `${gw} version ${t.ike.version === 'ikev2' ? 'v2-only' : 'v1-only'}`,
    `${ip} protocol esp`,
    `${ip} authentication-algorithm ${esp.auth(t.ipsec.authAlg)}`,
    `${ip} encryption-algorithm ${esp.enc(t.ipsec.encAlg)}`,
    `${ip} lifetime-seconds ${String(t.ipsec.lifetime)}`,
    ...(pfsEnabled(t) ? [`${ipol} perfect-forward-secrecy keys ${esp.dh(t.ipsec.pfs)}`] : []),
    `${ipol} proposals alibaba-ipsec-${n}`,
    `${vpn} bind-interface st0.${n}`,
    `${vpn} ike gateway alibaba-gw-${n}`,
    `${vpn} ike ipsec-policy alibaba-ipsec-${n}`,
    `${vpn} establish-tunnels immediately`,
  ];
  if (t.bgp === undefined) {
    lines.push(
      ...subnetPairs(model).map(
        ({ local, remote }, i) =>
          `${vpn} traffic-selector ts${String(i + 1)} local-ip ${local} remote-ip ${remote}`,
      ),
      `set interfaces st0 unit ${n} family inet`,
      ...model.remoteSubnets.map((s) => `set routing-options static route ${s} next-hop st0.${n}`),
    );
  } else {
    lines.push(
      `set interfaces st0 unit ${n} family inet address ${t.bgp.localBgpIp}/${String(prefixLength(t.bgp.tunnelCidr))}`,
    );
  }
  lines.push(`set security zones security-zone vpn interfaces st0.${n}`);
  return lines;
}

export function renderJuniperSrx(model: PeerConfig): string {
  const lines = [...header('#', model, 'Juniper SRX (Junos)'), '#'];
  lines.push(
    '# ge-0/0/0.0 is the interface holding ' + localAddresses(model) + ': replace it by yours.',
  );
  for (const t of model.tunnels) lines.push('', ...tunnelBlock(model, t));
  if (usesBgp(model)) {
    const first = model.tunnels.find((t) => t.bgp !== undefined)?.bgp;
    lines.push(
      '',
      `set routing-options autonomous-system ${String(first?.localAsn ?? 0)}`,
      ...model.localSubnets.map(
        (s) =>
          `set policy-options policy-statement alibaba-export term local from route-filter ${s} exact`,
      ),
      'set policy-options policy-statement alibaba-export term local then accept',
      'set protocols bgp group alibaba type external',
      'set protocols bgp group alibaba export alibaba-export',
    );
    for (const t of model.tunnels) {
      if (t.bgp === undefined) continue;
      lines.push(
        `set protocols bgp group alibaba neighbor ${t.bgp.peerBgpIp} peer-as ${String(t.bgp.peerAsn)}`,
      );
    }
    lines.push('set security zones security-zone vpn host-inbound-traffic protocols bgp');
  }
  lines.push('# Then allow traffic between your trust zone and zone "vpn" with security policies.');
  return `${lines.join('\n')}\n`;
}
