// What Huawei VRP and H3C Comware (one family of CLIs) write alike: the ACL of subnet pairs and
// the closing BGP or interface-and-static-route section. Used by huawei.ts and h3c.ts only.
import { cidrToMask, prefixLength, type PeerConfig } from '../model';
import { localAddresses, subnetPairs, usesBgp } from '../render-common';

export function aclRules(model: PeerConfig): string[] {
  return subnetPairs(model).map(({ local, remote }, i) => {
    const l = cidrToMask(local);
    const r = cidrToMask(remote);
    return ` rule ${String((i + 1) * 5)} permit ip source ${l.address} ${l.wildcard} destination ${r.address} ${r.wildcard}`;
  });
}

export function closingSection(
  model: PeerConfig,
  dialect: { readonly addressFamily: string; readonly iface: string; readonly apply: string },
): string[] {
  if (!usesBgp(model)) {
    return [
      '',
      `# Apply the policy on the interface that holds ${localAddresses(model)} (replace ${dialect.iface}):`,
      `interface ${dialect.iface}`,
      dialect.apply,
      '# Route the VPC through that interface (replace <next hop> by your Internet gateway):',
      ...model.remoteSubnets.map(
        (s) => `ip route-static ${cidrToMask(s).address} ${String(prefixLength(s))} <next hop>`,
      ),
    ];
  }
  const peers = model.tunnels.flatMap((t) => (t.bgp === undefined ? [] : [t.bgp]));
  return [
    '',
    `bgp ${String(peers[0]?.localAsn ?? 0)}`,
    ...peers.map((b) => ` peer ${b.peerBgpIp} as-number ${String(b.peerAsn)}`),
    ` ${dialect.addressFamily}`,
    ...model.localSubnets.map(
      (s) => `  network ${cidrToMask(s).address} ${String(prefixLength(s))}`,
    ),
    ...peers.map((b) => `  peer ${b.peerBgpIp} enable`),
  ];
}
