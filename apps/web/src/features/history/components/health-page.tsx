// The health page (issue 15): everything not fully up across all regions, longest first, with
// search and filters, for support staff. From the recorder's store (no cloud call per view).
import {
  Alert,
  Anchor,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import {
  historyLanes,
  historyLevel,
  type HealthItem,
  type HistoryLane,
} from '@vpn-console/shared/history/schema';
import { useState } from 'react';
import { Link } from 'react-router';
import { statusKey } from '../../../components/status-badge';
import type { MessageKey } from '../../../lib/messages';
import { connectionPagePath, gatewayPagePath } from '../../../lib/page-paths';
import { useRegions } from '../../gateways/api/list-regions';
import { historyWords } from '../messages';
import { useWords } from '../../../lib/i18n';
import { useHealthOverview } from '../api/history';
import { hoursMinutes } from '../lib/timeline';

/**
 * The state's detail in the user's words ('phase 1 not established', 'locked: payment overdue'),
 * never the cloud's code (the page showed `ike_sa_not_established` and `FinancialLocked`). BGP and
 * health-check values add nothing to the level (Down), so they have none.
 */
function stateDetail(item: Pick<HealthItem, 'lane' | 'value'>): MessageKey | undefined {
  if (item.lane === 'gateway-business')
    return item.value === 'FinancialLocked' ? 'gateway.lockedOverdue' : undefined;
  if (item.lane === 'negotiation' || item.lane === 'gateway-status') return statusKey(item.value);
  return undefined;
}

export function HealthPage() {
  const { t, w: th, formatDateTime } = useWords(historyWords);
  const [q, setQ] = useState('');
  const [regionId, setRegionId] = useState<string | undefined>(undefined);
  const [lane, setLane] = useState<HistoryLane | undefined>(undefined);
  const regions = useRegions();
  const overview = useHealthOverview({ q: q.trim() === '' ? undefined : q.trim(), regionId, lane });
  // Durations as of the answer (refetched every minute).
  const now = overview.dataUpdatedAt;
  return (
    <Stack>
      <Title order={2}>{th('health.title')}</Title>
      <Text size="sm">{th('health.intro')}</Text>
      <Group align="end">
        <TextInput
          label={th('health.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
          }}
        />
        <Select
          label={th('health.region')}
          value={regionId ?? ''}
          onChange={(v) => {
            setRegionId(v === null || v === '' ? undefined : v);
          }}
          data={[
            { value: '', label: th('health.allRegions') },
            ...(regions.data?.items ?? []).map((r) => ({ value: r.regionId, label: r.regionId })),
          ]}
        />
        <Select
          label={th('health.lane')}
          value={lane ?? ''}
          onChange={(v) => {
            setLane(historyLanes.find((l) => l === v));
          }}
          data={[
            { value: '', label: th('health.allLanes') },
            ...historyLanes.map((l) => ({ value: l, label: th(`history.lane.${l}`) })),
          ]}
        />
      </Group>
      {overview.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {overview.isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {overview.data === undefined ? null : (
        <Text size="xs" c="dimmed">
          {overview.data.observedAt === null
            ? th('health.notYet')
            : th('health.observedAt', { time: formatDateTime(overview.data.observedAt) })}
        </Text>
      )}
      {overview.data?.items.length === 0 ? <Text>{th('health.none')}</Text> : null}
      {overview.data !== undefined && overview.data.items.length > 0 ? (
        <Table striped aria-label={th('health.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{th('health.region')}</Table.Th>
              <Table.Th>{th('health.gateway')}</Table.Th>
              <Table.Th>{th('health.subject')}</Table.Th>
              <Table.Th>{th('health.lane')}</Table.Th>
              <Table.Th>{th('health.state')}</Table.Th>
              <Table.Th>{th('health.since')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {overview.data.items.map((item) => {
              const [hours, minutes] = hoursMinutes(now - Date.parse(item.since));
              const detail = stateDetail(item);
              // A connection's (or tunnel's) own page; a gateway's history tab.
              const historyLink =
                item.vpnConnectionId === null
                  ? `${gatewayPagePath(item.regionId, item.vpnGatewayId)}?tab=history`
                  : connectionPagePath(item.regionId, item.vpnGatewayId, item.vpnConnectionId);
              return (
                <Table.Tr key={`${item.regionId}|${item.kind}|${item.subjectId}|${item.lane}`}>
                  <Table.Td>{item.regionId}</Table.Td>
                  <Table.Td>{item.gatewayName || item.vpnGatewayId}</Table.Td>
                  <Table.Td>
                    <Anchor component={Link} to={historyLink} size="sm">
                      {item.kind === 'gateway'
                        ? item.gatewayName || item.subjectId
                        : item.name || item.subjectId}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {item.subjectId}
                    </Text>
                  </Table.Td>
                  <Table.Td>{th(`history.lane.${item.lane}`)}</Table.Td>
                  <Table.Td>
                    {th(`history.level.${historyLevel(item.lane, item.value)}`)}
                    {detail === undefined ? null : (
                      <Text size="xs" c="dimmed">
                        {t(detail)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {formatDateTime(item.since)}
                    <Text size="xs" c="dimmed">
                      {th('health.duration', { hours, minutes })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
