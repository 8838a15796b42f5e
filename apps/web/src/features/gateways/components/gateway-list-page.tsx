import { Alert, Button, Group, Loader, Stack, Text, Title } from '@mantine/core';
import {
  GATEWAY_PAGE_SIZE_DEFAULT,
  gatewayListParams,
  type GatewaySort,
} from '@vpn-console/shared/api/gateway-list';
import { useDeferredValue, useEffect, useEffectEvent, type CSSProperties } from 'react';
import type { z } from 'zod';
import { CompactSelect } from '../../../components/compact-select';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/messages';
import { useRegionName } from '../../../lib/region-name';
import { useSearchBox, useUrlState } from '../../../lib/url-state';
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

/** The page sizes offered (the BFF takes any size up to GATEWAY_PAGE_SIZE_MAX). */
const PAGE_SIZES = [25, GATEWAY_PAGE_SIZE_DEFAULT, 100] as const;

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

/** A parameter of the URL by the BFF's own rule for it; its default when missing or bad. */
const param = <T,>(schema: z.ZodType<T>, raw: string | null, fallback: T): T => {
  const parsed = schema.safeParse(raw ?? undefined);
  return parsed.success ? parsed.data : fallback;
};

/**
 * The list's state from its URL (issue 18: shareable, back and forward walk it): `q`, `status`,
 * `sort`, `page` and `pageSize`, each checked by the BFF's rule for it, so a hand-edited link
 * shows the default for what it got wrong.
 */
const listState = (params: URLSearchParams) => {
  return {
    q: param(gatewayListParams.q, params.get('q'), undefined) ?? '',
    status: param(gatewayListParams.status, params.get('status'), undefined) ?? '',
    // The sorts the list offers (a subset of the contract's).
    sort: SORTS.find((s) => s.value === params.get('sort'))?.value ?? 'name',
    page: param(gatewayListParams.page, params.get('page'), 1),
    pageSize: param(gatewayListParams.pageSize, params.get('pageSize'), GATEWAY_PAGE_SIZE_DEFAULT),
  };
};

/**
 * A gateway list that scales (issue 18): the BFF searches, filters, sorts and pages; the page
 * renders (and watches live) one page of rows, whatever the size of the account.
 */
function GatewayList({ regionId }: { regionId?: string }) {
  const { t, language } = useI18n();
  const regionName = useRegionName();
  const [params, change] = useUrlState();
  const { q, status, sort, page, pageSize } = listState(params);
  // A new search, filter or sort starts again at page 1 (the page leaves the URL with it).
  const [typed, type] = useSearchBox(q, (words) => {
    change({ q: words, page: undefined }, true);
  });
  const request = {
    ...(q === '' ? {} : { q }),
    ...(status === '' ? {} : { status }),
    ...(sort === 'name' ? {} : { sort }),
    ...(page === 1 ? {} : { page }),
    ...(pageSize === GATEWAY_PAGE_SIZE_DEFAULT ? {} : { pageSize }),
  };
  const { data: latest, isPending, isError, isPlaceholderData } = useGatewayPage(regionId, request);
  // A new page's rows render at transition priority (issue 18): React renders them in slices that
  // leave the main thread free between them, while the rows of the page before stay on screen.
  // Everything below reads this one answer, so the rows, counts and page number always agree.
  const data = useDeferredValue(latest);
  const loadingNext = isPlaceholderData || data !== latest;
  const shownSize = data?.pageSize ?? pageSize;
  const pages = data === undefined ? 1 : Math.max(1, Math.ceil(data.totalCount / shownSize));
  const goTo = (next: number) => {
    change({ page: next <= 1 ? undefined : next });
  };
  // A page past the end (a stale link, or a list that shrank under it) lands on the last page:
  // the URL is corrected in place (the empty page is no step to go back to).
  const lastPage =
    latest === undefined || isPlaceholderData
      ? undefined
      : Math.max(1, Math.ceil(latest.totalCount / latest.pageSize));
  const toLastPage = useEffectEvent((last: number) => {
    if (page > last) change({ page: last <= 1 ? undefined : last }, true);
  });
  useEffect(() => {
    if (lastPage !== undefined) toLastPage(lastPage);
  }, [lastPage, page]);
  const pastTheEnd = data !== undefined && data.page > pages;
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
          maxLength={100}
          onChange={(e) => {
            type(e.currentTarget.value);
          }}
          style={searchStyle}
        />
        <CompactSelect
          label={t('gateway.filterStatus')}
          value={status}
          options={statusOptions}
          onChange={(value) => {
            change({ status: value, page: undefined });
          }}
        />
        <CompactSelect
          label={t('gateway.sort')}
          value={sort}
          options={SORTS.map((s) => ({ value: s.value, label: t(s.label) }))}
          onChange={(value) => {
            const chosen = SORTS.find((s) => s.value === value);
            if (chosen)
              change({ sort: chosen.value === 'name' ? undefined : chosen.value, page: undefined });
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
          {/* Which regions, by name (not "{count} region(s)"): each is one a user can look at. */}
          {t('gateway.someRegionsFailed', {
            regions: new Intl.ListFormat(language).format(
              data.failedRegions.map((r) => regionName(r, r)),
            ),
          })}
        </Alert>
      ) : null}
      {isPending || pastTheEnd ? <Loader aria-label={t('common.loading')} /> : null}
      {isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {data === undefined || pastTheEnd ? null : data.totalCount === 0 &&
        (q !== '' || status !== '') ? (
        <Text>{t('gateway.noMatch')}</Text>
      ) : (
        <GatewayTable gateways={data.items} showRegion={regionId === undefined} />
      )}
      {data !== undefined && data.totalCount > 0 && !pastTheEnd ? (
        <Group gap="xs" aria-label={t('gateway.pages')} role="group">
          <Button
            size="xs"
            variant="default"
            disabled={page <= 1}
            onClick={() => {
              goTo(page - 1);
            }}
          >
            {t('gateway.previousPage')}
          </Button>
          <Text size="sm" aria-live="polite">
            {t('gateway.pageOf', {
              from: (data.page - 1) * shownSize + 1,
              to: (data.page - 1) * shownSize + data.items.length,
              count: data.totalCount,
              page: data.page,
              pages,
            })}
          </Text>
          <Button
            size="xs"
            variant="default"
            disabled={page >= pages}
            onClick={() => {
              goTo(page + 1);
            }}
          >
            {t('gateway.nextPage')}
          </Button>
          <CompactSelect
            label={t('gateway.pageSize')}
            value={String(pageSize)}
            options={[...new Set([...PAGE_SIZES, pageSize])]
              .sort((a, b) => a - b)
              .map((n) => ({ value: String(n), label: t('gateway.perPage', { count: n }) }))}
            onChange={(value) => {
              const size = Number(value);
              // A new page size starts again at page 1, like a new search, filter or sort.
              change({
                pageSize: size === GATEWAY_PAGE_SIZE_DEFAULT ? undefined : size,
                page: undefined,
              });
            }}
          />
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
