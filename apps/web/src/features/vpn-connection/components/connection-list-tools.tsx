// Search, filter and sort for a gateway's IPsec connections (issue 17: a gateway with many
// connections had neither). Searches name, id, customer gateway (name and IP) and subnets;
// filters by what the live status says; sorts by name, status or age.
import { Group, Select, TextInput } from '@mantine/core';
import type { VpnConnectionView } from '@vpn-console/shared/api/views';
import { useI18n } from '../../../lib/i18n';

const connectionStatusFilters = ['all', 'connected', 'notConnected', 'updating'] as const;
type ConnectionStatusFilter = (typeof connectionStatusFilters)[number];
const connectionSorts = ['name', 'status', 'newest'] as const;
type ConnectionSort = (typeof connectionSorts)[number];

export interface ConnectionListQuery {
  readonly search: string;
  readonly status: ConnectionStatusFilter;
  readonly sort: ConnectionSort;
}

/**
 * The list's state from the gateway page's URL (issue 18: shareable, back and forward walk it):
 * `q`, `status` and `sort`; a value the list does not know is its default.
 */
export const connectionListQuery = (params: URLSearchParams): ConnectionListQuery => ({
  search: (params.get('q') ?? '').trim(),
  status: connectionStatusFilters.find((f) => f === params.get('status')) ?? 'all',
  sort: connectionSorts.find((s) => s === params.get('sort')) ?? 'name',
});

interface Reading {
  readonly status?: string | undefined;
  readonly state?: string | undefined;
}

const isConnected = (status: string | undefined) => status === 'ipsec_sa_established';
/** Not connected first (what support looks for), then updating, then connected. */
const statusRank = (r: Reading): number =>
  r.state === 'updating' ? 1 : isConnected(r.status) ? 2 : 0;

/** The connections the query keeps, in its order. `reading` is the live status, else the view's. */
export function queryConnections(
  connections: readonly VpnConnectionView[],
  query: ConnectionListQuery,
  reading: (c: VpnConnectionView) => Reading,
  customerGateway: (id: string | undefined) => { name?: string; ipAddress?: string } | undefined,
): VpnConnectionView[] {
  const words = query.search
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '');
  const kept = connections.filter((c) => {
    const r = reading(c);
    if (query.status === 'connected' && !isConnected(r.status)) return false;
    if (query.status === 'notConnected' && (isConnected(r.status) || r.state === 'updating'))
      return false;
    if (query.status === 'updating' && r.state !== 'updating') return false;
    if (words.length === 0) return true;
    const cgw = customerGateway(c.customerGatewayId);
    const haystack = [
      c.name,
      c.id,
      c.customerGatewayId ?? '',
      cgw?.name ?? '',
      cgw?.ipAddress ?? '',
      ...c.localSubnet,
      ...c.remoteSubnet,
      ...(c.tunnels ?? []).flatMap((tunnel) => [tunnel.customerGatewayId ?? '']),
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const byName = (a: VpnConnectionView, b: VpnConnectionView) =>
    a.name.localeCompare(b.name) || a.id.localeCompare(b.id);
  return kept.sort((a, b) => {
    if (query.sort === 'status')
      return statusRank(reading(a)) - statusRank(reading(b)) || byName(a, b);
    if (query.sort === 'newest') return (b.createTime ?? 0) - (a.createTime ?? 0) || byName(a, b);
    return byName(a, b);
  });
}

export function ConnectionListTools({
  query,
  onChange,
}: {
  query: ConnectionListQuery;
  onChange: (change: Partial<ConnectionListQuery>) => void;
}) {
  const { t } = useI18n();
  return (
    <Group align="flex-end" wrap="wrap">
      <TextInput
        label={t('connection.search')}
        placeholder={t('connection.searchHint')}
        value={query.search}
        w={280}
        onChange={(e) => {
          onChange({ search: e.currentTarget.value });
        }}
      />
      <Select
        label={t('connection.filterStatus')}
        w={200}
        allowDeselect={false}
        value={query.status}
        data={connectionStatusFilters.map((f) => ({
          value: f,
          label: t(`connection.filter.${f}`),
        }))}
        onChange={(v) => {
          const found = connectionStatusFilters.find((f) => f === v);
          if (found !== undefined) onChange({ status: found });
        }}
      />
      <Select
        label={t('connection.sortBy')}
        w={200}
        allowDeselect={false}
        value={query.sort}
        data={connectionSorts.map((s) => ({ value: s, label: t(`connection.sort.${s}`) }))}
        onChange={(v) => {
          const found = connectionSorts.find((s) => s === v);
          if (found !== undefined) onChange({ sort: found });
        }}
      />
    </Group>
  );
}
