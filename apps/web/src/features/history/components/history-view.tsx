// The gateway page's history tab (issue 15), loaded only when opened: per gateway, connection and
// tunnel a timeline of the last 24 hours / 7 days / 30 days (negotiation with BGP and health check
// as lanes), uptime, "down since", CSV export; for one connection the cloud's diagnosis on top of
// the negotiation logs the console kept. Readable by every role.
import {
  Alert,
  Anchor,
  Badge,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  uptimeOf,
  type Diagnosis,
  type HistoryLane,
  type HistoryLevel,
  type HistoryResponse,
  type HistorySubject,
} from '@vpn-console/shared/history/schema';
import { isDiagnosisCode } from '@vpn-console/shared/history/diagnosis-codes';
import { logQuery } from '../api/history';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { historyWords } from '../messages';
import { useWords } from '../../../lib/i18n';
import {
  historyExportUrl,
  rangeWindow,
  useConnectionLogs,
  useDiagnosis,
  useGatewayHistory,
  type HistoryRange,
} from '../api/history';
import { hoursMinutes, laneStretches, type Segment } from '../lib/timeline';
import { LEVEL_COLOURS, StateTimeline } from './state-timeline';

const LANES_OF: Record<HistorySubject['kind'], HistoryLane[]> = {
  gateway: ['gateway-status', 'gateway-business'],
  connection: ['negotiation', 'bgp', 'health-check'],
  tunnel: ['negotiation', 'bgp'],
};

/** A stretch's tooltip: its level and times; a bucket's time in each level and its changes. */
function useStretchTitle() {
  const { t, w: th, formatDateTime } = useWords(historyWords);
  return (s: Segment) => {
    const when = `${formatDateTime(s.from)} – ${formatDateTime(s.to)}`;
    if (s.levels === undefined)
      return `${t('common.labelled', { label: th(`history.level.${s.level}`) })}${when}`;
    const parts = (Object.entries(s.levels) as Array<[HistoryLevel, number]>)
      .filter(([, ms]) => ms > 0)
      .map(([level, ms]) => {
        const [hours, minutes] = hoursMinutes(ms);
        return th('history.bucketPart', { level: th(`history.level.${level}`), hours, minutes });
      });
    return `${t('common.labelled', { label: when })}${th('history.bucket', { parts: parts.join(th('history.listSeparator')), count: s.changes ?? 0 })}`;
  };
}

function SubjectTimeline({
  subject,
  history,
  from,
  to,
  now,
}: {
  subject: HistorySubject;
  history: HistoryResponse;
  from: number;
  to: number;
  /** When the view was opened: what "for how long" counts to. */
  now: number;
}) {
  const { w: th, formatDateTime, language } = useWords(historyWords);
  const describe = useStretchTitle();
  const summaryOf = (lane: HistoryLane) =>
    history.summaries.find(
      (s) => s.kind === subject.kind && s.subjectId === subject.subjectId && s.lane === lane,
    );
  // A lane that was never on (BGP, health check off) is left out.
  const lanes = LANES_OF[subject.kind].filter((lane) => {
    const summary = summaryOf(lane);
    return (
      summary !== undefined &&
      (summary.changeCount > 0 || Object.keys(summary.levels).some((level) => level !== 'off'))
    );
  });
  const main = summaryOf(lanes[0] ?? LANES_OF[subject.kind][0] ?? 'negotiation');
  const uptime = main === undefined ? null : uptimeOf(main.levels);
  const since = main?.downSince == null ? undefined : Date.parse(main.downSince);
  const [hours, minutes] = hoursMinutes(now - (since ?? now));
  const label =
    subject.kind === 'tunnel' && subject.tunnelIndex !== undefined
      ? `${subject.name.replace(/ #\d+$/, '')} · ${th('history.tunnel', { index: subject.tunnelIndex })}`
      : subject.name || subject.subjectId;
  return (
    <Stack gap={4} pl={subject.kind === 'tunnel' ? 'lg' : 0}>
      <Group gap="sm">
        <Text fw={600} size="sm">
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {subject.subjectId}
        </Text>
        <Badge
          variant="light"
          color={uptime === null ? 'gray' : uptime >= 0.999 ? 'green' : 'orange'}
        >
          {uptime === null
            ? th('history.uptimeUnknown')
            : th('history.uptime', { percent: (uptime * 100).toFixed(uptime >= 0.999 ? 1 : 2) })}
        </Badge>
        {since === undefined ? null : (
          <Text size="sm" c="red.9">
            {th(
              main?.value === 'ike_sa_established' ? 'history.partialSince' : 'history.downSince',
              {
                time: formatDateTime(since),
                hours,
                minutes,
              },
            )}
          </Text>
        )}
      </Group>
      <StateTimeline
        label={th('history.timelineOf', { name: label })}
        lanes={lanes.map((lane) => ({
          lane,
          label: th(`history.lane.${lane}`),
          segments: laneStretches(history, subject.kind, subject.subjectId, lane),
        }))}
        from={from}
        to={to}
        language={language}
        describe={describe}
      />
    </Stack>
  );
}

