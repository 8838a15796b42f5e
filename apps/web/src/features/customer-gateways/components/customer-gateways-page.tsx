// The customer gateways page (issue 17 item 5): a region's customer gateways with the connections
// that use each one; operators rename them or change their description, and delete those no
// connection uses (the reason shows instead of Delete on the others). A lazy route: its words
// (../messages.ts) load with it, not with the first screen.
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { CustomerGatewayView } from '@vpn-console/shared/api/views';
import { changeCustomerGatewaySchema } from '@vpn-console/shared/customer-gateway/schema';
import { useState, type SyntheticEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { DeleteDialog } from '../../../components/delete-dialog';
import { ErrorExplanation } from '../../../components/error-explanation';
import { ApiRequestError } from '../../../lib/api-client';
import { issueText, issuesOf } from '../../../lib/issue-text';
import { gatewayPagePath } from '../../../lib/page-paths';
import { useCapabilities } from '../../../lib/session';
import { useRegions } from '../../gateways/api/list-regions';
import { useCustomerGateways } from '../../vpn-connection/api/list-customer-gateways';
import { vpnConnectionKeys } from '../../vpn-connection/api/keys';
import { useChangeCustomerGateway } from '../api/change-customer-gateway';
import { customerGatewaysWords } from '../messages';
import { useI18n, useWords } from '../../../lib/i18n';

const labelOf = (c: CustomerGatewayView) => (c.name === '' ? c.id : c.name);

const matches = (c: CustomerGatewayView, q: string) => {
  const needle = q.trim().toLowerCase();
  if (needle === '') return true;
  return [c.id, c.name, c.ipAddress, c.description, c.asn === undefined ? '' : String(c.asn)].some(
    (v) => v.toLowerCase().includes(needle),
  );
};

function EditDialog({
  cgw,
  onClose,
  onSaved,
}: {
  cgw: CustomerGatewayView;
  onClose: () => void;
  onSaved: (name: string) => void;
}) {
  const { t, w: tc, catalogLocale } = useWords(customerGatewaysWords);
  const [name, setName] = useState(cgw.name);
  const [description, setDescription] = useState(cgw.description);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const change = useChangeCustomerGateway();
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    // Only what changed is sent; an emptied field cannot be sent (the API keeps the old value).
    const body = {
      ...(name !== cgw.name ? { name } : {}),
      ...(description !== cgw.description ? { description } : {}),
    };
    const parsed = changeCustomerGatewaySchema.safeParse(body);
    if (!parsed.success) {
      setErrors(
        Object.fromEntries(
          issuesOf(parsed.error).map((i) => [i.path, issueText(i, catalogLocale)]),
        ),
      );
      return;
    }
    setErrors({});
    if (Object.keys(body).length === 0) {
      onClose();
      return;
    }
    change.mutate(
      { regionId: cgw.regionId, id: cgw.id, body },
      {
        onSuccess: (op) => {
          if (op.state === 'succeeded') onSaved(name === '' ? cgw.id : name);
        },
      },
    );
  };
  const failed = change.data?.state === 'failed' ? change.data.error : undefined;
  return (
    <Modal
      opened
      onClose={onClose}
      title={tc('cgw.editTitle', { name: labelOf(cgw) })}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label={tc('cgw.name')}
            value={name}
            error={errors.name}
            onChange={(e) => {
              setName(e.currentTarget.value);
            }}
          />
          <TextInput
            label={tc('cgw.description')}
            value={description}
            error={errors.description}
            onChange={(e) => {
              setDescription(e.currentTarget.value);
            }}
          />
          {change.error instanceof ApiRequestError ? (
            <ErrorExplanation error={change.error.error} title={tc('cgw.failed')} />
          ) : null}
          {failed === undefined ? null : (
            <ErrorExplanation error={failed} title={tc('cgw.failed')} />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={change.isPending}>
              {tc('cgw.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function UsedBy({ cgw }: { cgw: CustomerGatewayView }) {
  const { w: tc } = useWords(customerGatewaysWords);
  if (cgw.usedBy.length === 0) return <Text size="sm">{tc('cgw.unused')}</Text>;
  return (
    <Stack gap={2}>
      {cgw.usedBy.map((u) => (
        <Text size="sm" key={`${u.vpnConnectionId}/${u.tunnelId ?? ''}`}>
          <Anchor component={Link} to={gatewayPagePath(cgw.regionId, u.vpnGatewayId)} size="sm">
            {u.name === '' ? u.vpnConnectionId : u.name}
          </Anchor>
          {u.tunnelId === undefined ? null : ` ${tc('cgw.tunnel', { id: u.tunnelId })}`}
        </Text>
      ))}
    </Stack>
  );
}

function Actions({
  cgw,
  onEdit,
  onDelete,
}: {
  cgw: CustomerGatewayView;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t, w: tc } = useWords(customerGatewaysWords);
  const inUse = cgw.usedBy.length > 0;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Button
          size="xs"
          variant="default"
          aria-label={tc('cgw.editFor', { name: labelOf(cgw) })}
          onClick={onEdit}
        >
          {tc('cgw.edit')}
        </Button>
        <Button
          size="xs"
          color="red"
          variant="light"
          disabled={inUse}
          aria-label={tc('cgw.deleteFor', { name: labelOf(cgw) })}
          onClick={onDelete}
        >
          {t('common.delete')}
        </Button>
      </Group>
      {inUse ? (
        <Text size="xs" c="dimmed">
          {tc('cgw.inUse', { count: new Set(cgw.usedBy.map((u) => u.vpnConnectionId)).size })}
        </Text>
      ) : null}
    </Stack>
  );
}

function RegionCustomerGateways({ regionId }: { regionId: string }) {
  const navigate = useNavigate();
  const { t, w: tc, formatDateTime } = useWords(customerGatewaysWords);
  const { canWrite } = useCapabilities();
  const regions = useRegions();
  const list = useCustomerGateways(regionId);
  const [q, setQ] = useState('');
  const [editing, setEditing] = useState<CustomerGatewayView | undefined>();
  const [deleting, setDeleting] = useState<CustomerGatewayView | undefined>();
  const [message, setMessage] = useState<string | undefined>();
  const items = list.data?.items ?? [];
  const shown = items.filter((c) => matches(c, q));
  return (
    <Stack>
      <Title order={2}>{tc('cgw.title')}</Title>
      <Text size="sm">{tc('cgw.intro')}</Text>
      <Group align="end">
        <Select
          label={tc('cgw.region')}
          value={regionId}
          allowDeselect={false}
          onChange={(v) => {
            if (v !== null) void navigate(`/regions/${v}/customer-gateways`);
          }}
          data={(regions.data?.items ?? []).map((r) => ({ value: r.regionId, label: r.regionId }))}
        />
        <TextInput
          label={tc('cgw.search')}
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
          }}
          miw={320}
        />
      </Group>
      {message === undefined ? null : (
        <Text size="sm" role="status">
          {message}
        </Text>
      )}
      {list.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {list.isError ? <Alert color="red">{tc('cgw.loadFailed')}</Alert> : null}
      {list.isSuccess ? (
        <Text size="xs">{tc('cgw.shown', { shown: shown.length, total: items.length })}</Text>
      ) : null}
      {list.isSuccess && items.length === 0 ? <Text>{tc('cgw.empty')}</Text> : null}
      {items.length > 0 && shown.length === 0 ? <Text>{tc('cgw.noMatch')}</Text> : null}
      {shown.length > 0 ? (
        <Table.ScrollContainer minWidth={0}>
          <Table striped aria-label={tc('cgw.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{tc('cgw.name')}</Table.Th>
                <Table.Th>{tc('cgw.ipAddress')}</Table.Th>
                <Table.Th>{tc('cgw.asn')}</Table.Th>
                <Table.Th>{tc('cgw.description')}</Table.Th>
                <Table.Th>{tc('cgw.usedBy')}</Table.Th>
                <Table.Th>{tc('cgw.created')}</Table.Th>
                {canWrite ? <Table.Th>{tc('cgw.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => (
                <Table.Tr key={c.id}>
                  <Table.Td>
                    <Stack gap={0}>
                      <Text size="sm">{labelOf(c)}</Text>
                      <Text size="xs" c="dimmed">
                        {c.id}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>{c.ipAddress}</Table.Td>
                  <Table.Td>{c.asn ?? '—'}</Table.Td>
                  <Table.Td>{c.description === '' ? '—' : c.description}</Table.Td>
                  <Table.Td>
                    <UsedBy cgw={c} />
                  </Table.Td>
                  <Table.Td>
                    {c.createTime === undefined ? '—' : formatDateTime(c.createTime)}
                  </Table.Td>
                  {canWrite ? (
                    <Table.Td>
                      <Actions
                        cgw={c}
                        onEdit={() => {
                          setMessage(undefined);
                          setEditing(c);
                        }}
                        onDelete={() => {
                          setMessage(undefined);
                          setDeleting(c);
                        }}
                      />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {editing === undefined ? null : (
        <EditDialog
          cgw={editing}
          onClose={() => {
            setEditing(undefined);
          }}
          onSaved={(name) => {
            setEditing(undefined);
            setMessage(tc('cgw.saved', { name }));
          }}
        />
      )}
      {deleting === undefined ? null : (
        <DeleteDialog
          kind="customer-gateway"
          regionId={deleting.regionId}
          refresh={vpnConnectionKeys.customerGateways(deleting.regionId)}
          id={deleting.id}
          label={labelOf(deleting)}
          warning={tc('cgw.deleteWarning', { name: labelOf(deleting) })}
          opened
          onClose={() => {
            setDeleting(undefined);
          }}
        />
      )}
    </Stack>
  );
}

/** `/customer-gateways` goes to the first region's page. */
function FirstRegion() {
  const { t } = useI18n();
  const regions = useRegions();
  const first = regions.data?.items[0]?.regionId;
  if (regions.isError) return <Alert color="red">{t('error.loadFailed')}</Alert>;
  if (first === undefined) return <Loader size="sm" aria-label={t('common.loading')} />;
  return <Navigate to={`/regions/${first}/customer-gateways`} replace />;
}

export function CustomerGatewaysPage() {
  const { regionId } = useParams();
  return regionId === undefined ? <FirstRegion /> : <RegionCustomerGateways regionId={regionId} />;
}
