// FortiGate (FortiOS 6.4+ CLI): route-based (interface mode) phase 1 and phase 2 per tunnel;
// phase-2 selectors are the subnet pairs (static) or 0.0.0.0/0 with BGP; static routes or BGP.
import { namesFor } from '../algorithm-names';
import { cidrToMask, type PeerConfig, type PeerTunnel } from '../model';
import { header, isIpv4, pfsEnabled, subnetPairs, usesBgp, localAddresses } from '../render-common';

const names = namesFor('fortigate');

const q = (text: string) => `"${text.replace(/"/g, '')}"`;

function phase1(t: PeerTunnel): string[] {
  const name = `alibaba-${String(t.index)}`;
  return [
    `    edit ${q(name)}`,
    '        set interface "port1"',
    `        set ike-version ${t.ike.version === 'ikev2' ? '2' : '1'}`,
    ...(t.ike.version === 'ikev1'
      ? [`        set mode ${t.ike.mode === 'aggressive' ? 'aggressive' : 'main'}`]
      : []),
    '        set peertype any',
    '        set net-device disable',
    `        set proposal ${names.enc(t.ike.encAlg)}-${names.auth(t.ike.authAlg)}`,
    `        set dhgrp ${names.dh(t.ike.dhGroup)}`,
    `        set keylife ${String(t.ike.lifetime)}`,
    ...(isIpv4(t.localId) ? [] : [`        set localid ${q(t.localId)}`]),
    `        set remote-gw ${t.remote}`,
    `        set psksecret ${q(t.psk)}`,
    '        set dpd on-idle',
    '    next',
  ];
}

function phase2(model: PeerConfig, t: PeerTunnel): string[] {
  const name = `alibaba-${String(t.index)}`;
  const pairs =
    t.bgp === undefined ? subnetPairs(model) : [{ local: '0.0.0.0/0', remote: '0.0.0.0/0' }];
  return pairs.flatMap(({ local, remote }, i) => {
    const l = cidrToMask(local);
    const r = cidrToMask(remote);
    return [
      `    edit ${q(`${name}-p2-${String(i + 1)}`)}`,
      `        set phase1name ${q(name)}`,
      `        set proposal ${names.enc(t.ipsec.encAlg)}-${names.auth(t.ipsec.authAlg)}`,
      ...(pfsEnabled(t)
        ? ['        set pfs enable', `        set dhgrp ${names.dh(t.ipsec.pfs)}`]
        : ['        set pfs disable']),
      `        set keylifeseconds ${String(t.ipsec.lifetime)}`,
      '        set auto-negotiate enable',
      `        set src-subnet ${l.address} ${l.mask}`,
      `        set dst-subnet ${r.address} ${r.mask}`,
      '    next',
    ];
  });
}

export function renderFortigate(model: PeerConfig): string {
  const lines = [...header('#', model, 'FortiGate (FortiOS CLI)'), '#'];
  lines.push(
    '# "port1" is the interface holding ' + localAddresses(model) + ': replace it by yours.',
    'config vpn ipsec phase1-interface',
    ...model.tunnels.flatMap(phase1),
    'end',
    'config vpn ipsec phase2-interface',
    ...model.tunnels.flatMap((t) => phase2(model, t)),
    'end',
  );
  if (usesBgp(model)) {
    lines.push('config system interface');
    for (const t of model.tunnels) {
      if (t.bgp === undefined) continue;
      lines.push(
        `    edit ${q(`alibaba-${String(t.index)}`)}`,
        `        set ip ${t.bgp.localBgpIp} 255.255.255.255`,
        `        set remote-ip ${t.bgp.peerBgpIp} ${cidrToMask(t.bgp.tunnelCidr).mask}`,
        '    next',
      );
    }
    const first = model.tunnels.find((t) => t.bgp !== undefined)?.bgp;
    lines.push(
      'end',
      'config router bgp',
      `    set as ${String(first?.localAsn ?? 0)}`,
      '    config neighbor',
    );
    for (const t of model.tunnels) {
      if (t.bgp === undefined) continue;
      lines.push(
        `        edit ${q(t.bgp.peerBgpIp)}`,
        `            set remote-as ${String(t.bgp.peerAsn)}`,
        '        next',
      );
    }
    lines.push('    end', '    config network');
    model.localSubnets.forEach((s, i) => {
      const n = cidrToMask(s);
      lines.push(
        `        edit ${String(i + 1)}`,
        `            set prefix ${n.address} ${n.mask}`,
        '        next',
      );
    });
    lines.push('    end', 'end');
  } else {
    lines.push('config router static');
    for (const t of model.tunnels) {
      for (const s of model.remoteSubnets) {
        const n = cidrToMask(s);
        lines.push(
          '    edit 0',
          `        set dst ${n.address} ${n.mask}`,
          `        set device ${q(`alibaba-${String(t.index)}`)}`,
          ...(t.index > 1 ? [`        set priority ${String(t.index * 10)}`] : []),
          '    next',
        );
      }
    }
    lines.push('end');
  }
  lines.push(
    '# Then add firewall policies that allow traffic between your LAN interface and alibaba-N in both directions.',
  );
  return `${lines.join('\n')}\n`;
}
