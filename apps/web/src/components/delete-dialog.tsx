// The delete confirmation (the operator types the resource's name), then the operation followed
// live. A lazy chunk of the gateway page: Modal, the error catalog and the progress view load
// when Delete is first pressed, not with the page (issue 6).
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient, type QueryKey } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ErrorExplanation } from './error-explanation';
import { OperationProgress } from './operation-progress';
import { ApiRequestError, newIdempotencyKey } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { useDeleteResource, type DeletableKind } from '../lib/delete-resource';
import { gatewayKeys } from '../lib/gateway-keys';

export function DeleteDialog({
  kind,
  regionId,
  vpnGatewayId,
  refresh,
  id,
  label,
  warning,
  opened,
  onClose,
}: {
  kind: DeletableKind;
  regionId: string;
  /** The gateway whose page refreshes after the delete; without one, `refresh` names what does. */
  vpnGatewayId?: string | undefined;
  refresh?: QueryKey | undefined;
  id: string;
  label: string;
  /** What deleting it does (default: the kind's own words in the main dictionaries). */
  warning?: string | undefined;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const [key] = useState(newIdempotencyKey);
  const mutation = useDeleteResource();
  const onDone = useCallback(() => {
    const queryKey =
      vpnGatewayId === undefined ? refresh : gatewayKeys.detail(regionId, vpnGatewayId);
    if (queryKey !== undefined) void client.invalidateQueries({ queryKey });
  }, [client, regionId, vpnGatewayId, refresh]);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('delete.title', { name: label })}
    >
      <Stack>
        <Text size="sm">
          {warning ??
            (kind === 'customer-gateway' ? '' : t(`delete.warning.${kind}`, { name: label }))}
        </Text>
        {mutation.data === undefined ? (
          <>
            <TextInput
              label={t('delete.typeName', { name: label })}
              value={typed}
              onChange={(e) => {
                setTyped(e.currentTarget.value);
              }}
            />
            {mutation.error instanceof ApiRequestError ? (
              <ErrorExplanation error={mutation.error.error} />
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button
                color="red"
                disabled={typed !== label}
                loading={mutation.isPending}
                onClick={() => {
                  mutation.mutate({ kind, regionId, id, idempotencyKey: key });
                }}
              >
                {t('delete.confirm', { name: label })}
              </Button>
            </Group>
          </>
        ) : (
          <OperationProgress operationId={mutation.data.id} onDone={onDone} />
        )}
      </Stack>
    </Modal>
  );
}
