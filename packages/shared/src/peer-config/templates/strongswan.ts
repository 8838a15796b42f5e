// strongSwan swanctl.conf (strongSwan 5.8+ / 6): one connection per tunnel, policy-based
// (traffic selectors = the connection's subnets). Syntax: strongSwan docs, swanctl.conf(5).
import { namesFor } from '../algorithm-names';
import type { PeerConfig, PeerTunnel } from '../model';
import { header, pfsEnabled, selectors } from '../render-common';

const names = namesFor('strongswan');

function ikeProposal(t: PeerTunnel): string {
  return `${names.enc(t.ike.encAlg)}-${names.auth(t.ike.authAlg)}-${names.dh(t.ike.dhGroup)}`;
}

function espProposal(t: PeerTunnel): string {
  const base = `${names.enc(t.ipsec.encAlg)}-${names.auth(t.ipsec.authAlg)}`;
  return pfsEnabled(t) ? `${base}-${names.dh(t.ipsec.pfs)}` : base;
}

/** A swanctl.conf `secret` value (also used by the IPsec server client profile). */
export function secretText(psk: string): string {
  // Quoted unless a quote or backslash would need escaping; then hex (swanctl.conf `0x` form).
  if (!/["\\]/.test(psk)) return `"${psk}"`;
  const bytes = Array.from(new TextEncoder().encode(psk), (b) => b.toString(16).padStart(2, '0'));
  return `0x${bytes.join('')}`;
}

export function connectionName(model: PeerConfig, t: PeerTunnel): string {
  return model.tunnels.length > 1 || t.tunnelId !== undefined
    ? `${model.connectionId}-tunnel${String(t.index)}`
    : model.connectionId;
}

function children(model: PeerConfig, t: PeerTunnel): string[] {
  const ts = selectors(model, t);
  const child = (name: string, local: readonly string[], remote: readonly string[]) => [
    `      ${name} {`,
    `        local_ts = ${local.join(',')}`,
    `        remote_ts = ${remote.join(',')}`,
    `        esp_proposals = ${espProposal(t)}`,
    `        rekey_time = ${String(t.ipsec.lifetime)}s`,
    '        dpd_action = restart',
    '        start_action = start',
    '      }',
  ];
  if (t.ike.version === 'ikev2') return child('vpc', ts.local, ts.remote);
  // IKEv1 negotiates one subnet pair per CHILD_SA: one child for each pair.
  const pairs = ts.local.flatMap((local) => ts.remote.map((remote) => ({ local, remote })));
  return pairs.flatMap((pair, i) => child(`vpc-${String(i + 1)}`, [pair.local], [pair.remote]));
}

export function renderStrongswan(model: PeerConfig): string {
  const lines = [...header('#', model, 'strongSwan swanctl.conf'), ''];
  lines.push(
    '# Put this file in /etc/swanctl/conf.d/ and run `swanctl --load-all`.',
    '',
    'connections {',
  );
  for (const t of model.tunnels) {
    lines.push(
      `  ${connectionName(model, t)} {`,
      `    version = ${t.ike.version === 'ikev2' ? '2' : '1'}`,
      ...(t.ike.mode === 'aggressive' ? ['    aggressive = yes'] : []),
      `    local_addrs = ${t.local}`,
      `    remote_addrs = ${t.remote}`,
      `    proposals = ${ikeProposal(t)}`,
      t.ike.version === 'ikev2'
        ? `    rekey_time = ${String(t.ike.lifetime)}s`
        : `    reauth_time = ${String(t.ike.lifetime)}s`,
      '    dpd_delay = 30s',
      '    local {',
      '      auth = psk',
      `      id = ${t.localId}`,
      '    }',
      '    remote {',
      '      auth = psk',
      `      id = ${t.remoteId}`,
      '    }',
      '    children {',
      ...children(model, t),
      '    }',
      '  }',
    );
  }
  lines.push('}', '', 'secrets {');
  for (const t of model.tunnels) {
    lines.push(
      `  ike-${connectionName(model, t)} {`,
      `    id-1 = ${t.localId}`,
      `    id-2 = ${t.remoteId}`,
      `    secret = ${secretText(t.psk)}`,
      '  }',
    );
  }
  lines.push('}');
  const bgp = model.tunnels.flatMap((t) => (t.bgp === undefined ? [] : [t.bgp]));
  const [first] = bgp;
  if (first !== undefined) {
    lines.push(
      '',
      '# BGP: strongSwan carries the BGP session, a routing daemon (FRR, BIRD) speaks it.',
      '# Give this host the tunnel address(es) and add the neighbour(s), e.g. with FRR:',
      ...bgp.map((b) => `#   ip addr add ${b.localBgpIp}/32 dev lo`),
      `#   router bgp ${String(first.localAsn)}`,
      ...bgp.flatMap((b) => [
        `#    neighbor ${b.peerBgpIp} remote-as ${String(b.peerAsn)}`,
        `#    neighbor ${b.peerBgpIp} update-source ${b.localBgpIp}`,
      ]),
      ...model.localSubnets.map((s) => `#    network ${s}`),
    );
  }
  return `${lines.join('\n')}\n`;
}
