import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import type { AuditEntry } from '@vpn-console/shared/api/audit';
import type { VpnGatewayDetailView } from '@vpn-console/shared/api/views';
import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { StatusBadge } from '../../../components/status-badge';
import { ApiRequestError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useLiveGateway, useStreamState } from '../../../lib/live-status';
import { useCapabilities } from '../../../lib/session';
import { useGateway } from '../api/get-gateway';
import { useGatewayActivity } from '../api/list-gateway-activity';
import { DeleteButton } from './delete-button';
import { NegotiationHint } from './negotiation-hint';
import { PskView } from './psk-view';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

function StaleNotice({ since }: { since: string | null | undefined }) {
  const { t, formatTime } = useI18n();
  if (since == null) return null;
  return (
    <Alert color="yellow" role="status">
      {t('live.staleSince', { time: formatTime(since) })}
    </Alert>
  );
}

function Activity({ entries }: { entries: readonly AuditEntry[] }) {
  const { t, formatDateTime } = useI18n();
  if (entries.length === 0) return <Text size="sm">{t('activity.none')}</Text>;
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('audit.when')}</Table.Th>
          <Table.Th>{t('audit.who')}</Table.Th>
          <Table.Th>{t('audit.action')}</Table.Th>
          <Table.Th>{t('audit.outcome')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Table.Tr key={e.id}>
            <Table.Td>{formatDateTime(e.at)}</Table.Td>
            <Table.Td>{e.actor?.username ?? '—'}</Table.Td>
            <Table.Td>
              {e.action}
              {e.resourceId === null ? null : (
                <Text size="xs" c="dimmed">
                  {e.resourceId}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <Badge color={e.outcome === 'success' ? 'green' : 'red'} variant="light">
                {t(`audit.outcome.${e.outcome}`)}
              </Badge>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function GatewayDetail({ detail }: { detail: VpnGatewayDetailView }) {
  const { t } = useI18n();
  const { canWrite } = useCapabilities();
  const live = useLiveGateway(detail.regionId, detail.id).data;
  const stream = useStreamState().data;
  const activity = useGatewayActivity(detail.id);
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'ipsec-server';
  const gw = live?.gateway ?? detail;
  const base = `/regions/${detail.regionId}/gateways/${detail.id}`;
  const liveConn = new Map((live?.connections ?? []).map((c) => [c.id, c]));
  const staleSince = live?.staleSince ?? (stream?.connected === false ? stream.downSince : null);
  const server = detail.ipsecServer;

  return (
    <Stack>
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
        </Group>
      </Group>
      <StaleNotice since={staleSince} />
      <Card withBorder>
        <SimpleGrid cols={{ base: 2, md: 4 }}>
          <Field label={t('gateway.type')}>
            {gw.vpnType === 'NationalStandard' ? t('gateway.typeSm') : t('gateway.typeStandard')}
          </Field>
          <Field label={t('gateway.publicIp')}>{gw.internetIp}</Field>
          <Field label={t('gateway.spec')}>{gw.spec}</Field>
          <Field label={t('gateway.vpc')}>{gw.vpcId}</Field>
          <Field label={t('gateway.ipsec')}>
            {gw.ipsecVpn ? t('common.enabled') : t('common.disabled')}
          </Field>
          <Field label={t('gateway.sslVpn')}>
            {gw.sslVpn ? t('common.enabled') : t('common.disabled')}
          </Field>
          <Field label={t('gateway.bgp')}>
            {gw.enableBgp ? t('common.enabled') : t('common.disabled')}
          </Field>
          <Field label={t('gateway.connections')}>{detail.vpnConnections.length}</Field>
        </SimpleGrid>
      </Card>
      <Tabs
        value={tab}
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
          {server === null ? (
            <Stack align="flex-start">
              <Text size="sm">{t('ipsecServer.none')}</Text>
              {canWrite ? (
                <Button component={Link} to={`${base}/ipsec-server/new`}>
                  {t('ipsecServer.create')}
                </Button>
              ) : null}
            </Stack>
          ) : (
            <Card withBorder>
              <Group justify="space-between" mb="sm">
                <Title order={2} size="h4">
                  {server.name}
                </Title>
                {canWrite ? (
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="light"
                      component={Link}
                      to={`${base}/ipsec-server/${server.id}/edit`}
                    >
                      {t('common.edit')}
                    </Button>
                    <DeleteButton
                      kind="ipsec-server"
                      regionId={detail.regionId}
                      vpnGatewayId={detail.id}
                      id={server.id}
                      name={server.name}
                    />
                  </Group>
                ) : null}
              </Group>
              <SimpleGrid cols={{ base: 1, md: 3 }}>
                <Field label={t('field.localSubnet')}>{server.localSubnet.join(', ')}</Field>
                <Field label={t('field.clientIpPool')}>{server.clientIpPool}</Field>
                <Field label={t('field.effectImmediately')}>
                  {server.effectImmediately ? t('common.yes') : t('common.no')}
                </Field>
                <Field label={t('field.ikeVersion')}>{server.ikeConfig.ikeVersion ?? '—'}</Field>
                <Field label={t('step.phase1')}>
                  {server.ikeConfig.ikeEncAlg ?? '—'} / {server.ikeConfig.ikeAuthAlg ?? '—'} /{' '}
                  {server.ikeConfig.ikePfs ?? '—'}
                </Field>
                <Field label={t('step.phase2')}>
                  {server.ipsecConfig.ipsecEncAlg ?? '—'} / {server.ipsecConfig.ipsecAuthAlg ?? '—'}{' '}
                  / {server.ipsecConfig.ipsecPfs ?? '—'}
                </Field>
                <Field label={t('field.psk')}>
                  <PskView
                    psk={server.psk}
                    resourceName={server.name}
                    target={{ kind: 'ipsec-server', regionId: detail.regionId, id: server.id }}
                  />
                </Field>
                <Field label={t('ipsecServer.onlineClients')}>
                  {server.onlineClientCount ?? '—'}
                </Field>
              </SimpleGrid>
            </Card>
          )}
        </Tabs.Panel>

        <Tabs.Panel value="ssl-vpn" pt="md">
          <Stack>
            {canWrite ? (
              <Group>
                <Button component={Link} to={`${base}/ssl-vpn-servers/new`}>
                  {t('sslServer.create')}
                </Button>
              </Group>
            ) : null}
            {detail.sslVpnServers.length === 0 ? (
              <Text size="sm">{t('sslServer.none')}</Text>
            ) : null}
            {detail.sslVpnServers.map((s) => (
              <Card withBorder key={s.id}>
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h4">
                    {s.name}
                  </Title>
                  {canWrite ? (
                    <Group gap="xs">
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={`${base}/ssl-vpn-servers/${s.id}/edit`}
                      >
                        {t('common.edit')}
                      </Button>
                      <DeleteButton
                        kind="ssl-vpn-server"
                        regionId={detail.regionId}
                        vpnGatewayId={detail.id}
                        id={s.id}
                        name={s.name}
                      />
                    </Group>
                  ) : null}
                </Group>
                <SimpleGrid cols={{ base: 1, md: 3 }}>
                  <Field label={t('field.localSubnet')}>{s.localSubnet.join(', ')}</Field>
                  <Field label={t('field.clientIpPool')}>{s.clientIpPool}</Field>
                  <Field label={t('field.proto')}>
                    {s.proto ?? '—'} {s.port ?? ''}
                  </Field>
                  <Field label={t('field.cipher')}>{s.cipher ?? '—'}</Field>
                  <Field label={t('field.compress')}>
                    {s.compress === true ? t('common.yes') : t('common.no')}
                  </Field>
                  <Field label={t('field.enableMultiFactorAuth')}>
                    {s.enableMultiFactorAuth === true ? t('common.enabled') : t('common.disabled')}
                  </Field>
                </SimpleGrid>
              </Card>
            ))}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="connections" pt="md">
          <Stack>
            {canWrite ? (
              <Group>
                <Button component={Link} to={`${base}/connections/new`}>
                  {t('connection.create')}
                </Button>
              </Group>
            ) : null}
            {detail.vpnConnections.length === 0 ? (
              <Text size="sm">{t('connection.none')}</Text>
            ) : null}
            {detail.vpnConnections.map((c) => {
              const lc = liveConn.get(c.id);
              return (
                <Card withBorder key={c.id}>
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
                      <StatusBadge status={lc?.status ?? c.status} />
                      {canWrite ? (
                        <>
                          <Button
                            size="xs"
                            variant="light"
                            component={Link}
                            to={`${base}/connections/${c.id}/edit`}
                          >
                            {t('common.edit')}
                          </Button>
                          <DeleteButton
                            kind="vpn-connection"
                            regionId={detail.regionId}
                            vpnGatewayId={detail.id}
                            id={c.id}
                            name={c.name}
                          />
                        </>
                      ) : null}
                    </Group>
                  </Group>
                  <NegotiationHint status={lc?.status ?? c.status} />
                  <SimpleGrid cols={{ base: 1, md: 3 }}>
                    <Field label={t('field.customerGatewayId')}>
                      <Code>{c.customerGatewayId ?? '—'}</Code>
                    </Field>
                    <Field label={t('field.localSubnet')}>{c.localSubnet.join(', ')}</Field>
                    <Field label={t('field.remoteSubnet')}>{c.remoteSubnet.join(', ')}</Field>
                    <Field label={t('connection.state')}>
                      <StatusBadge status={lc?.state ?? c.state} />
                    </Field>
                    <Field label={t('field.psk')}>
                      <PskView
                        psk={c.psk}
                        resourceName={c.name}
                        target={{ kind: 'vpn-connection', regionId: detail.regionId, id: c.id }}
                      />
                    </Field>
                    <Field label={t('field.bgp')}>
                      {c.bgpConfig?.enableBgp === true ? t('common.enabled') : t('common.disabled')}
                    </Field>
                  </SimpleGrid>
                </Card>
              );
            })}
          </Stack>
        </Tabs.Panel>

        <Tabs.Panel value="activity" pt="md">
          {activity.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
          {activity.isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
          {activity.data === undefined ? null : <Activity entries={activity.data.items} />}
          <Anchor component={Link} to={`/audit?vpnGatewayId=${detail.id}`} size="sm">
            {t('activity.all')}
          </Anchor>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

export function GatewayPage({ regionId, gatewayId }: { regionId: string; gatewayId: string }) {
  const { t } = useI18n();
  const { data, isPending, error } = useGateway(regionId, gatewayId);
  if (isPending) return <Loader aria-label={t('common.loading')} />;
  if (data === undefined) {
    return (
      <Alert color="red" role="alert">
        {error instanceof ApiRequestError && error.status === 404
          ? t('gateway.notFound')
          : t('error.loadFailed')}
      </Alert>
    );
  }
  return <GatewayDetail detail={data} />;
}
