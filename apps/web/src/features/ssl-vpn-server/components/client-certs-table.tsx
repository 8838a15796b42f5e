// An SSL-VPN server's client certificates: status with days left, create / rename / delete, and
// the client configuration download (it holds the private key: operators only, audited).
import { Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { SslVpnClientCertView } from '@vpn-console/shared/api/remote-access';
import { sslVpnClientCertNameSchema } from '@vpn-console/shared/common/names';
import { useState, type SyntheticEvent } from 'react';
import { ApiRequestError } from '../../../lib/api-client';
import { useWords } from '../../../lib/i18n';
import { sslClientsWords } from '../messages';
import { useCapabilities } from '../../../lib/session';
import { useClientCerts } from '../api/list-client-certs';
import { useDownloadClientBundle } from '../api/download-client-bundle';
import { useWriteClientCert, type ClientCertWrite } from '../api/write-client-cert';

const statusColour: Record<string, string> = {
  normal: 'green',
  'expiring-soon': 'orange',
  expired: 'red',
};

function CertStatus({ cert }: { cert: SslVpnClientCertView }) {
  const { w } = useWords(sslClientsWords);
  const label =
    cert.status === 'normal'
      ? w('clientCerts.status.normal')
      : cert.status === 'expiring-soon'
        ? w('clientCerts.status.expiringSoon')
        : cert.status === 'expired'
          ? w('clientCerts.status.expired')
          : cert.status;
  return (
    <Group gap="xs" wrap="nowrap">
      <Badge color={statusColour[cert.status] ?? 'gray'}>{label}</Badge>
      {cert.status !== 'expired' && cert.daysLeft !== undefined ? (
        <Text size="sm">{w('clientCerts.daysLeft', { days: cert.daysLeft })}</Text>
      ) : null}
    </Group>
  );
}

function NameForm({
  label,
  submitLabel,
  initial,
  onSubmit,
  onCancel,
  pending,
}: {
  label: string;
  submitLabel: string;
  initial: string;
  onSubmit: (name: string) => void;
  onCancel?: () => void;
  pending: boolean;
}) {
  const { t, w } = useWords(sslClientsWords);
  const [name, setName] = useState(initial);
  const [invalid, setInvalid] = useState(false);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (!sslVpnClientCertNameSchema.safeParse(name).success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    onSubmit(name);
  };
  return (
    <form onSubmit={submit} aria-label={label}>
      <Group align="flex-end" gap="xs">
        <TextInput
          label={label}
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
          }}
          error={invalid ? w('clientCerts.nameInvalid') : undefined}
          size="sm"
        />
        <Button type="submit" size="sm" loading={pending}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="default" size="sm" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        ) : null}
      </Group>
    </form>
  );
}

