// Who is connected to the gateway's SSL-VPN server: support staff read it (no secrets in it).
import { Stack, Table, Text, Title } from '@mantine/core';
import { useWords } from '../../../lib/i18n';
import { sslClientsWords } from '../messages';
import { useConnectedClients } from '../api/list-connected-clients';

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

function bytes(n: number | undefined): string {
  if (n === undefined) return '—';
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? String(value) : value.toFixed(1)} ${UNITS[unit] ?? 'B'}`;
}

export function ConnectedClientsTable({
  regionId,
  vpnGatewayId,
}: {
  regionId: string;
  vpnGatewayId: string;
}) {
  const { t, w, formatDateTime } = useWords(sslClientsWords);
  const clients = useConnectedClients(regionId, vpnGatewayId);
  const items = clients.data?.items ?? [];
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {w('connectedClients.title')}
      </Title>
      {clients.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
      {clients.isError ? (
        <Text size="sm" c="red" role="alert">
          {w('connectedClients.loadFailed')}
        </Text>
      ) : null}
      {clients.isSuccess && items.length === 0 ? (
        <Text size="sm">{w('connectedClients.empty')}</Text>
      ) : null}
      {items.length > 0 ? (
        <Table aria-label={w('connectedClients.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{w('connectedClients.who')}</Table.Th>
              <Table.Th>{w('connectedClients.from')}</Table.Th>
              <Table.Th>{w('connectedClients.address')}</Table.Th>
              <Table.Th>{w('connectedClients.since')}</Table.Th>
              <Table.Th>{w('connectedClients.traffic')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((c) => (
              <Table.Tr key={`${c.commonName}-${c.connectedAt ?? ''}`}>
                <Table.Td>
                  <Stack gap={0}>
                    <Text size="sm">{c.certName ?? c.commonName}</Text>
                    {c.certName === undefined ? null : (
                      <Text size="xs" c="dimmed">
                        {c.commonName}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  {c.ip ?? '—'}
                  {c.port === undefined ? '' : `:${c.port}`}
                </Table.Td>
                <Table.Td>{c.privateIp ?? '—'}</Table.Td>
                <Table.Td>
                  {c.connectedAt === undefined ? '—' : formatDateTime(c.connectedAt)}
                </Table.Td>
                <Table.Td>
                  {w('connectedClients.trafficValue', {
                    sent: bytes(c.sendBytes),
                    received: bytes(c.receiveBytes),
                  })}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
