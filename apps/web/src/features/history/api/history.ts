// The history feature's reads (issue 15): a gateway's recorded timeline, a connection's stored
// logs, the cloud's diagnosis, the health overview across regions.
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import {
  diagnosisListSchema,
  healthOverviewSchema,
  historyResponseSchema,
  storedLogListSchema,
  type HistoryLane,
} from '@vpn-console/shared/history/schema';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';

const historyRanges = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };
export type HistoryRange = keyof typeof historyRanges;

/** `from`/`to` of a range ending now (to the minute, so the query key is stable for a minute). */
export function rangeWindow(range: HistoryRange, now: number): { from: string; to: string } {
  const to = Math.ceil(now / 60_000) * 60_000;
  return {
    from: new Date(to - historyRanges[range]).toISOString(),
    to: new Date(to).toISOString(),
  };
}

const qs = (params: Record<string, string | undefined>) => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, v);
  return search.toString();
};

export interface HistoryScope {
  regionId: string;
  vpnGatewayId: string;
  vpnConnectionId?: string | undefined;
}

const historyQuery = (scope: HistoryScope, window: { from: string; to: string }) =>
  qs({ ...window, vpnConnectionId: scope.vpnConnectionId });

export const useGatewayHistory = (scope: HistoryScope, window: { from: string; to: string }) =>
  useQuery({
    queryKey: ['history', scope, window],
    queryFn: () =>
      apiRequest(
        historyResponseSchema,
        `${pathTo(route.getGatewayHistory, scope.regionId, scope.vpnGatewayId)}?${historyQuery(scope, window)}`,
      ),
  });

export const historyExportUrl = (scope: HistoryScope, window: { from: string; to: string }) =>
  `${pathTo(route.exportGatewayHistory, scope.regionId, scope.vpnGatewayId)}?${historyQuery(scope, window)}`;

export const logQuery = (window: { from: string; to: string }, tunnelId: string | undefined) =>
  qs({ ...window, tunnelId });

export const useConnectionLogs = (
  regionId: string,
  vpnConnectionId: string,
  window: { from: string; to: string },
  tunnelId: string | undefined,
) =>
  useQuery({
    queryKey: ['history', 'logs', regionId, vpnConnectionId, window, tunnelId],
    // The recorder stores new lines every round while the connection is down.
    refetchInterval: 30_000,
    queryFn: () =>
      apiRequest(
        storedLogListSchema,
        `${pathTo(route.listVpnConnectionLogs, regionId, vpnConnectionId)}?${logQuery(window, tunnelId)}`,
      ),
  });

export const useDiagnosis = (regionId: string, vpnConnectionId: string) =>
  useQuery({
    queryKey: ['history', 'diagnosis', regionId, vpnConnectionId],
    queryFn: () =>
      apiRequest(
        diagnosisListSchema,
        pathTo(route.diagnoseVpnConnection, regionId, vpnConnectionId),
      ),
  });

export interface HealthFilter {
  q?: string | undefined;
  regionId?: string | undefined;
  lane?: HistoryLane | undefined;
}

export const useHealthOverview = (filter: HealthFilter) =>
  useQuery({
    queryKey: ['history', 'health', filter],
    queryFn: () =>
      apiRequest(healthOverviewSchema, `${pathTo(route.getHealthOverview)}?${qs({ ...filter })}`),
    refetchInterval: 60_000,
  });
