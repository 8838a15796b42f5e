// One table of audit entries: the audit page shows every column, a gateway's recent activity
// leaves out who-exactly details and the field changes.
import { Badge, Code, Table, Text } from '@mantine/core';
import type { AuditChange, AuditEntry } from '@vpn-console/shared/api/audit';
import { useI18n, useWords } from '../../../lib/i18n';
import { auditWords } from '../messages';

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
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
                  <del>{show(c.before)}</del>
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>
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

/** The action in words (`changeIpsecServer` → "Change IPsec server"); an unknown one as stored. */
const useActionText = () => {
  const { w, hasWord } = useWords(auditWords);
  return (action: string): string => {
    const key = `audit.action.${action}`;
    return hasWord(key) ? w(key) : action;
  };
};

function Row({ e, full }: { e: AuditEntry; full: boolean }) {
  const { t, w, formatDateTime } = useWords(auditWords);
  const actionText = useActionText();
  // The resource and the gateway by their names where known, the id beside for support.
  const named = (name: string | null | undefined, id: string | null): string | null =>
    id === null
      ? null
      : name == null || name === ''
        ? id
        : `${name}${t('common.bracketed', { text: id })}`;
  const resource = named(e.resourceName, e.resourceId);
  const where = full
    ? [e.regionId, named(e.vpnGatewayName, e.vpnGatewayId), resource]
        .filter((x) => x !== null)
        .join(' / ')
    : (resource ?? '');
  return (
    <Table.Tr>
      <Table.Td>{formatDateTime(e.at)}</Table.Td>
      <Table.Td>
        {e.actor?.username ?? '—'}
        {!full || e.actor?.role == null ? null : (
          <Text size="xs" c="dimmed">
            {t(`role.${e.actor.role}`)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {actionText(e.action)}
        {where === '' ? null : (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
            {where}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Badge
          color={e.outcome === 'success' ? 'green' : e.outcome === 'pending' ? 'gray' : 'red'}
          variant="light"
        >
          {w(`audit.outcome.${e.outcome}`)}
        </Badge>
        {full && e.errorCode !== null ? <Text size="xs">{e.errorCode}</Text> : null}
        {full && e.requestId !== null ? (
          <Text size="xs" c="dimmed">
            {e.requestId}
          </Text>
        ) : null}
      </Table.Td>
      {full ? (
        <Table.Td>
          <Changes changes={e.changes} />
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}

export function AuditTable({
  entries,
  full,
}: {
  entries: readonly AuditEntry[];
  /** Every column (the audit page) or the short form (a gateway's recent activity). */
  full: boolean;
}) {
  const { w } = useWords(auditWords);
  return (
    <Table>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{w('audit.when')}</Table.Th>
          <Table.Th>{w('audit.who')}</Table.Th>
          <Table.Th>{w('audit.action')}</Table.Th>
          <Table.Th>{w('audit.outcome')}</Table.Th>
          {full ? <Table.Th>{w('audit.changes')}</Table.Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((e) => (
          <Row key={e.id} e={e} full={full} />
        ))}
      </Table.Tbody>
    </Table>
  );
}
