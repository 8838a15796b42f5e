// The words of why a gateway cannot take an action (the shared catalog's small file), loaded when
// a gateway first needs them: most gateways never do, so they stay off the first screen's budget.
import { Text, type TextProps } from '@mantine/core';
import type { GatewayActionBlock } from '@vpn-console/shared/common/gateway-actions';
import { gatewayActionBlockText } from '@vpn-console/shared/errors/gateway-action-texts';
import { useI18n } from '../lib/i18n';

export function ActionBlockReason({
  block,
  ...text
}: { block: GatewayActionBlock; id?: string } & Pick<TextProps, 'size'>) {
  const { catalogLocale } = useI18n();
  return <Text {...text}>{gatewayActionBlockText(block, catalogLocale)}</Text>;
}