export function ClientCertsTable({
  regionId,
  sslVpnServerId,
}: {
  regionId: string;
  sslVpnServerId: string;
}) {
  const { t, w, formatDateTime } = useWords(sslClientsWords);
  const { canWrite } = useCapabilities();
  const certs = useClientCerts(regionId, sslVpnServerId);
  const write = useWriteClientCert(regionId, sslVpnServerId);
  const download = useDownloadClientBundle(regionId);
  const [renaming, setRenaming] = useState<string | undefined>();
  const [deleting, setDeleting] = useState<string | undefined>();
  const [message, setMessage] = useState<string | undefined>();

  const run = (change: ClientCertWrite, done: string) => {
    setMessage(undefined);
    write.mutate(change, {
      onSuccess: (op) => {
        setMessage(
          op.state === 'succeeded'
            ? done
            : w('clientCerts.failed', { code: op.error?.code ?? 'Unknown' }),
        );
        setRenaming(undefined);
        setDeleting(undefined);
      },
      onError: (error) => {
        setMessage(
          w('clientCerts.failed', {
            code: error instanceof ApiRequestError ? error.error.code : 'Unknown',
          }),
        );
      },
    });
  };

  const items = certs.data?.items ?? [];
  return (
    <Stack gap="xs" mt="md">
      <Title order={3} size="h5">
        {w('clientCerts.title')}
      </Title>
      {canWrite ? (
        <NameForm
          label={w('clientCerts.newName')}
          submitLabel={w('clientCerts.create')}
          initial=""
          pending={write.isPending}
          onSubmit={(name) => {
            run(
              { kind: 'create', sslVpnServerId, body: { name } },
              w('clientCerts.created', { name }),
            );
          }}
        />
      ) : null}
      {message === undefined ? null : (
        <Text size="sm" role="status">
          {message}
        </Text>
      )}
      {download.isError ? (
        <Text size="sm" c="red" role="alert">
          {w('clientCerts.downloadFailed')}
        </Text>
      ) : null}
      {certs.isPending ? <Text size="sm">{t('common.loading')}</Text> : null}
      {certs.isError ? (
        <Text size="sm" c="red" role="alert">
          {w('clientCerts.loadFailed')}
        </Text>
      ) : null}
      {certs.isSuccess && items.length === 0 ? (
        <Text size="sm">
          {canWrite ? w('clientCerts.emptyOperator') : w('clientCerts.emptyViewer')}
        </Text>
      ) : null}
      {items.length > 0 ? (
        <Table aria-label={w('clientCerts.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{w('clientCerts.name')}</Table.Th>
              <Table.Th>{w('clientCerts.status')}</Table.Th>
              <Table.Th>{w('clientCerts.createdAt')}</Table.Th>
              <Table.Th>{w('clientCerts.expires')}</Table.Th>
              {canWrite ? <Table.Th>{w('clientCerts.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((cert) => (
              <Table.Tr key={cert.id}>
                <Table.Td>
                  {renaming === cert.id ? (
                    <NameForm
                      label={w('clientCerts.renameLabel', { name: cert.name })}
                      submitLabel={w('clientCerts.save')}
                      initial={cert.name}
                      pending={write.isPending}
                      onCancel={() => {
                        setRenaming(undefined);
                      }}
                      onSubmit={(name) => {
                        run(
                          { kind: 'rename', id: cert.id, body: { name } },
                          w('clientCerts.renamed', { name }),
                        );
                      }}
                    />
                  ) : (
                    <Stack gap={0}>
                      <Text size="sm">{cert.name === '' ? cert.id : cert.name}</Text>
                      <Text size="xs" c="dimmed">
                        {cert.id}
                      </Text>
                    </Stack>
                  )}
                </Table.Td>
                <Table.Td>
                  <CertStatus cert={cert} />
                </Table.Td>
                <Table.Td>
                  {cert.createdAt === undefined ? '—' : formatDateTime(cert.createdAt)}
                </Table.Td>
                <Table.Td>
                  {cert.expiresAt === undefined ? '—' : formatDateTime(cert.expiresAt)}
                </Table.Td>
                {canWrite ? (
                  <Table.Td>
                    {deleting === cert.id ? (
                      <Group gap="xs" wrap="nowrap">
                        <Text size="sm">{w('clientCerts.confirmDelete', { name: cert.name })}</Text>
                        <Button
                          color="red"
                          size="xs"
                          loading={write.isPending}
                          onClick={() => {
                            run(
                              { kind: 'delete', id: cert.id },
                              w('clientCerts.deleted', { name: cert.name }),
                            );
                          }}
                        >
                          {w('clientCerts.deleteConfirm')}
                        </Button>
                        <Button
                          variant="default"
                          size="xs"
                          onClick={() => {
                            setDeleting(undefined);
                          }}
                        >
                          {t('common.cancel')}
                        </Button>
                      </Group>
                    ) : (
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={w('clientCerts.downloadFor', { name: cert.name })}
                          loading={download.isPending && download.variables === cert.id}
                          onClick={() => {
                            download.mutate(cert.id);
                          }}
                        >
                          {w('clientCerts.download')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={w('clientCerts.renameFor', { name: cert.name })}
                          onClick={() => {
                            setRenaming(cert.id);
                          }}
                        >
                          {w('clientCerts.rename')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          color="red"
                          aria-label={w('clientCerts.deleteFor', { name: cert.name })}
                          onClick={() => {
                            setDeleting(cert.id);
                          }}
                        >
                          {t('common.delete')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
