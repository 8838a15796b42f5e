// Why a connection is not up yet, in words an operator can act on: under its negotiation status
// on the connection card, for each status short of "connected".
import { Text } from '@mantine/core';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../lib/messages';

const hints: Partial<Record<string, MessageKey>> = {
  ike_sa_not_established: 'connection.hint.ike_sa_not_established',
  ike_sa_established: 'connection.hint.ike_sa_established',
  ipsec_sa_not_established: 'connection.hint.ipsec_sa_not_established',
};

export function NegotiationHint({ status }: { status: string | undefined }) {
  const { t } = useI18n();
  const key = status === undefined ? undefined : hints[status];
  if (key === undefined) return null;
  return (
    <Text size="sm" c="dimmed" mb="sm">
      {t(key)}
    </Text>
  );
}
