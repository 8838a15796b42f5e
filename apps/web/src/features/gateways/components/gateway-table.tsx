import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { VpnGatewayView } from '@vpn-console/shared/api/views';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../lib/i18n';
import { useLiveGateway } from '../../../lib/live-status';
import { GatewayFlags } from './gateway-flags';

function GatewayRow({ gateway, showRegion }: { gateway: VpnGatewayView; showRegion: boolean }) {
  const { t } = useI18n();
  const live = useLiveGateway(gateway.regionId, gateway.id).data;
  const current = live?.gateway ?? gateway;
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/regions/${gateway.regionId}/gateways/${gateway.id}`}>
          {current.name === '' ? gateway.id : current.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {gateway.id}
        </Text>
      </Table.Td>
      {showRegion ? <Table.Td>{gateway.regionId}</Table.Td> : null}
      <Table.Td>
        <Group gap={4}>
          <StatusBadge status={current.status} />
          <GatewayFlags gateway={current} />
        </Group>
      </Table.Td>
      <Table.Td>
        {current.vpnType === 'NationalStandard' ? (
          <Badge color="grape" variant="light">
            {t('gateway.typeSm')}
          </Badge>
        ) : (
          <Badge color="blue" variant="light">
            {t('gateway.typeStandard')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>{current.ipsecVpn ? t('common.enabled') : t('common.disabled')}</Table.Td>
      <Table.Td>{current.sslVpn ? t('common.enabled') : t('common.disabled')}</Table.Td>
      <Table.Td>{live === undefined ? '—' : live.connections.length}</Table.Td>
      <Table.Td>{current.internetIp}</Table.Td>
    </Table.Tr>
  );
}

export function GatewayTable({
  gateways,
  showRegion,
}: {
  gateways: readonly VpnGatewayView[];
  showRegion: boolean;
}) {
  const { t } = useI18n();
  if (gateways.length === 0) return <Text>{t('gateway.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table striped highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('gateway.name')}</Table.Th>
            {showRegion ? <Table.Th>{t('gateway.region')}</Table.Th> : null}
            <Table.Th>{t('gateway.status')}</Table.Th>
            <Table.Th>{t('gateway.type')}</Table.Th>
            <Table.Th>{t('gateway.ipsec')}</Table.Th>
            <Table.Th>{t('gateway.sslVpn')}</Table.Th>
            <Table.Th>{t('gateway.connections')}</Table.Th>
            <Table.Th>{t('gateway.publicIp')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {gateways.map((g) => (
            <GatewayRow key={`${g.regionId}/${g.id}`} gateway={g} showRegion={showRegion} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
