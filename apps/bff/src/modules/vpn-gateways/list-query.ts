// Search, filter, sort and page a gateway list (issue 18): pure, on lists the cache keeps.
import type { GatewaySort } from '@vpn-console/shared/api/gateway-list';
import type { VpnGatewayView } from '@vpn-console/shared/api/views';

export interface GatewayQuery {
  q?: string | undefined;
  status?: string | undefined;
  sort: GatewaySort;
  page: number;
  pageSize: number;
}

export interface QueriedPage {
  items: VpnGatewayView[];
  totalCount: number;
  page: number;
  pageSize: number;
  statusCounts: Record<string, number>;
}

const haystack = (g: VpnGatewayView): string =>
  [g.name, g.id, g.internetIp, g.regionId, g.description, g.disasterRecoveryInternetIp ?? '']
    .join(' ')
    .toLowerCase();

const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const keyed: Record<string, (a: VpnGatewayView, b: VpnGatewayView) => number> = {
  name: (a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()),
  status: (a, b) => compareText(a.status, b.status),
  region: (a, b) => compareText(a.regionId, b.regionId),
  createdAt: (a, b) => (a.createTime ?? 0) - (b.createTime ?? 0),
};

export const queryGateways = (all: readonly VpnGatewayView[], query: GatewayQuery): QueriedPage => {
  const words = (query.q ?? '')
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const searched =
    words.length === 0
      ? [...all]
      : all.filter((g) => {
          const text = haystack(g);
          return words.every((w) => text.includes(w));
        });
  const statusCounts: Record<string, number> = {};
  for (const g of searched) statusCounts[g.status] = (statusCounts[g.status] ?? 0) + 1;
  const filtered =
    query.status === undefined ? searched : searched.filter((g) => g.status === query.status);
  const descending = query.sort.startsWith('-');
  const by = keyed[descending ? query.sort.slice(1) : query.sort] ?? keyed.name;
  // Ties broken by region and id, so pages never overlap or skip.
  const tie = (a: VpnGatewayView, b: VpnGatewayView) =>
    compareText(a.regionId, b.regionId) || compareText(a.id, b.id);
  filtered.sort((a, b) => {
    const primary = by === undefined ? 0 : by(a, b);
    return (descending ? -primary : primary) || tie(a, b);
  });
  const start = (query.page - 1) * query.pageSize;
  return {
    items: filtered.slice(start, start + query.pageSize),
    totalCount: filtered.length,
    page: query.page,
    pageSize: query.pageSize,
    statusCounts,
  };
};
