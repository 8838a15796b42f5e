// The gateway page, composed: the gateways feature's summary, then one tab per resource slice
// (each renders its own cards) and the audit feature's recent activity. The tab lives in the URL.
// Only the open tab is mounted, and the tabs other than the first load their code when opened:
// the deep-link first screen stays within the size budget and hidden tabs fetch nothing.
import { Alert, Loader, Stack, Tabs } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { useGateway } from '../features/gateways/api/get-gateway';
import { GatewaySummary } from '../features/gateways/components/gateway-summary';
import { IpsecServerSection } from '../features/ipsec-server/components/ipsec-server-card';
import { ApiRequestError } from '../lib/api-client';
import { GatewayActionsProvider } from '../lib/gateway-actions';
import { useI18n } from '../lib/i18n';

const SslVpnServerSection = lazy(() =>
  import('../features/ssl-vpn-server/components/ssl-vpn-server-card').then((m) => ({
    default: m.SslVpnServerSection,
  })),
);
const VpnConnectionSection = lazy(() =>
  import('../features/vpn-connection/components/vpn-connection-card').then((m) => ({
    default: m.VpnConnectionSection,
  })),
);
const GatewayActivity = lazy(() =>
  import('../features/audit/components/gateway-activity').then((m) => ({
    default: m.GatewayActivity,
  })),
);

const HistoryView = lazy(() =>
  import('../features/history/components/history-view').then((m) => ({
    default: m.HistoryView,
  })),
);

function TabLoading({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <Suspense fallback={<Loader size="sm" aria-label={t('common.loading')} />}>{children}</Suspense>
  );
}

function GatewayPage({ regionId, gatewayId }: { regionId: string; gatewayId: string }) {
  const { t } = useI18n();
  const { data: detail, isPending, error } = useGateway(regionId, gatewayId);
  const [params, setParams] = useSearchParams();
  if (isPending) return <Loader aria-label={t('common.loading')} />;
  if (detail === undefined) {
    return (
      <Alert color="red" role="alert">
        {error instanceof ApiRequestError && error.status === 404
          ? t('gateway.notFound')
          : t('error.loadFailed')}
      </Alert>
    );
  }
  const ids = { regionId: detail.regionId, vpnGatewayId: detail.id };
  return (
    <Stack>
      <GatewaySummary detail={detail} />
      <GatewayActionsProvider
        gateway={detail}
        contents={{
          ipsecServers: detail.ipsecServer === null ? 0 : 1,
          sslVpnServers: detail.sslVpnServers.length,
        }}
      >
        <Tabs
          keepMounted={false}
          value={params.get('tab') ?? 'ipsec-server'}
          onChange={(v) => {
            setParams(v === null ? {} : { tab: v }, { replace: true });
          }}
        >
          <Tabs.List>
            <Tabs.Tab value="ipsec-server">{t('tab.ipsecServer')}</Tabs.Tab>
            <Tabs.Tab value="ssl-vpn">
              {t('tab.sslVpn', { count: detail.sslVpnServers.length })}
            </Tabs.Tab>
            <Tabs.Tab value="connections">
              {t('tab.connections', { count: detail.vpnConnections.length })}
            </Tabs.Tab>
            <Tabs.Tab value="activity">{t('tab.activity')}</Tabs.Tab>
            <Tabs.Tab value="history">{t('tab.history')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="ipsec-server" pt="md">
            <IpsecServerSection {...ids} server={detail.ipsecServer} />
          </Tabs.Panel>
          <Tabs.Panel value="ssl-vpn" pt="md">
            <TabLoading>
              <SslVpnServerSection {...ids} servers={detail.sslVpnServers} />
            </TabLoading>
          </Tabs.Panel>
          <Tabs.Panel value="connections" pt="md">
            <TabLoading>
              <VpnConnectionSection {...ids} connections={detail.vpnConnections} />
            </TabLoading>
          </Tabs.Panel>
          <Tabs.Panel value="activity" pt="md">
            <TabLoading>
              <GatewayActivity vpnGatewayId={detail.id} />
            </TabLoading>
          </Tabs.Panel>
          <Tabs.Panel value="history" pt="md">
            <TabLoading>
              <HistoryView {...ids} />
            </TabLoading>
          </Tabs.Panel>
        </Tabs>
      </GatewayActionsProvider>
    </Stack>
  );
}

export function GatewayRoute() {
  const { regionId, gatewayId } = useParams();
  if (regionId === undefined || gatewayId === undefined) return <Navigate to="/" replace />;
  return <GatewayPage regionId={regionId} gatewayId={gatewayId} />;
}

// A connection's own page (issue 15), loaded when opened (its words and views stay out of the
// first screen); a child of this module's chunk, so no code of the first screen is split off.
const ConnectionView = lazy(() =>
  import('../features/history/components/connection-view').then((m) => ({
    default: m.ConnectionView,
  })),
);

export function ConnectionRoute() {
  const { regionId, gatewayId, connectionId } = useParams();
  if (regionId === undefined || gatewayId === undefined || connectionId === undefined) {
    return <Navigate to="/" replace />;
  }
  return (
    <TabLoading>
      <ConnectionView regionId={regionId} vpnGatewayId={gatewayId} vpnConnectionId={connectionId} />
    </TabLoading>
  );
}
