// What an operator must see at a glance beside a gateway's status (issue 17): locked for an
// overdue payment, and a version without IPsec server support. Text, never colour alone.
import { Badge } from '@mantine/core';
import type { VpnGatewayView } from '@vpn-console/shared/api/views';
import { useI18n } from '../../../lib/i18n';

export function GatewayFlags({
  gateway,
}: {
  gateway: Pick<VpnGatewayView, 'businessStatus' | 'supportsIpsecServer'>;
}) {
  const { t } = useI18n();
  return (
    <>
      {gateway.businessStatus === 'FinancialLocked' ? (
        <Badge color="red" variant="filled">
          {t('gateway.lockedOverdue')}
        </Badge>
      ) : null}
      {gateway.supportsIpsecServer === false ? (
        <Badge color="gray" variant="outline">
          {t('gateway.noIpsecServer')}
        </Badge>
      ) : null}
    </>
  );
}
