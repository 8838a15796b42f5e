// A link that starts a wizard on the open gateway, or, when the gateway cannot take that action
// (locked for an overdue payment, SSL-VPN off, a version without IPsec server, its one server
// already there), a disabled button with the reason beside it: the operator learns it before
// filling five steps, not after (issue 17).
import { Button, Group, type ButtonProps } from '@mantine/core';
import type { GatewayAction } from '@vpn-console/shared/common/gateway-actions';
import { lazy, Suspense, useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useActionBlock } from '../lib/gateway-actions';

const ActionBlockReason = lazy(() =>
  import('./action-block-reason').then((m) => ({ default: m.ActionBlockReason })),
);

export function ActionLink({
  to,
  action,
  children,
  ...button
}: {
  to: string;
  action: GatewayAction;
  children: ReactNode;
} & Pick<ButtonProps, 'size' | 'variant'>) {
  const block = useActionBlock(action);
  const reasonId = useId();
  if (block === undefined) {
    return (
      <Button component={Link} to={to} {...button}>
        {children}
      </Button>
    );
  }
  return (
    // The button keeps its width (the theme's rule); the reason takes what is left and wraps.
    <Group gap="xs" wrap="nowrap" align="center">
      <Button disabled aria-describedby={reasonId} {...button}>
        {children}
      </Button>
      <Suspense fallback={null}>
        <ActionBlockReason id={reasonId} size="sm" block={block} />
      </Suspense>
    </Group>
  );
}
