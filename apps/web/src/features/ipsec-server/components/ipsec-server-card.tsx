// The gateway's IPsec server (a gateway has at most one): its card, or the way to create it.
import { Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { IpsecServerView } from '@vpn-console/shared/api/views';
import { lazy, Suspense, type ReactNode } from 'react';
import { ActionLink } from '../../../components/action-link';
import { DetailField } from '../../../components/detail-field';
import { PskView } from '../../../components/psk-view';
import { ResourceActions } from '../../../components/resource-actions';
import { useI18n } from '../../../lib/i18n';
import { gatewayPagePath } from '../../../lib/page-paths';
import { useCapabilities } from '../../../lib/session';

// Lazy (issue 6 budget): "Set up a client" loads after the page's first screen.
const IpsecClientSetup = lazy(() =>
  import('./ipsec-client-setup').then((m) => ({ default: m.IpsecClientSetup })),
);

function IpsecServerCard({
  regionId,
  vpnGatewayId,
  server,
  children,
}: {
  regionId: string;
  vpnGatewayId: string;
  server: IpsecServerView;
  /** Further sections below the server's fields. */
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const base = gatewayPagePath(regionId, vpnGatewayId);
  return (
    <Card withBorder>
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">
          {server.name}
        </Title>
        <ResourceActions
          resource={{
            kind: 'ipsec-server',
            regionId,
            vpnGatewayId,
            id: server.id,
            name: server.name,
          }}
          editTo={`${base}/ipsec-server/${server.id}/edit`}
        />
      </Group>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DetailField label={t('field.localSubnet')}>{server.localSubnet.join(', ')}</DetailField>
        <DetailField label={t('field.clientIpPool')}>{server.clientIpPool}</DetailField>
        <DetailField label={t('field.effectImmediately')}>
          {server.effectImmediately ? t('common.yes') : t('common.no')}
        </DetailField>
        <DetailField label={t('field.ikeVersion')}>
          {server.ikeConfig.ikeVersion ?? '—'}
        </DetailField>
        <DetailField label={t('step.phase1')}>
          {server.ikeConfig.ikeEncAlg ?? '—'} / {server.ikeConfig.ikeAuthAlg ?? '—'} /{' '}
          {server.ikeConfig.ikePfs ?? '—'}
        </DetailField>
        <DetailField label={t('step.phase2')}>
          {server.ipsecConfig.ipsecEncAlg ?? '—'} / {server.ipsecConfig.ipsecAuthAlg ?? '—'} /{' '}
          {server.ipsecConfig.ipsecPfs ?? '—'}
        </DetailField>
        <DetailField label={t('field.psk')}>
          <PskView
            psk={server.psk}
            resourceName={server.name}
            target={{ kind: 'ipsec-server', regionId, id: server.id }}
          />
        </DetailField>
        <DetailField label={t('ipsecServer.onlineClients')}>
          {server.onlineClientCount ?? '—'}
        </DetailField>
      </SimpleGrid>
      <Suspense fallback={null}>
        <IpsecClientSetup regionId={regionId} server={server} />
      </Suspense>
      {children}
    </Card>
  );
}

/** The IPsec server tab of a gateway page: the server's card, or how to create one. */
export function IpsecServerSection({
  regionId,
  vpnGatewayId,
  server,
}: {
  regionId: string;
  vpnGatewayId: string;
  server: IpsecServerView | null;
}) {
  const { t } = useI18n();
  const { canWrite } = useCapabilities();
  if (server !== null)
    return <IpsecServerCard regionId={regionId} vpnGatewayId={vpnGatewayId} server={server} />;
  return (
    <Stack align="flex-start">
      <Text size="sm">{t('ipsecServer.none')}</Text>
      {canWrite ? (
        <ActionLink
          action="createIpsecServer"
          to={`${gatewayPagePath(regionId, vpnGatewayId)}/ipsec-server/new`}
        >
          {t('ipsecServer.create')}
        </ActionLink>
      ) : null}
    </Stack>
  );
}
