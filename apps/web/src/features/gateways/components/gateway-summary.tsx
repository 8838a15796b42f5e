// The top of a gateway page: its name, live status, a stale-data notice while the status stream
// is down, and the gateway's own settings. The resources' tabs are composed in app/.
import { Alert, Card, Group, SimpleGrid, Text, Title } from '@mantine/core';
import type { VpnGatewayDetailView } from '@vpn-console/shared/api/views';
import { lazy, Suspense } from 'react';
import { DetailField } from '../../../components/detail-field';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../lib/i18n';
import { useLiveGateway, useStreamState } from '../../../lib/live-status';
import { GatewayFlags } from './gateway-flags';

const ActionBlockReason = lazy(() =>
  import('../../../components/action-block-reason').then((m) => ({
    default: m.ActionBlockReason,
  })),
);

function StaleNotice({ since }: { since: string | null | undefined }) {
  const { t, formatTime } = useI18n();
  if (since == null) return null;
  return (
    <Alert color="yellow" role="status">
      {t('live.staleSince', { time: formatTime(since) })}
    </Alert>
  );
}

export function GatewaySummary({ detail }: { detail: VpnGatewayDetailView }) {
  const { t, formatDateTime } = useI18n();
  const live = useLiveGateway(detail.regionId, detail.id).data;
  const stream = useStreamState().data;
  const gw = live?.gateway ?? detail;
  const staleSince = live?.staleSince ?? (stream?.connected === false ? stream.downSince : null);
  return (
    <>
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            {gw.name === '' ? detail.id : gw.name}
          </Title>
          <Text size="sm" c="dimmed">
            {detail.id} · {detail.regionId}
          </Text>
        </div>
        <Group gap="xs">
          <Text size="sm">{t('gateway.status')}:</Text>
          <StatusBadge status={gw.status} />
          <GatewayFlags gateway={gw} />
        </Group>
      </Group>
      <StaleNotice since={staleSince} />
      {gw.businessStatus === 'FinancialLocked' ? (
        <Alert color="red" role="status">
          <Suspense fallback={null}>
            <ActionBlockReason size="sm" block={{ code: 'GATEWAY_FINANCIAL_LOCKED' }} />
          </Suspense>
        </Alert>
      ) : null}
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <DetailField label={t('gateway.type')}>
            {gw.vpnType === 'NationalStandard' ? t('gateway.typeSm') : t('gateway.typeStandard')}
          </DetailField>
          {gw.disasterRecoveryInternetIp === undefined || gw.disasterRecoveryInternetIp === '' ? (
            <DetailField label={t('gateway.publicIp')}>{gw.internetIp}</DetailField>
          ) : (
            <>
              <DetailField label={t('gateway.publicIpTunnel1')}>{gw.internetIp}</DetailField>
              <DetailField label={t('gateway.publicIpTunnel2')}>
                {gw.disasterRecoveryInternetIp}
              </DetailField>
            </>
          )}
          <DetailField label={t('gateway.spec')}>{gw.spec}</DetailField>
          <DetailField label={t('gateway.vpc')}>{gw.vpcId}</DetailField>
          <DetailField label={t('gateway.ipsec')}>
            {gw.ipsecVpn ? t('common.enabled') : t('common.disabled')}
          </DetailField>
          <DetailField label={t('gateway.sslVpn')}>
            {gw.sslVpn ? t('common.enabled') : t('common.disabled')}
          </DetailField>
          <DetailField label={t('gateway.bgp')}>
            {/* A dual-tunnel gateway's BGP is each connection's (EnableTunnelsBgp), not the
                gateway's switch. */}
            {gw.dualTunnel
              ? t('gateway.bgpTunnels', {
                  on: detail.vpnConnections.filter((c) => c.enableTunnelsBgp === true).length,
                  total: detail.vpnConnections.length,
                })
              : gw.enableBgp
                ? t('common.enabled')
                : t('common.disabled')}
          </DetailField>
          <DetailField label={t('gateway.connections')}>{detail.vpnConnections.length}</DetailField>
          <DetailField label={t('gateway.version')}>
            {gw.version ?? '—'}
            {gw.supportsIpsecServer === false
              ? t('common.bracketed', { text: t('gateway.noIpsecServer') })
              : ''}
          </DetailField>
          <DetailField label={t('gateway.chargeType')}>
            {gw.chargeType === 'PREPAY'
              ? t('gateway.chargePrepay')
              : gw.chargeType === 'POSTPAY'
                ? t('gateway.chargePostpay')
                : (gw.chargeType ?? '—')}
          </DetailField>
          <DetailField label={t('gateway.expires')}>
            {gw.chargeType !== 'POSTPAY' && gw.endTime !== undefined
              ? formatDateTime(gw.endTime)
              : '—'}
          </DetailField>
          <DetailField label={t('gateway.sslVpnIp')}>
            {gw.sslVpn && gw.sslVpnInternetIp !== undefined ? gw.sslVpnInternetIp : '—'}
          </DetailField>
          <DetailField label={t('gateway.sslMaxConnections')}>
            {gw.sslVpn ? (gw.sslMaxConnections ?? '—') : '—'}
          </DetailField>
        </SimpleGrid>
      </Card>
    </>
  );
}
