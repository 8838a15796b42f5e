// The gateway's IPsec connections: one card each with its live negotiation status, and the way to
// create one.
import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ConnectionStatus } from '@vpn-console/shared/api/events';
import type { CustomerGatewayView, VpnConnectionView } from '@vpn-console/shared/api/views';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { ActionLink } from '../../../components/action-link';
import { DetailField } from '../../../components/detail-field';
import { PskView } from '../../../components/psk-view';
import { ResourceActions } from '../../../components/resource-actions';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../lib/i18n';
import { useLiveGateway } from '../../../lib/live-status';
import { connectionPagePath, gatewayPagePath } from '../../../lib/page-paths';
import { Link } from 'react-router';
import { useCapabilities } from '../../../lib/session';
import { useSearchBox, useUrlState } from '../../../lib/url-state';
import { useCustomerGateways } from '../api/list-customer-gateways';
import {
  ConnectionListTools,
  connectionListQuery,
  queryConnections,
  type ConnectionListQuery,
} from './connection-list-tools';
import { NegotiationBadge, NegotiationHint } from './negotiation-hint';
import { PeerText, phase1Text, phase2Text, ProbeBadge, TunnelList } from './connection-facts';

// Lazy (issue 6's budget): the device list, templates' metadata and the file view load when an
// operator opens "Configure your device", not with the gateway page.
const ConfigureDevice = lazy(() =>
  import('./configure-device').then((m) => ({ default: m.ConfigureDevice })),
);

function VpnConnectionCard({
  regionId,
  vpnGatewayId,
  connection: c,
  live,
  customerGateways,
  children,
  pageLink = false,
}: {
  regionId: string;
  vpnGatewayId: string;
  connection: VpnConnectionView;
  /** What the status stream last said about it (newer than the gateway's read). */
  live: ConnectionStatus | undefined;
  /** The region's customer gateways (names and addresses of the peers), when loaded. */
  customerGateways?: readonly CustomerGatewayView[] | undefined;
  /** Further sections below the connection's fields. */
  children?: ReactNode;
  /** Links to the connection's own page (not on that page). */
  pageLink?: boolean;
}) {
  const { t, formatTime } = useI18n();
  const { canReveal } = useCapabilities();
  const [configuring, setConfiguring] = useState(false);
  const status = live?.status ?? c.status;
  // A dual-tunnel connection's peers, keys and settings live in its tunnels.
  const dual = (c.tunnels ?? []).length > 0;
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            {c.name}
          </Title>
          <Text size="xs" c="dimmed">
            {c.id}
          </Text>
        </div>
        <Group gap="xs">
          <NegotiationBadge status={status} live={live} />
          {pageLink ? (
            <Anchor
              component={Link}
              to={connectionPagePath(regionId, vpnGatewayId, c.id)}
              size="sm"
            >
              {t('tab.history')}
            </Anchor>
          ) : null}
          <ResourceActions
            resource={{ kind: 'vpn-connection', regionId, vpnGatewayId, id: c.id, name: c.name }}
            editTo={`${gatewayPagePath(regionId, vpnGatewayId)}/connections/${c.id}/edit`}
          />
        </Group>
      </Group>
      {dual ? null : <NegotiationHint status={status} live={live} />}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {dual ? null : (
          <DetailField label={t('field.customerGatewayId')}>
            <PeerText id={c.customerGatewayId} customerGateways={customerGateways} />
          </DetailField>
        )}
        <DetailField label={t('field.localSubnet')}>{c.localSubnet.join(', ')}</DetailField>
        <DetailField label={t('field.remoteSubnet')}>{c.remoteSubnet.join(', ')}</DetailField>
        <DetailField label={t('connection.state')}>
          <StatusBadge status={live?.state ?? c.state} />
        </DetailField>
        {c.createTime === undefined ? null : (
          <DetailField label={t('connection.createdAt')}>{formatTime(c.createTime)}</DetailField>
        )}
        {dual ? (
          <DetailField label={t('field.enableTunnelsBgp')}>
            {c.enableTunnelsBgp === true ? t('common.enabled') : t('common.disabled')}
          </DetailField>
        ) : (
          <>
            <DetailField label={t('field.psk')}>
              <PskView
                psk={c.psk}
                resourceName={c.name}
                target={{ kind: 'vpn-connection', regionId, id: c.id }}
              />
            </DetailField>
            <DetailField label={t('step.phase1')}>{phase1Text(c.ikeConfig)}</DetailField>
            <DetailField label={t('step.phase2')}>{phase2Text(c.ipsecConfig)}</DetailField>
            <DetailField label={t('field.bgp')}>
              {c.bgpConfig?.enableBgp === true ? (
                <Group gap="xs">
                  <ProbeBadge status={c.bgpConfig.status} />
                  <Text size="sm" component="span">
                    {t('bgp.peerAsn', { asn: c.bgpConfig.peerAsn ?? '—' })} ·{' '}
                    {t('bgp.localAsn', { asn: c.bgpConfig.localAsn ?? '—' })}
                  </Text>
                </Group>
              ) : (
                t('common.disabled')
              )}
            </DetailField>
            <DetailField label={t('field.healthCheckConfig.enable')}>
              {c.healthCheck?.enable === true ? (
                <Group gap="xs">
                  <ProbeBadge status={c.healthCheck.status} />
                  <Text size="sm" component="span">
                    {c.healthCheck.sip ?? '—'} → {c.healthCheck.dip ?? '—'}
                  </Text>
                </Group>
              ) : (
                t('common.disabled')
              )}
            </DetailField>
          </>
        )}
      </SimpleGrid>
      {dual ? (
        <TunnelList
          regionId={regionId}
          connection={c}
          live={live?.tunnels}
          customerGateways={customerGateways}
        />
      ) : null}
      {canReveal && !configuring ? (
        <Group mt="sm">
          <Button
            variant="light"
            size="compact-sm"
            onClick={() => {
              setConfiguring(true);
            }}
          >
            {t('peer.title')}
          </Button>
        </Group>
      ) : null}
      {canReveal && configuring ? (
        <Suspense fallback={null}>
          <ConfigureDevice
            regionId={regionId}
            vpnConnectionId={c.id}
            connectionName={c.name}
            tunnelIds={(c.tunnels ?? []).map((tunnel) => tunnel.tunnelId)}
          />
        </Suspense>
      ) : null}
      {children}
    </Card>
  );
}

