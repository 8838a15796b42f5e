// Follows one operation live: queued → applying → waiting for gateway → done (or failed).
import { Group, Loader, Stack, Stepper, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useI18n } from '../lib/i18n';
import { useOperation } from '../lib/operations';
import { ErrorExplanation } from './error-explanation';

const order = ['queued', 'applying', 'waiting-for-gateway', 'succeeded'] as const;

export function OperationProgress({
  operationId,
  onDone,
}: {
  operationId: string;
  onDone?: (succeeded: boolean) => void;
}) {
  const { t } = useI18n();
  const { data: op } = useOperation(operationId);
  const state = op?.state;
  // Told once per end, whatever the caller's callback identity.
  const reported = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (state !== 'succeeded' && state !== 'failed') return;
    if (reported.current === state) return;
    reported.current = state;
    onDone?.(state === 'succeeded');
  }, [state, onDone]);

  const active =
    state === undefined ? 0 : state === 'failed' ? 1 : Math.max(0, order.indexOf(state));
  return (
    <Stack gap="sm" aria-live="polite">
      <Stepper active={state === 'succeeded' ? order.length : active} size="sm">
        <Stepper.Step label={t('op.queued')} />
        <Stepper.Step label={t('op.applying')} />
        <Stepper.Step label={t('op.waiting')} />
        <Stepper.Step label={t('op.done')} />
      </Stepper>
      {state === undefined || state === 'succeeded' || state === 'failed' ? null : (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">
            {state === 'queued' && op?.queuePosition !== undefined
              ? t('op.queuedAt', { position: op.queuePosition + 1 })
              : t(
                  state === 'queued'
                    ? 'op.queued'
                    : state === 'applying'
                      ? 'op.applying'
                      : 'op.waiting',
                )}
          </Text>
        </Group>
      )}
      {state === 'succeeded' ? <Text size="sm">{t('op.succeeded')}</Text> : null}
      {state === 'failed' && op?.error !== undefined ? (
        <ErrorExplanation error={op.error} title={t('op.failed')} />
      ) : null}
    </Stack>
  );
}
