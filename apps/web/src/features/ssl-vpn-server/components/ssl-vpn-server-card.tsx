// The gateway's SSL-VPN servers: one card each, and the way to create one.
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { SslVpnServerView } from '@vpn-console/shared/api/views';
import { lazy, Suspense, type ReactNode } from 'react';
import { ActionLink } from '../../../components/action-link';
import { DetailField } from '../../../components/detail-field';
import { ResourceActions } from '../../../components/resource-actions';
import { useI18n } from '../../../lib/i18n';
import { gatewayPagePath } from '../../../lib/page-paths';
import { useCapabilities } from '../../../lib/session';

// Lazy (issue 6 budget): the certificate and connected-client tables load after the page's first
// screen, with their own requests.
const ClientCertsTable = lazy(() =>
  import('./client-certs-table').then((m) => ({ default: m.ClientCertsTable })),
);
const ConnectedClientsTable = lazy(() =>
  import('./connected-clients-table').then((m) => ({ default: m.ConnectedClientsTable })),
);

function SslVpnServerCard({
  regionId,
  vpnGatewayId,
  server,
  children,
}: {
  regionId: string;
  vpnGatewayId: string;
  server: SslVpnServerView;
  /** Further sections below the server's fields. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {server.name}
        </Title>
        <ResourceActions
          resource={{
            kind: 'ssl-vpn-server',
            regionId,
            vpnGatewayId,
            id: server.id,
            name: server.name,
          }}
          editTo={`${gatewayPagePath(regionId, vpnGatewayId)}/ssl-vpn-servers/${server.id}/edit`}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DetailField label={t('field.localSubnet')}>{server.localSubnet.join(', ')}</DetailField>
        <DetailField label={t('field.clientIpPool')}>{server.clientIpPool}</DetailField>
        <DetailField label={t('field.proto')}>
          {server.proto ?? '—'} {server.port ?? ''}
        </DetailField>
        <DetailField label={t('field.cipher')}>{server.cipher ?? '—'}</DetailField>
        <DetailField label={t('field.compress')}>
          {server.compress === true ? t('common.yes') : t('common.no')}
        </DetailField>
        <DetailField label={t('field.enableMultiFactorAuth')}>
          {server.enableMultiFactorAuth === true ? t('common.enabled') : t('common.disabled')}
        </DetailField>
      </SimpleGrid>
      <Suspense fallback={null}>
        <ClientCertsTable regionId={regionId} sslVpnServerId={server.id} />
        <ConnectedClientsTable regionId={regionId} vpnGatewayId={vpnGatewayId} />
      </Suspense>
      {children}
    </Card>
  );
}

/** The SSL-VPN tab of a gateway page. */
export function SslVpnServerSection({
  regionId,
  vpnGatewayId,
  servers,
}: {
  regionId: string;
  vpnGatewayId: string;
  servers: readonly SslVpnServerView[];
}) {
  const { t } = useI18n();
  const { canWrite } = useCapabilities();
  return (
    <Stack>
      {canWrite ? (
        <Group>
          <ActionLink
            action="createSslVpnServer"
            to={`${gatewayPagePath(regionId, vpnGatewayId)}/ssl-vpn-servers/new`}
          >
            {t('sslServer.create')}
          </ActionLink>
        </Group>
      ) : null}
      {servers.length === 0 ? <Text size="sm">{t('sslServer.none')}</Text> : null}
      {servers.map((s) => (
        <SslVpnServerCard key={s.id} regionId={regionId} vpnGatewayId={vpnGatewayId} server={s} />
      ))}
    </Stack>
  );
}
