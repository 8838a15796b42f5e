// A connection's own page (issue 15): its card with the live status, then its timeline, the
// cloud's diagnosis and the log the console kept. Linked from the connection's card and from the
// health page; support staff can send its address on. Loaded only when opened.
import { Alert, Anchor, Loader, Stack, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { useGateway } from '../../gateways/api/get-gateway';
import { ApiRequestError } from '../../../lib/api-client';
import { GatewayActionsProvider } from '../../../lib/gateway-actions';
import { gatewayPagePath } from '../../../lib/page-paths';
import { historyWords } from '../messages';
import { useWords } from '../../../lib/i18n';
import { HistoryView } from './history-view';

const VpnConnectionDetail = lazy(() =>
  import('../../vpn-connection/components/vpn-connection-card').then((m) => ({
    default: m.VpnConnectionDetail,
  })),
);

export function ConnectionView({
  regionId,
  vpnGatewayId,
  vpnConnectionId,
}: {
  regionId: string;
  vpnGatewayId: string;
  vpnConnectionId: string;
}) {
  const { t, w: th } = useWords(historyWords);
  const { data: detail, isPending, error } = useGateway(regionId, vpnGatewayId);
  const loading = <Loader size="sm" aria-label={t('common.loading')} />;
  if (isPending) return loading;
  const connection = detail?.vpnConnections.find((c) => c.id === vpnConnectionId);
  if (detail === undefined || connection === undefined) {
    return (
      <Alert color="red" role="alert">
        {detail !== undefined || (error instanceof ApiRequestError && error.status === 404)
          ? th('history.connectionNotFound')
          : t('error.loadFailed')}
      </Alert>
    );
  }
  return (
    <Stack>
      <div>
        <Anchor component={Link} to={gatewayPagePath(regionId, vpnGatewayId)} size="sm">
          {th('history.ofGateway', { name: detail.name || detail.id })}
        </Anchor>
        <Title order={1} size="h2">
          {connection.name || connection.id}
        </Title>
      </div>
      <GatewayActionsProvider
        gateway={detail}
        contents={{
          ipsecServers: detail.ipsecServer === null ? 0 : 1,
          sslVpnServers: detail.sslVpnServers.length,
        }}
      >
        <Suspense fallback={loading}>
          <VpnConnectionDetail
            regionId={regionId}
            vpnGatewayId={vpnGatewayId}
            connection={connection}
          />
        </Suspense>
      </GatewayActionsProvider>
      <HistoryView
        regionId={regionId}
        vpnGatewayId={vpnGatewayId}
        vpnConnectionId={vpnConnectionId}
      />
    </Stack>
  );
}
