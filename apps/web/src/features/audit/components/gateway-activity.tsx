// A gateway's recent activity (the newest audit entries about it) and the way to the full audit.
import { Alert, Anchor, Loader, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useWords } from '../../../lib/i18n';
import { auditWords } from '../messages';
import { useGatewayActivity } from '../api/list-gateway-activity';
import { AuditTable } from './audit-table';

export function GatewayActivity({ vpnGatewayId }: { vpnGatewayId: string }) {
  const { t, w } = useWords(auditWords);
  const activity = useGatewayActivity(vpnGatewayId);
  const entries = activity.data?.items;
  return (
    <>
      {activity.isPending ? <Loader size="sm" aria-label={t('common.loading')} /> : null}
      {activity.isError ? <Alert color="red">{t('error.loadFailed')}</Alert> : null}
      {entries === undefined ? null : entries.length === 0 ? (
        <Text size="sm">{w('activity.none')}</Text>
      ) : (
        <AuditTable entries={entries} full={false} />
      )}
      <Anchor component={Link} to={`/audit?vpnGatewayId=${vpnGatewayId}`} size="sm">
        {w('activity.all')}
      </Anchor>
    </>
  );
}
