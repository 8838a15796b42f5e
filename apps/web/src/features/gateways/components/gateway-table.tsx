import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { VpnGatewayView } from '@vpn-console/shared/api/views';
import { memo } from 'react';
import { Link } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/messages';
import { useLiveGateway } from '../../../lib/live-status';
import { GatewayFlags } from './gateway-flags';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type ShownGateway = Pick<
  VpnGatewayView,
  | 'regionId'
  | 'id'
  | 'name'
  | 'status'
  | 'businessStatus'
  | 'supportsIpsecServer'
  | 'vpnType'
  | 'ipsecVpn'
  | 'sslVpn'
>;

/**
 * The cells drawn from a gateway's facts, memoised on those facts: the live snapshot that follows
 * every new page (and each later poll) re-renders these cells only when something shown changed.
 */
const GatewayFacts = memo(function GatewayFacts({
  regionId,
  id,
  name,
  status,
  businessStatus,
  supportsIpsecServer,
  vpnType,
  ipsecVpn,
  sslVpn,
  showRegion,
}: ShownGateway & { showRegion: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Table.Td>
        <Anchor component={Link} to={`/regions/${regionId}/gateways/${id}`}>
          {name === '' ? id : name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {id}
        </Text>
      </Table.Td>
      {showRegion ? <Table.Td>{regionId}</Table.Td> : null}
      <Table.Td>
        <Group gap={4}>
          <StatusBadge status={status} />
          <GatewayFlags gateway={{ businessStatus, supportsIpsecServer }} />
        </Group>
      </Table.Td>
      <Table.Td>
        {vpnType === 'NationalStandard' ? (
          <Badge color="grape" variant="light">
            {t('gateway.typeSm')}
          </Badge>
        ) : (
          <Badge color="blue" variant="light">
            {t('gateway.typeStandard')}
          </Badge>
        )}
        {/* A line may break after the colon, never inside the state ("已开/启" at 1024 px). */}
        {(
          [
            ['IPsec-VPN', ipsecVpn],
            ['SSL-VPN', sslVpn],
          ] as const
        ).map(([feature, on]) => (
          <Text key={feature} size="xs">
            {t('common.labelled', { label: feature })}
            <span style={NO_WRAP}>{on ? t('common.enabled') : t('common.disabled')}</span>
          </Text>
        ))}
      </Table.Td>
    </>
  );
});

/**
 * Every public IP of a gateway (issue 17: the list showed the first only): tunnel 2's on a
 * dual-tunnel gateway, and the SSL-VPN address when it is another one.
 */
const publicIps = (gw: VpnGatewayView): [string, MessageKey | undefined][] => {
  const dr = gw.disasterRecoveryInternetIp ?? '';
  const ssl = gw.sslVpnInternetIp ?? '';
  return [
    [gw.internetIp, dr === '' ? undefined : 'gateway.tunnel1'],
    ...(dr === '' ? [] : [[dr, 'gateway.tunnel2'] as [string, MessageKey]]),
    ...(ssl === '' || ssl === gw.internetIp || ssl === dr
      ? []
      : [[ssl, 'gateway.sslIp'] as [string, MessageKey]]),
  ];
};

function GatewayRow({ gateway, showRegion }: { gateway: VpnGatewayView; showRegion: boolean }) {
  const { t } = useI18n();
  const live = useLiveGateway(gateway.regionId, gateway.id).data;
  const current = live?.gateway ?? gateway;
  return (
    <Table.Tr>
      <GatewayFacts
        regionId={gateway.regionId}
        id={gateway.id}
        name={current.name}
        status={current.status}
        businessStatus={current.businessStatus}
        supportsIpsecServer={current.supportsIpsecServer}
        vpnType={current.vpnType}
        ipsecVpn={current.ipsecVpn}
        sslVpn={current.sslVpn}
        showRegion={showRegion}
      />
      <Table.Td>
        {/*
          The list answer has no connection count (DescribeVpnGateways gives none): it comes with
          the first status poll of the gateway. Until then the cell says so, never a dash or a 0
          that reads as "none".
        */}
        {live?.observedAt != null ? (
          live.connections.length
        ) : (
          <Text size="xs" c="dimmed">
            {live?.staleSince != null ? t('status.unknown') : t('common.loading')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {publicIps(current).map(([ip, label]) => (
          <Text key={ip} size="sm">
            {ip}
            {label === undefined ? null : (
              <Text span size="xs" ml={4}>
                {t(label)}
              </Text>
            )}
          </Text>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * One page of gateways. Memoised, so a render of the list around it (a key typed in the search,
 * the status counts) does not render its rows again. Rows are keyed by their place on the page:
 * the next page updates the 50 rows in place instead of unmounting and mounting 50 (issue 18).
 */
export const GatewayTable = memo(function GatewayTable({
  gateways,
  showRegion,
}: {
  gateways: readonly VpnGatewayView[];
  showRegion: boolean;
}) {
  const { t } = useI18n();
  if (gateways.length === 0) return <Text>{t('gateway.none')}</Text>;
  return (
    // Every column fits at 1024 px (issue 17: the last one was cut and scrolled inside the
    // table): the features stand under the type, the IPs one per line.
    <Table striped highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('gateway.name')}</Table.Th>
          {showRegion ? <Table.Th>{t('gateway.region')}</Table.Th> : null}
          <Table.Th>{t('gateway.status')}</Table.Th>
          <Table.Th>{t('gateway.type')}</Table.Th>
          <Table.Th>{t('gateway.connections')}</Table.Th>
          <Table.Th>{t('gateway.publicIp')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {/* Keyed by place: a row holds no state of its own. */}
        {gateways.map((g, place) => (
          <GatewayRow key={place} gateway={g} showRegion={showRegion} />
        ))}
      </Table.Tbody>
    </Table>
  );
});
