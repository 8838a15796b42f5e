// Status as text and colour (never colour alone).
import { Badge } from '@mantine/core';
import { useI18n } from '../lib/i18n';
import type { MessageKey } from '../lib/messages';

const colours: Record<string, string> = {
  active: 'green',
  ipsec_sa_established: 'green',
  ike_sa_established: 'teal',
  updating: 'orange',
  init: 'orange',
  provisioning: 'orange',
  deleting: 'red',
  ike_sa_not_established: 'red',
  ipsec_sa_not_established: 'red',
  succeeded: 'green',
  failed: 'red',
  queued: 'gray',
  applying: 'orange',
  'waiting-for-gateway': 'yellow',
};

const known = new Set(Object.keys(colours));

/** The words for a status the console knows (a gateway's, a negotiation's, an operation's). */
export function statusKey(status: string): MessageKey | undefined {
  return known.has(status) ? (`status.${status}` as MessageKey) : undefined;
}

export function StatusBadge({ status }: { status: string | undefined }) {
  const { t } = useI18n();
  if (status === undefined || status === '')
    return <Badge color="gray">{t('status.unknown')}</Badge>;
  const key = statusKey(status);
  const label = key === undefined ? status : t(key);
  return (
    <Badge color={colours[status] ?? 'gray'} variant="light" autoContrast>
      {label}
    </Badge>
  );
}