/** The IPsec connections tab of a gateway page; live statuses come from the status stream. */
export function VpnConnectionSection({
  regionId,
  vpnGatewayId,
  connections,
}: {
  regionId: string;
  vpnGatewayId: string;
  connections: readonly VpnConnectionView[];
}) {
  const { t, formatTime } = useI18n();
  const { canWrite } = useCapabilities();
  const live = useLiveGateway(regionId, vpnGatewayId).data;
  const customerGateways = useCustomerGateways(regionId).data?.items;
  const liveById = new Map((live?.connections ?? []).map((c) => [c.id, c]));
  // Search, filter and sort live in the gateway page's URL; the list follows what is typed at
  // once, the URL once typing pauses.
  const [params, changeUrl] = useUrlState();
  const fromUrl = connectionListQuery(params);
  const [typed, type] = useSearchBox(fromUrl.search, (words) => {
    changeUrl({ q: words }, true);
  });
  const query: ConnectionListQuery = { ...fromUrl, search: typed };
  const change = (next: Partial<ConnectionListQuery>) => {
    if (next.search !== undefined) type(next.search);
    if (next.status !== undefined) changeUrl({ status: next.status === 'all' ? '' : next.status });
    if (next.sort !== undefined) changeUrl({ sort: next.sort === 'name' ? '' : next.sort });
  };
  const cgwById = new Map((customerGateways ?? []).map((g) => [g.id, g]));
  const shown = queryConnections(
    connections,
    query,
    (c) => liveById.get(c.id) ?? c,
    (id) => (id === undefined ? undefined : cgwById.get(id)),
  );
  return (
    <Stack>
      {canWrite ? (
        <Group>
          <ActionLink
            action="createVpnConnection"
            to={`${gatewayPagePath(regionId, vpnGatewayId)}/connections/new`}
          >
            {t('connection.create')}
          </ActionLink>
        </Group>
      ) : null}
      {connections.length === 0 ? <Text size="sm">{t('connection.none')}</Text> : null}
      {connections.length === 0 || live?.observedAt == null ? null : (
        <Text size="xs" c="dimmed">
          {t('connection.observedAt', { time: formatTime(live.observedAt) })}
        </Text>
      )}
      {connections.length > 1 ? (
        <>
          <ConnectionListTools query={query} onChange={change} />
          <Text size="sm" role="status">
            {shown.length === 0
              ? t('connection.noneMatch')
              : t('connection.shownOf', { shown: shown.length, total: connections.length })}
          </Text>
        </>
      ) : null}
      {shown.map((c) => (
        <VpnConnectionCard
          key={c.id}
          regionId={regionId}
          vpnGatewayId={vpnGatewayId}
          connection={c}
          live={liveById.get(c.id)}
          customerGateways={customerGateways}
          pageLink
        />
      ))}
    </Stack>
  );
}

/** One connection's card on its own page, with its live status. */
export function VpnConnectionDetail({
  regionId,
  vpnGatewayId,
  connection,
}: {
  regionId: string;
  vpnGatewayId: string;
  connection: VpnConnectionView;
}) {
  const live = useLiveGateway(regionId, vpnGatewayId).data;
  const customerGateways = useCustomerGateways(regionId).data?.items;
  return (
    <VpnConnectionCard
      regionId={regionId}
      vpnGatewayId={vpnGatewayId}
      connection={connection}
      live={live?.connections.find((c) => c.id === connection.id)}
      customerGateways={customerGateways}
    />
  );
}
