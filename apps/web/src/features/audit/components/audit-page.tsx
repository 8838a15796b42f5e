import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { auditCategories, type AuditChange, type AuditEntry } from '@vpn-console/shared/api/audit';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useAudit, type AuditFilter } from '../api/list-audit';

const show = (v: unknown): string =>
  v === undefined || v === null ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

function Changes({ changes }: { changes: readonly AuditChange[] }) {
  const { t } = useI18n();
  if (changes.length === 0) return null;
  return (
    <Table withRowBorders={false} fz="xs">
      <Table.Tbody>
        {changes.map((c) => (
          <Table.Tr key={c.path}>
            <Table.Td>
              <Code>{c.path}</Code>
            </Table.Td>
            {c.secret ? (
              <Table.Td colSpan={2}>
                {c.changed ? t('diff.secretChanged') : t('diff.secretUnchanged')}
              </Table.Td>
            ) : (
              <>
                <Table.Td>
                  <del>{show(c.before)}</del>
                </Table.Td>
                <Table.Td>
                  <ins>{show(c.after)}</ins>
                </Table.Td>
              </>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function Row({ e }: { e: AuditEntry }) {
  const { t, formatDateTime } = useI18n();
  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(e.at)}</Table.Td>
      <Table.Td>
        {e.actor?.username ?? '—'}
        {e.actor?.role == null ? null : (
          <Text size="xs" c="dimmed">
            {t(`role.${e.actor.role}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {e.action}
        <Text size="xs" c="dimmed">
          {[e.regionId, e.vpnGatewayId, e.resourceId].filter((x) => x !== null).join(' / ')}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={e.outcome === 'success' ? 'green' : 'red'} variant="light">
          {t(`audit.outcome.${e.outcome}`)}
        </Badge>
        {e.errorCode === null ? null : <Text size="xs">{e.errorCode}</Text>}
        {e.requestId === null ? null : (
          <Text size="xs" c="dimmed">
            {e.requestId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Changes changes={e.changes} />
      </Table.Td>
    </Table.Tr>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const category = auditCategories.find((c) => c === params.get('category'));
  const filter: AuditFilter = {
    vpnGatewayId: params.get('vpnGatewayId') ?? undefined,
    username: params.get('username') ?? undefined,
    category,
  };
  const audit = useAudit(filter);
  const set = (key: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null || value === '') next.delete(key);
    else next.set(key, value);
    setParams(next, { replace: true });
  };
  const entries = audit.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('audit.title')}
      </Title>
      <Group align="flex-end">
        <TextInput
          label={t('audit.filterUser')}
          value={filter.username ?? ''}
          onChange={(e) => {
            set('username', e.currentTarget.value);
          }}
        />
        <TextInput
          label={t('audit.filterGateway')}
          value={filter.vpnGatewayId ?? ''}
          onChange={(e) => {
            set('vpnGatewayId', e.currentTarget.value);
          }}
        />
        <Select
          label={t('audit.filterCategory')}
          clearable
          value={category ?? null}
          data={auditCategories.map((c) => ({ value: c, label: t(`audit.category.${c}`) }))}
          onChange={(v) => {
            set('category', v);
          }}
        />
      </Group>
      {audit.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {audit.isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {audit.data !== undefined && entries.length === 0 ? <Text>{t('activity.none')}</Text> : null}
      {entries.length > 0 ? (
        <Table.ScrollContainer minWidth={800}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.when')}</Table.Th>
                <Table.Th>{t('audit.who')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.outcome')}</Table.Th>
                <Table.Th>{t('audit.changes')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.map((e) => (
                <Row key={e.id} e={e} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {audit.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {t('audit.older')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
