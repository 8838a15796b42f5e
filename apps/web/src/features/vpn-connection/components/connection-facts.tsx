// What a support engineer is asked about a connection or one of its tunnels, readable by every
// role: the phase 1/2 algorithms, BGP (session state, peer ASN) and the health check, and the
// tunnels of a dual-tunnel connection, each with its role, peer, live status and what to check.
import { Badge, Code, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TunnelStatus } from '@vpn-console/shared/api/events';
import type {
  CustomerGatewayView,
  IkeConfigView,
  IpsecConfigView,
  VpnConnectionView,
} from '@vpn-console/shared/api/views';
import { DetailField } from '../../../components/detail-field';
import { PskView } from '../../../components/psk-view';
import { StatusBadge } from '../../../components/status-badge';
import { describePhase } from '../../../components/wizard/phase-fields';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/messages';
import { NegotiationBadge, NegotiationHint } from './negotiation-hint';

type Tunnel = NonNullable<VpnConnectionView['tunnels']>[number];

/** "ikev2 / main / aes256 / sha256 / group14 / 86400 s", or "—" when the cloud gave none. */
export const phase1Text = (ike: IkeConfigView | undefined): string =>
  describePhase(ike, ['ikeVersion', 'ikeMode', 'ikeEncAlg', 'ikeAuthAlg', 'ikePfs']) || '—';
export const phase2Text = (ipsec: IpsecConfigView | undefined): string =>
  describePhase(ipsec, ['ipsecEncAlg', 'ipsecAuthAlg', 'ipsecPfs']) || '—';

const probeWords: Partial<Record<string, MessageKey>> = {
  success: 'probe.success',
  failed: 'probe.failed',
};

/** A BGP session or health check's result (`success`/`failed`), in words and colour. */
export function ProbeBadge({ status }: { status: string | undefined }) {
  const { t } = useI18n();
  if (status === undefined || status === '') return <Text size="sm">{t('probe.unknown')}</Text>;
  const key = probeWords[status];
  return (
    <Badge
      color={status === 'success' ? 'green' : status === 'failed' ? 'red' : 'gray'}
      variant="light"
      autoContrast
    >
      {key === undefined ? status : t(key)}
    </Badge>
  );
}

const roleWords: Partial<Record<string, MessageKey>> = {
  master: 'tunnel.role.master',
  slave: 'tunnel.role.slave',
};

/** master → "active", slave → "standby" (the cloud's names stay in the tooltip). */
export function TunnelRole({ role }: { role: string | undefined }) {
  const { t } = useI18n();
  const key = role === undefined ? undefined : roleWords[role];
  return <span title={role}>{key === undefined ? (role ?? '—') : t(key)}</span>;
}

/** A customer gateway as people know it: name and address, the id beside. */
export function PeerText({
  id,
  customerGateways,
}: {
  id: string | undefined;
  customerGateways: readonly CustomerGatewayView[] | undefined;
}) {
  if (id === undefined || id === '') return <>—</>;
  const cgw = customerGateways?.find((g) => g.id === id);
  return (
    <>
      {cgw === undefined ? null : (
        <>
          {cgw.name === '' ? '' : `${cgw.name} `}
          <strong>{cgw.ipAddress}</strong>
          {cgw.asn === undefined ? '' : ` (ASN ${String(cgw.asn)})`}{' '}
        </>
      )}
      <Code>{id}</Code>
    </>
  );
}