function DiagnosisItem({ item }: { item: Diagnosis }) {
  const { w: th, formatDateTime } = useWords(historyWords);
  const words = isDiagnosisCode(item.code)
    ? th(`diagnosis.${item.code}`, { local: item.localValue ?? '', remote: item.remoteValue ?? '' })
    : item.reason || item.code;
  return (
    <Alert color={item.severity === 'Critical' ? 'red' : 'yellow'} title={words}>
      <Stack gap={2}>
        {item.tunnelId === null ? null : <Text size="xs">{item.tunnelId}</Text>}
        {item.localValue !== null || item.remoteValue !== null ? (
          <Text size="sm">
            {th('history.diagnosisValues', {
              local: item.localValue ?? '—',
              remote: item.remoteValue ?? '—',
            })}
          </Text>
        ) : null}
        {item.failedAt === null ? null : (
          <Text size="xs">
            {th('history.diagnosisSince', { time: formatDateTime(item.failedAt) })}
          </Text>
        )}
        {item.sourceLog === null ? null : (
          <Text size="xs" ff="monospace">
            {item.sourceLog}
          </Text>
        )}
      </Stack>
    </Alert>
  );
}

function ConnectionDetails({
  regionId,
  vpnConnectionId,
  tunnels,
  window,
}: {
  regionId: string;
  vpnConnectionId: string;
  tunnels: HistorySubject[];
  window: { from: string; to: string };
}) {
  const { t, w: th, formatDateTime } = useWords(historyWords);
  const [tunnelId, setTunnelId] = useState<string | undefined>(undefined);
  const diagnosis = useDiagnosis(regionId, vpnConnectionId);
  const logs = useConnectionLogs(regionId, vpnConnectionId, window, tunnelId);
  return (
    <Stack gap="sm">
      <Title order={4}>{th('history.diagnosis')}</Title>
      {diagnosis.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {diagnosis.isError ? <Alert color="red">{th('history.diagnosisFailed')}</Alert> : null}
      {diagnosis.data?.items.length === 0 ? (
        <Text size="sm">{th('history.diagnosisNone')}</Text>
      ) : null}
      {diagnosis.data?.items.map((item) => (
        <DiagnosisItem
          key={`${item.vpnConnectionId}|${item.tunnelId ?? ''}|${item.code}`}
          item={item}
        />
      ))}
      <Group justify="space-between">
        <Title order={4}>{th('history.logs')}</Title>
        <Group>
          {tunnels.length === 0 ? null : (
            <Select
              aria-label={th('history.allTunnels')}
              size="xs"
              value={tunnelId ?? ''}
              onChange={(v) => {
                setTunnelId(v === null || v === '' ? undefined : v);
              }}
              data={[
                { value: '', label: th('history.allTunnels') },
                ...tunnels.map((tn) => ({
                  value: tn.subjectId,
                  label: th('history.tunnel', { index: tn.tunnelIndex ?? 0 }),
                })),
              ]}
            />
          )}
          <Anchor
            size="sm"
            href={`${pathTo(route.exportVpnConnectionLogs, regionId, vpnConnectionId)}?${logQuery(window, tunnelId)}`}
            download
          >
            {th('history.logsExport')}
          </Anchor>
        </Group>
      </Group>
      {logs.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {logs.isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {logs.data?.items.length === 0 ? <Text size="sm">{th('history.logsNone')}</Text> : null}
      {logs.data?.truncated === true ? (
        <Text size="xs" c="dimmed">
          {th('history.logsTruncated', { count: logs.data.items.length })}
        </Text>
      ) : null}
      {logs.data !== undefined && logs.data.items.length > 0 ? (
        <Table.ScrollContainer minWidth={600} mah={360}>
          <Table striped fz="xs" aria-label={th('history.logs')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{th('history.logTime')}</Table.Th>
                <Table.Th>{th('history.logLine')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {logs.data.items.map((l) => (
                <Table.Tr key={`${l.tunnelId ?? ''}|${l.line}`}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(l.at)}</Table.Td>
                  <Table.Td ff="monospace">{l.line}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}

export function HistoryView({
  regionId,
  vpnGatewayId,
  vpnConnectionId,
}: {
  regionId: string;
  vpnGatewayId: string;
  /** On a connection's own page: that connection only (no picker). */
  vpnConnectionId?: string;
}) {
  const { t, w: th, formatDateTime } = useWords(historyWords);
  const [params, setParams] = useSearchParams();
  const range = (['24h', '7d', '30d'] as const).find((r) => r === params.get('range')) ?? '24h';
  const connection = vpnConnectionId ?? params.get('connection') ?? undefined;
  // The window ends at the minute the view was opened (a new range picks a new one).
  const [openedAt] = useState(() => Date.now());
  const window = useMemo(() => rangeWindow(range, openedAt), [range, openedAt]);
  const scope = { regionId, vpnGatewayId };
  const history = useGatewayHistory({ ...scope, vpnConnectionId }, window);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value === undefined || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const data = history.data;
  const connections = data?.subjects.filter((s) => s.kind === 'connection') ?? [];
  const shown =
    data?.subjects.filter((s) => connection === undefined || s.vpnConnectionId === connection) ??
    [];
  // Gateway first, then each connection followed by its tunnels.
  const ordered = [
    ...shown.filter((s) => s.kind === 'gateway'),
    ...shown
      .filter((s) => s.kind === 'connection')
      .flatMap((c) => [
        c,
        ...shown
          .filter((s) => s.kind === 'tunnel' && s.vpnConnectionId === c.subjectId)
          .sort((a, b) => (a.tunnelIndex ?? 0) - (b.tunnelIndex ?? 0)),
      ]),
  ];
  return (
    <Stack>
      <Group justify="space-between">
        <Group>
          <SegmentedControl
            aria-label={th('history.range')}
            value={range}
            onChange={(v) => {
              set('range', v);
            }}
            data={(['24h', '7d', '30d'] as const).map((r: HistoryRange) => ({
              value: r,
              label: th(`history.range.${r}`),
            }))}
          />
          {vpnConnectionId === undefined ? (
            <Select
              aria-label={th('history.connection')}
              size="sm"
              value={connection ?? ''}
              onChange={(v) => {
                set('connection', v ?? undefined);
              }}
              data={[
                { value: '', label: th('history.allConnections') },
                ...connections.map((c) => ({ value: c.subjectId, label: c.name || c.subjectId })),
              ]}
            />
          ) : null}
        </Group>
        <Anchor
          size="sm"
          href={historyExportUrl({ ...scope, vpnConnectionId: connection }, window)}
          download
        >
          {th('history.export')}
        </Anchor>
      </Group>
      <Group gap="md">
        {(['up', 'partial', 'down', 'off'] as const).map((level) => (
          <Group key={level} gap={4}>
            <svg width={12} height={12} aria-hidden>
              <rect width={12} height={12} fill={LEVEL_COLOURS[level]} />
            </svg>
            <Text size="xs">{th(`history.level.${level}`)}</Text>
          </Group>
        ))}
        {data?.observedAt ? (
          <Text size="xs" c="dimmed">
            {th('history.observedAt', { time: formatDateTime(data.observedAt) })}
          </Text>
        ) : null}
      </Group>
      {history.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {history.isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {data !== undefined && data.subjects.length === 0 ? (
        <Text size="sm">{th('history.empty')}</Text>
      ) : null}
      {data === undefined
        ? null
        : ordered.map((s) => (
            <SubjectTimeline
              key={`${s.kind}|${s.subjectId}`}
              subject={s}
              history={data}
              from={from}
              to={to}
              now={openedAt}
            />
          ))}
      {connection === undefined ? (
        connections.length > 0 ? (
          <Text size="sm" c="dimmed">
            {th('history.pickConnection')}
          </Text>
        ) : null
      ) : (
        <ConnectionDetails
          regionId={regionId}
          vpnConnectionId={connection}
          tunnels={shown.filter((s) => s.kind === 'tunnel')}
          window={window}
        />
      )}
    </Stack>
  );
}
