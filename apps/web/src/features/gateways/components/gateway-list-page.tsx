import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { GATEWAY_PAGE_SIZE_DEFAULT, type GatewaySort } from '@vpn-console/shared/api/gateway-list';
import { useDeferredValue, useEffect, useState, type CSSProperties } from 'react';
import { CompactSelect } from '../../../components/compact-select';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/messages';
import { useRegionName } from '../../../lib/region-name';
import { useGatewayPage } from '../api/list-gateways';
import { useRegions } from '../api/list-regions';
import { GatewayTable } from './gateway-table';

const SORTS: ReadonlyArray<{ value: GatewaySort; label: MessageKey }> = [
  { value: 'name', label: 'gateway.sortName' },
  { value: '-name', label: 'gateway.sortNameDesc' },
  { value: 'status', label: 'gateway.sortStatus' },
  { value: 'region', label: 'gateway.sortRegion' },
  { value: '-createdAt', label: 'gateway.sortNewest' },
  { value: 'createdAt', label: 'gateway.sortOldest' },
];

const KNOWN_STATUSES = new Set(['active', 'updating', 'init', 'provisioning', 'deleting']);

const searchStyle: CSSProperties = {
  height: 30,
  minWidth: 240,
  padding: '0 8px',
  fontSize: 'var(--mantine-font-size-sm)',
  fontFamily: 'inherit',
  color: 'var(--mantine-color-text)',
  background: 'var(--mantine-color-body)',
  border: '1px solid var(--mantine-color-default-border)',
  borderRadius: 'var(--mantine-radius-default)',
};

/** The text typed, settled for `ms` (one request per pause in typing, not per key). */
const useSettled = (value: string, ms: number): string => {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => {
      setSettled(value);
    }, ms);
    return () => {
      clearTimeout(timer);
    };
  }, [value, ms]);
  return settled;
};

/**
 * A gateway list that scales (issue 18): the BFF searches, filters, sorts and pages; the page
 * renders (and watches live) one page of rows, whatever the size of the account.
 */
function GatewayList({ regionId }: { regionId?: string }) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim(), 250);
  const [status, setStatus] = useState('');
  const [sort, setSort] = useState<GatewaySort>('name');
  // A new search, filter or sort starts again at page 1: the page is kept with the query it
  // belongs to (no effect that resets it a render late).
  const query = JSON.stringify([q, status, sort]);
  const [paged, setPaged] = useState({ query, page: 1 });
  const page = paged.query === query ? paged.page : 1;
  const setPage = (next: (current: number) => number) => {
    setPaged({ query, page: next(page) });
  };
  const request = {
    ...(q === '' ? {} : { q }),
    ...(status === '' ? {} : { status }),
    ...(sort === 'name' ? {} : { sort }),
    ...(page === 1 ? {} : { page }),
  };
  const { data: latest, isPending, isError, isPlaceholderData } = useGatewayPage(regionId, request);
  // A new page's rows render at transition priority (issue 18): React renders them in slices that
  // leave the main thread free between them, while the rows of the page before stay on screen.
  // Everything below reads this one answer, so the rows, counts and page number always agree.
  const data = useDeferredValue(latest);
  const loadingNext = isPlaceholderData || data !== latest;
  const pageSize = data?.pageSize ?? GATEWAY_PAGE_SIZE_DEFAULT;
  const pages = data === undefined ? 1 : Math.max(1, Math.ceil(data.totalCount / pageSize));
  const counts = data?.statusCounts ?? {};
  const searchedTotal = Object.values(counts).reduce((a, b) => a + b, 0);
  const statusLabel = (s: string) => (KNOWN_STATUSES.has(s) ? t(`status.${s}` as MessageKey) : s);
  const statusOptions = [
    { value: '', label: t('gateway.anyStatus', { count: searchedTotal }) },
    ...Object.entries(counts)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([s, n]) => ({ value: s, label: `${statusLabel(s)} (${String(n)})` })),
    ...(status !== '' && counts[status] === undefined ? [{ value: status, label: status }] : []),
  ];
  return (
    <Stack>
      <Group gap="xs" wrap="wrap">
        <input
          type="search"
          aria-label={t('gateway.search')}
          placeholder={t('gateway.search')}
          value={typed}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
          }}
          style={searchStyle}
        />
        <CompactSelect
          label={t('gateway.filterStatus')}
          value={status}
          options={statusOptions}
          onChange={setStatus}
        />
        <CompactSelect
          label={t('gateway.sort')}
          value={sort}
          options={SORTS.map((s) => ({ value: s.value, label: t(s.label) }))}
          onChange={(value) => {
            const chosen = SORTS.find((s) => s.value === value);
            if (chosen) setSort(chosen.value);
          }}
        />
        {loadingNext ? <Loader size="xs" aria-label={t('common.loading')} /> : null}
      </Group>
      {data?.statusMayBeOldSeconds != null ? (
        <Alert color="yellow">
          {t('gateway.statusMayBeOld', { seconds: data.statusMayBeOldSeconds })}
        </Alert>
      ) : null}
      {data !== undefined && data.failedRegions.length > 0 ? (
        <Alert color="red">
          {t('gateway.someRegionsFailed', { count: data.failedRegions.length })}
        </Alert>
      ) : null}
      {isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {data === undefined ? null : data.totalCount === 0 && (q !== '' || status !== '') ? (
        <Text>{t('gateway.noMatch')}</Text>
      ) : (
        <GatewayTable gateways={data.items} showRegion={regionId === undefined} />
      )}
      {data !== undefined && data.totalCount > 0 ? (
        <Group gap="xs" aria-label={t('gateway.pages')} role="group">
          <Button
            size="xs"
            variant="default"
            disabled={page <= 1}
            onClick={() => {
              setPage((p) => Math.max(1, p - 1));
            }}
          >
            {t('gateway.previousPage')}
          </Button>
          <Text size="sm" aria-live="polite">
            {t('gateway.pageOf', { page: data.page, pages, count: data.totalCount })}
          </Text>
          <Button
            size="xs"
            variant="default"
            disabled={page >= pages}
            onClick={() => {
              setPage((p) => Math.min(pages, p + 1));
            }}
          >
            {t('gateway.nextPage')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

export function GatewayListPage({ regionId }: { regionId: string }) {
  const { t } = useI18n();
  const regionName = useRegionName();
  const bffName = useRegions().data?.items.find((r) => r.regionId === regionId)?.localName;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('gateway.listTitle', { region: regionName(regionId, bffName ?? regionId) })}
      </Title>
      {/* A new region starts a new list (its own search, page and sort). */}
      <GatewayList key={regionId} regionId={regionId} />
    </Stack>
  );
}

export function AllGatewaysPage() {
  const { t } = useI18n();
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('gateway.allTitle')}
      </Title>
      <GatewayList />
    </Stack>
  );
}
