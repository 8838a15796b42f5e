// Why a connection is not up yet, in words an operator can act on: under its negotiation status
// on the connection card. Red and failure advice only for a verdict (issue 17): while the status
// hub reads the negotiation as still running, the badge says "negotiating" and the hint since when.
import { Badge, Text } from '@mantine/core';
import type { ConnectionStatus } from '@vpn-console/shared/api/events';
import { StatusBadge } from '../../../components/status-badge';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/messages';

const hints: Partial<Record<string, MessageKey>> = {
  ike_sa_not_established: 'connection.hint.ike_sa_not_established',
  ike_sa_established: 'connection.hint.ike_sa_established',
  ipsec_sa_not_established: 'connection.hint.ipsec_sa_not_established',
};

type Reading = Pick<ConnectionStatus, 'negotiation' | 'attemptAt'> | undefined;

/** The negotiation's badge: the cloud's status, or "negotiating" before a verdict. */
export function NegotiationBadge({ status, live }: { status: string | undefined; live?: Reading }) {
  const { t } = useI18n();
  if (live?.negotiation === 'negotiating') {
    return (
      <Badge color="blue" variant="light" autoContrast>
        {status === 'ike_sa_established' ? t('status.negotiatingPhase2') : t('status.negotiating')}
      </Badge>
    );
  }
  return <StatusBadge status={status} />;
}

export function NegotiationHint({ status, live }: { status: string | undefined; live?: Reading }) {
  const { t, formatTime } = useI18n();
  if (live?.negotiation === 'negotiating') {
    return (
      <Text size="sm" c="dimmed" mb="sm">
        {live.attemptAt === undefined
          ? t('connection.negotiating')
          : t('connection.negotiatingSince', { time: formatTime(live.attemptAt) })}
      </Text>
    );
  }
  const key = status === undefined ? undefined : hints[status];
  if (key === undefined) return null;
  return (
    <Text size="sm" c="dimmed" mb="sm">
      {t(key)}
      {live?.negotiation === 'failed' && live.attemptAt !== undefined
        ? ` ${t('connection.lastAttempt', { time: formatTime(live.attemptAt) })}`
        : null}
    </Text>
  );
}