function TunnelCard({
  regionId,
  connection,
  tunnel,
  live,
  bgpOn,
  customerGateways,
}: {
  regionId: string;
  connection: VpnConnectionView;
  tunnel: Tunnel;
  live: TunnelStatus | undefined;
  bgpOn: boolean;
  customerGateways: readonly CustomerGatewayView[] | undefined;
}) {
  const { t } = useI18n();
  const index = tunnel.tunnelIndex ?? 0;
  const role = live?.role ?? tunnel.role;
  const status = live?.status ?? tunnel.status;
  const bgp = tunnel.bgpConfig;
  const label = t('tunnel.title', { index: index === 0 ? '?' : index });
  return (
    <Stack
      gap="xs"
      component="section"
      aria-label={label}
      p="sm"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 4 }}
    >
      <Group justify="space-between">
        <Title order={3} size="h5">
          {label} · <TunnelRole role={role} />
        </Title>
        <NegotiationBadge status={status} live={live} />
      </Group>
      <NegotiationHint status={status} live={live} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <DetailField label={t('tunnel.peer')}>
          <PeerText
            id={live?.customerGatewayId ?? tunnel.customerGatewayId}
            customerGateways={customerGateways}
          />
        </DetailField>
        <DetailField label={t('tunnel.gatewayIp')}>
          {live?.internetIp ?? tunnel.internetIp ?? '—'}
          {tunnel.zoneNo === undefined ? '' : ` (${tunnel.zoneNo})`}
        </DetailField>
        <DetailField label={t('connection.state')}>
          <StatusBadge status={live?.state ?? tunnel.state} />
        </DetailField>
        <DetailField label={t('step.phase1')}>{phase1Text(tunnel.ikeConfig)}</DetailField>
        <DetailField label={t('step.phase2')}>{phase2Text(tunnel.ipsecConfig)}</DetailField>
        <DetailField label={t('field.psk')}>
          <PskView
            psk={tunnel.psk}
            resourceName={`${connection.name} · ${label}`}
            target={{
              kind: 'vpn-connection',
              regionId,
              id: connection.id,
              tunnelId: tunnel.tunnelId,
            }}
          />
        </DetailField>
        <DetailField label={t('field.bgp')}>
          {bgpOn ? (
            <Group gap="xs">
              <ProbeBadge status={live?.bgpStatus ?? bgp?.bgpStatus} />
              <Text size="sm" component="span">
                {t('bgp.peerAsn', { asn: bgp?.peerAsn ?? '—' })} ·{' '}
                {t('bgp.localAsn', { asn: bgp?.localAsn ?? '—' })}
                {bgp?.tunnelCidr === undefined ? '' : ` · ${bgp.tunnelCidr}`}
              </Text>
            </Group>
          ) : (
            t('common.disabled')
          )}
        </DetailField>
        <DetailField label={t('field.enableDpd')}>
          {tunnel.enableDpd === undefined
            ? '—'
            : tunnel.enableDpd
              ? t('common.yes')
              : t('common.no')}
        </DetailField>
        <DetailField label={t('field.enableNatTraversal')}>
          {tunnel.enableNatTraversal === undefined
            ? '—'
            : tunnel.enableNatTraversal
              ? t('common.yes')
              : t('common.no')}
        </DetailField>
      </SimpleGrid>
    </Stack>
  );
}

/** The two tunnels of a dual-tunnel connection, in tunnel order, live from the status stream. */
export function TunnelList({
  regionId,
  connection,
  live,
  customerGateways,
}: {
  regionId: string;
  connection: VpnConnectionView;
  live: readonly TunnelStatus[] | undefined;
  customerGateways: readonly CustomerGatewayView[] | undefined;
}) {
  const tunnels = [...(connection.tunnels ?? [])].sort(
    (a, b) => (a.tunnelIndex ?? 0) - (b.tunnelIndex ?? 0),
  );
  const liveById = new Map((live ?? []).map((s) => [s.tunnelId, s]));
  return (
    <Stack gap="sm" mt="sm">
      {tunnels.map((tunnel) => (
        <TunnelCard
          key={tunnel.tunnelId}
          regionId={regionId}
          connection={connection}
          tunnel={tunnel}
          live={liveById.get(tunnel.tunnelId)}
          bgpOn={connection.enableTunnelsBgp === true}
          customerGateways={customerGateways}
        />
      ))}
    </Stack>
  );
}
