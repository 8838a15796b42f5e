import { Alert, Loader, Stack, Title } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import { useRegionName } from '../../../lib/region-name';
import { useGateways, useGatewaysOfRegions } from '../api/list-gateways';
import { useRegions } from '../api/list-regions';
import { GatewayTable } from './gateway-table';

export function GatewayListPage({ regionId }: { regionId: string }) {
  const { t } = useI18n();
  const { data, isPending, isError } = useGateways(regionId);
  const regionName = useRegionName();
  const bffName = useRegions().data?.items.find((r) => r.regionId === regionId)?.localName;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('gateway.listTitle', { region: regionName(regionId, bffName ?? regionId) })}
      </Title>
      {isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {data === undefined ? null : <GatewayTable gateways={data.items} showRegion={false} />}
    </Stack>
  );
}

export function AllGatewaysPage() {
  const { t } = useI18n();
  const regions = useRegions();
  const ids = regions.data?.items.map((r) => r.regionId) ?? [];
  const lists = useGatewaysOfRegions(ids);
  const gateways = lists.flatMap((q) => q.data?.items ?? []);
  const pending = regions.isPending || lists.some((q) => q.isPending);
  const failed = lists.filter((q) => q.isError).length;
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('gateway.allTitle')}
      </Title>
      {pending ? <Loader aria-label={t('common.loading')} /> : null}
      {regions.isError || failed > 0 ? (
        <Alert color="red">{t('gateway.someRegionsFailed', { count: failed })}</Alert>
      ) : null}
      <GatewayTable gateways={gateways} showRegion />
    </Stack>
  );
}
