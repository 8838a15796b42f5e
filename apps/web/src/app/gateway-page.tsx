// The gateway page, composed: the gateways feature's summary, then one tab per resource slice
// (each renders its own cards) and the audit feature's recent activity. The tab lives in the URL.
import { Alert, Loader, Stack, Tabs } from '@mantine/core';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { GatewayActivity } from '../features/audit/components/gateway-activity';
import { useGateway } from '../features/gateways/api/get-gateway';
import { GatewaySummary } from '../features/gateways/components/gateway-summary';
import { IpsecServerSection } from '../features/ipsec-server/components/ipsec-server-card';
import { SslVpnServerSection } from '../features/ssl-vpn-server/components/ssl-vpn-server-card';
import { VpnConnectionSection } from '../features/vpn-connection/components/vpn-connection-card';
import { ApiRequestError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

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
      <Tabs
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
        </Tabs.List>
        <Tabs.Panel value="ipsec-server" pt="md">
          <IpsecServerSection {...ids} server={detail.ipsecServer} />
        </Tabs.Panel>
        <Tabs.Panel value="ssl-vpn" pt="md">
          <SslVpnServerSection {...ids} servers={detail.sslVpnServers} />
        </Tabs.Panel>
        <Tabs.Panel value="connections" pt="md">
          <VpnConnectionSection {...ids} connections={detail.vpnConnections} />
        </Tabs.Panel>
        <Tabs.Panel value="activity" pt="md">
          <GatewayActivity vpnGatewayId={detail.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function GatewayRoute() {
  const { regionId, gatewayId } = useParams();
  if (regionId === undefined || gatewayId === undefined) return <Navigate to="/" replace />;
  return <GatewayPage regionId={regionId} gatewayId={gatewayId} />;
}
