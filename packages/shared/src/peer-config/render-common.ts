// Small helpers shared by the templates (comment blocks, names, traffic selectors).
import { headerLines, type PeerConfig, type PeerTunnel } from './model';

/** The header as comment lines with the device's comment marker. */
export function header(marker: string, model: PeerConfig, device: string): string[] {
  return headerLines(model, device).map((line) => `${marker} ${line}`);
}

/** The subnets each side protects: with BGP, the BGP addresses ride the tunnel too. */
export function selectors(
  model: PeerConfig,
  tunnel: PeerTunnel,
): { local: string[]; remote: string[] } {
  return {
    local: [...model.localSubnets, ...(tunnel.bgp ? [`${tunnel.bgp.localBgpIp}/32`] : [])],
    remote: [...model.remoteSubnets, ...(tunnel.bgp ? [`${tunnel.bgp.peerBgpIp}/32`] : [])],
  };
}

/** Every (local, remote) subnet pair: IKEv1 and proxy-id based devices need one SA per pair. */
export function subnetPairs(model: PeerConfig): { local: string; remote: string }[] {
  return model.localSubnets.flatMap((local) =>
    model.remoteSubnets.map((remote) => ({ local, remote })),
  );
}

export const pfsEnabled = (tunnel: PeerTunnel): boolean => tunnel.ipsec.pfs !== 'disabled';

/** Text for a PSK inside double quotes; quotes and backslashes never appear in Alibaba PSKs. */
export function quoted(text: string): string {
  return `"${text.replace(/["\\]/g, '')}"`;
}

export const isIpv4 = (text: string): boolean => /^\d{1,3}(?:\.\d{1,3}){3}$/.test(text);

/** Lines for each tunnel, with a blank line between tunnels. */
export function perTunnel(model: PeerConfig, render: (t: PeerTunnel) => string[]): string[] {
  return model.tunnels.flatMap((t, i) => (i === 0 ? render(t) : ['', ...render(t)]));
}

export const usesBgp = (model: PeerConfig): boolean =>
  model.tunnels.some((t) => t.bgp !== undefined);

/** This device's public address(es), each once. */
export function localAddresses(model: PeerConfig): string {
  return [...new Set(model.tunnels.map((t) => t.local))].join(' / ');
}
