/**
 * A small typed writer of swanctl.conf for a PSK site-to-site peer, for tests that need one side
 * configured independently of the console's exporter (e.g. the cloud side of a proof). Proposals
 * are strongSwan names (`aes128-sha1-modp1024`); the secret is written as hex so any byte works.
 */
export interface SiteToSitePeer {
  readonly connection: string;
  readonly version: 1 | 2;
  readonly aggressive?: boolean;
  readonly localAddrs: readonly string[];
  readonly remoteAddrs: readonly string[];
  readonly localId: string;
  readonly remoteId: string;
  readonly psk: string;
  readonly ikeProposal: string;
  readonly ikeLifetimeSeconds?: number;
  readonly children: readonly {
    readonly name: string;
    readonly localTs: readonly string[];
    readonly remoteTs: readonly string[];
    readonly espProposal: string;
    readonly lifetimeSeconds?: number;
    readonly startAction?: 'none' | 'start' | 'trap';
  }[];
}

function idValue(id: string): string {
  return /^[A-Za-z0-9.:@_-]+$/.test(id) ? id : `"${id.replace(/["\\]/g, '')}"`;
}

export function siteToSiteConf(peers: readonly SiteToSitePeer[]): string {
  const lines: string[] = ['connections {'];
  for (const peer of peers) {
    lines.push(
      `  ${peer.connection} {`,
      `    version = ${String(peer.version)}`,
      ...(peer.aggressive === true ? ['    aggressive = yes'] : []),
      `    local_addrs = ${peer.localAddrs.join(',')}`,
      `    remote_addrs = ${peer.remoteAddrs.join(',')}`,
      `    proposals = ${peer.ikeProposal}`,
      ...(peer.ikeLifetimeSeconds === undefined
        ? []
        : [`    rekey_time = ${String(peer.ikeLifetimeSeconds)}s`]),
      '    local {',
      '      auth = psk',
      `      id = ${idValue(peer.localId)}`,
      '    }',
      '    remote {',
      '      auth = psk',
      `      id = ${idValue(peer.remoteId)}`,
      '    }',
      '    children {',
    );
    for (const child of peer.children) {
      lines.push(
        `      ${child.name} {`,
        `        local_ts = ${child.localTs.join(',')}`,
        `        remote_ts = ${child.remoteTs.join(',')}`,
        `        esp_proposals = ${child.espProposal}`,
        ...(child.lifetimeSeconds === undefined
          ? []
          : [`        rekey_time = ${String(child.lifetimeSeconds)}s`]),
        `        start_action = ${child.startAction ?? 'none'}`,
        '      }',
      );
    }
    lines.push('    }', '  }');
  }
  lines.push('}', 'secrets {');
  peers.forEach((peer, index) => {
    lines.push(
      `  ike-${String(index + 1)} {`,
      `    id-1 = ${idValue(peer.localId)}`,
      `    id-2 = ${idValue(peer.remoteId)}`,
      `    secret = 0x${Buffer.from(peer.psk, 'utf8').toString('hex')}`,
      '  }',
    );
  });
  lines.push('}', '');
  return lines.join('\n');
}
