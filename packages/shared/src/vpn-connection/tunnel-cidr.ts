// BGP tunnel CIDRs already used on a VPN gateway (issue 17 item 5): the cloud refuses a second
// connection (or tunnel) with the same tunnel CIDR on one gateway (InvalidParameter naming
// BgpConfig.TunnelCidr or TunnelOptionsSpecification.N.TunnelBgpConfig.TunnelCidr); the wizards
// say so at the field, with the connection that uses it, before anything is sent.
import type { z } from 'zod';
import type { VpnConnectionView } from '../api/views';
import { addIssue } from '../common/issue';
import { ISSUE_CODES } from '../errors/issue-codes';

export interface TunnelCidrUse {
  connectionId: string;
  /** The connection's name, or its id when it has none. */
  connection: string;
}

/**
 * The tunnel CIDRs the gateway's connections use (a single-tunnel connection's with BGP on, each
 * tunnel's of a dual-tunnel connection with BGP on), leaving out `exceptConnectionId` (the one
 * being edited).
 */
export function tunnelCidrsInUse(
  connections: readonly VpnConnectionView[],
  exceptConnectionId?: string,
): ReadonlyMap<string, TunnelCidrUse> {
  const used = new Map<string, TunnelCidrUse>();
  for (const c of connections) {
    if (c.id === exceptConnectionId) continue;
    const use = { connectionId: c.id, connection: c.name === '' ? c.id : c.name };
    const single = c.bgpConfig;
    if (single?.enableBgp === true && single.tunnelCidr !== undefined && single.tunnelCidr !== '') {
      used.set(single.tunnelCidr, use);
    }
    if (c.enableTunnelsBgp === false) continue;
    for (const t of c.tunnels ?? []) {
      const cidr = t.bgpConfig?.tunnelCidr;
      if (cidr !== undefined && cidr !== '') used.set(cidr, use);
    }
  }
  return used;
}

/**
 * A refinement for a wizard step: each tunnel CIDR `at` names (a path in the value and the CIDR
 * there, only where BGP is on) that another connection of the gateway uses is an issue at its
 * field, naming that connection.
 */
export const refineTunnelCidrsFree =
  <T>(
    inUse: ReadonlyMap<string, TunnelCidrUse>,
    at: (value: T) => ReadonlyArray<readonly [PropertyKey[], string | undefined]>,
  ) =>
  (value: T, ctx: Pick<z.core.$RefinementCtx<never>, 'addIssue'>): void => {
    for (const [path, cidr] of at(value)) {
      const use = cidr === undefined ? undefined : inUse.get(cidr.trim());
      if (use !== undefined) {
        addIssue(ctx, ISSUE_CODES.TUNNEL_CIDR_IN_USE, path, { connection: use.connection });
      }
    }
  };
