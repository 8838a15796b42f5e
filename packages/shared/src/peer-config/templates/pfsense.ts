// pfSense / OPNsense (legacy IPsec tunnels GUI): the steps to click, field by field, with the
// values of this connection. One phase 1 per tunnel, one phase 2 per subnet pair.
import { DH_GROUP_NAMES, namesFor } from '../algorithm-names';
import type { PeerConfig, PeerTunnel } from '../model';
import { header, isIpv4, pfsEnabled, subnetPairs, usesBgp } from '../render-common';

const names = namesFor('pfsense');

function tunnelSteps(model: PeerConfig, t: PeerTunnel, step: { n: number }): string[] {
  const next = () => {
    step.n += 1;
    return String(step.n);
  };
  const lines = [
    `${next()}. VPN > IPsec > Tunnels > Add P1 (tunnel ${String(t.index)}${t.tunnelId === undefined ? '' : `, ${t.tunnelId}`}):`,
    `   Key Exchange version: ${t.ike.version === 'ikev2' ? 'IKEv2' : 'IKEv1'}${t.ike.version === 'ikev1' ? `; Negotiation mode: ${t.ike.mode === 'aggressive' ? 'Aggressive' : 'Main'}` : ''}`,
    '   Internet Protocol: IPv4; Interface: the WAN holding ' + t.local,
    `   Remote Gateway: ${t.remote}`,
    '   Authentication Method: Mutual PSK',
    `   My identifier: ${isIpv4(t.localId) ? `IP address ${t.localId}` : `Distinguished name ${t.localId}`}`,
    `   Peer identifier: ${isIpv4(t.remoteId) ? `IP address ${t.remoteId}` : `Distinguished name ${t.remoteId}`}`,
    `   Pre-Shared Key: ${t.psk}`,
    `   Encryption Algorithm: ${names.enc(t.ike.encAlg)}; Hash: ${names.auth(t.ike.authAlg)}; DH Group: ${names.dh(t.ike.dhGroup)}`,
    `   Life Time: ${String(t.ike.lifetime)} seconds`,
    '   Dead Peer Detection: enabled. Save.',
  ];
  const pairs =
    t.bgp === undefined
      ? subnetPairs(model)
      : [
          { local: `${t.bgp.localBgpIp}/32`, remote: `${t.bgp.peerBgpIp}/32` },
          ...subnetPairs(model),
        ];
  for (const pair of pairs) {
    lines.push(
      `${next()}. Show Phase 2 Entries > Add P2 under tunnel ${String(t.index)}:`,
      '   Mode: Tunnel IPv4',
      `   Local Network: Network ${pair.local}`,
      `   Remote Network: Network ${pair.remote}`,
      '   Protocol: ESP',
      `   Encryption Algorithms: ${names.enc(t.ipsec.encAlg)}; Hash Algorithms: ${names.auth(t.ipsec.authAlg)}`,
      `   PFS key group: ${pfsEnabled(t) ? names.dh(t.ipsec.pfs) : 'off'}`,
      `   Life Time: ${String(t.ipsec.lifetime)} seconds. Save.`,
    );
  }
  return lines;
}

export function renderPfsense(model: PeerConfig): string {
  const lines = [...header('#', model, 'pfSense / OPNsense'), ''];
  const step = { n: 0 };
  for (const t of model.tunnels) lines.push(...tunnelSteps(model, t, step), '');
  step.n += 1;
  lines.push(`${String(step.n)}. Apply Changes, then Status > IPsec > Connect.`);
  step.n += 1;
  lines.push(
    `${String(step.n)}. Firewall > Rules > IPsec: allow traffic from ${model.remoteSubnets.join(', ')} to ${model.localSubnets.join(', ')}.`,
  );
  if (usesBgp(model)) {
    step.n += 1;
    lines.push(
      `${String(step.n)}. BGP needs the FRR package (System > Package Manager): neighbour(s) ` +
        model.tunnels
          .flatMap((t) =>
            t.bgp === undefined ? [] : [`${t.bgp.peerBgpIp} remote-as ${String(t.bgp.peerAsn)}`],
          )
          .join(', ') +
        `, local AS ${String(model.tunnels.find((t) => t.bgp !== undefined)?.bgp?.localAsn ?? 0)}, announcing ${model.localSubnets.join(', ')}.`,
    );
  }
  lines.push(
    '',
    `# DH groups: ${Object.entries(DH_GROUP_NAMES)
      .map(([k, v]) => `${k} = ${String(v.bits)} bit`)
      .join(', ')}.`,
  );
  return `${lines.join('\n')}\n`;
}
