// What one look at a region tells the recorder: one value per subject (gateway, connection,
// tunnel) and lane, from DescribeVpnGateways and DescribeVpnConnections. Pure.
import type { HistoryLane, HistorySubjectKind } from '@vpn-console/shared/history/schema';
import type { VpnConnection } from '@vpn-console/shared/responses/vpn-connection';
import type { VpnGateway } from '@vpn-console/shared/responses/vpn-gateway';

export interface Observation {
  regionId: string;
  gatewayId: string;
  gatewayName: string;
  kind: HistorySubjectKind;
  subjectId: string;
  connectionId: string | null;
  name: string;
  tunnelIndex: number | null;
  lane: HistoryLane;
  value: string;
}

/** The store's key of a subject's lane. */
export const observationKey = (o: Pick<Observation, 'regionId' | 'kind' | 'subjectId' | 'lane'>) =>
  `${o.regionId}|${o.kind}|${o.subjectId}|${o.lane}`;

export function observeRegion(
  regionId: string,
  gateways: readonly VpnGateway[],
  connections: readonly VpnConnection[],
): Observation[] {
  const out: Observation[] = [];
  const names = new Map<string, string>();
  for (const g of gateways) {
    const gatewayName = g.Name ?? '';
    names.set(g.VpnGatewayId, gatewayName);
    const base = {
      regionId,
      gatewayId: g.VpnGatewayId,
      gatewayName,
      kind: 'gateway' as const,
      subjectId: g.VpnGatewayId,
      connectionId: null,
      name: gatewayName,
      tunnelIndex: null,
    };
    out.push({ ...base, lane: 'gateway-status', value: g.Status ?? '' });
    out.push({ ...base, lane: 'gateway-business', value: g.BusinessStatus ?? '' });
  }
  for (const c of connections) {
    const gatewayId = c.VpnGatewayId ?? '';
    // A connection of a gateway the listing did not show (made in between): next round.
    if (!names.has(gatewayId)) continue;
    const conn = {
      regionId,
      gatewayId,
      gatewayName: names.get(gatewayId) ?? '',
      kind: 'connection' as const,
      subjectId: c.VpnConnectionId,
      connectionId: c.VpnConnectionId,
      name: c.Name ?? '',
      tunnelIndex: null,
    };
    out.push({ ...conn, lane: 'negotiation', value: c.Status ?? '' });
    const tunnels = c.TunnelOptionsSpecification?.TunnelOptions ?? [];
    if (tunnels.length === 0) {
      out.push({ ...conn, lane: 'bgp', value: c.VpnBgpConfig?.Status ?? '' });
    }
    out.push({ ...conn, lane: 'health-check', value: c.VcoHealthCheck?.Status ?? '' });
    tunnels.forEach((t, i) => {
      const tunnelId = t.TunnelId ?? '';
      if (tunnelId === '') return;
      const tunnel = {
        ...conn,
        kind: 'tunnel' as const,
        subjectId: tunnelId,
        name: `${conn.name} #${String(t.TunnelIndex ?? i + 1)}`,
        tunnelIndex: t.TunnelIndex ?? i + 1,
      };
      out.push({ ...tunnel, lane: 'negotiation', value: t.Status ?? '' });
      out.push({ ...tunnel, lane: 'bgp', value: t.TunnelBgpConfig?.BgpStatus ?? '' });
    });
  }
  return out;
}

/** Where the recorder reads negotiation logs: a single-tunnel connection or one tunnel. */
export interface LogSubject {
  regionId: string;
  connectionId: string;
  /** '' for a single-tunnel connection. */
  tunnelId: string;
}

export const logSubjectKey = (s: LogSubject) => `${s.regionId}|${s.connectionId}|${s.tunnelId}`;
