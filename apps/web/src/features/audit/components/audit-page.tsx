import {
  Alert,
  Button,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { auditCategories } from '@vpn-console/shared/api/audit';
import { useSearchParams } from 'react-router';
import { useWords } from '../../../lib/i18n';
import { auditWords } from '../messages';
import { useAudit, type AuditFilter } from '../api/list-audit';
import { AuditTable } from './audit-table';

export function AuditPage() {
  const { t, w } = useWords(auditWords);
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
        {w('audit.title')}
      </Title>
      <Group align="flex-end">
        <TextInput
          label={w('audit.filterUser')}
          value={filter.username ?? ''}
          onChange={(e) => {
            set('username', e.currentTarget.value);
          }}
        />
        <TextInput
          label={w('audit.filterGateway')}
          value={filter.vpnGatewayId ?? ''}
          onChange={(e) => {
            set('vpnGatewayId', e.currentTarget.value);
          }}
        />
        <Select
          label={w('audit.filterCategory')}
          clearable
          value={category ?? null}
          data={auditCategories.map((c) => ({ value: c, label: w(`audit.category.${c}`) }))}
          onChange={(v) => {
            set('category', v);
          }}
        />
      </Group>
      {audit.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {audit.isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {audit.data !== undefined && entries.length === 0 ? <Text>{w('activity.none')}</Text> : null}
      {entries.length > 0 ? (
        <Table.ScrollContainer minWidth={800}>
          <AuditTable entries={entries} full />
        </Table.ScrollContainer>
      ) : null}
      {audit.hasNextPage ? (
        <Group>
          <Button
            variant="default"
            loading={audit.isFetchingNextPage}
            onClick={() => void audit.fetchNextPage()}
          >
            {w('audit.older')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
