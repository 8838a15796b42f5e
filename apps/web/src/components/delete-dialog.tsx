// The delete confirmation (the operator types the resource's name), then the operation followed
// live. A lazy chunk of the gateway page: Modal, the error catalog and the progress view load
// when Delete is first pressed, not with the page (issue 6).
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
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
  id,
  label,
  opened,
  onClose,
}: {
  kind: DeletableKind;
  regionId: string;
  vpnGatewayId: string;
  id: string;
  label: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [typed, setTyped] = useState('');
  const [key] = useState(newIdempotencyKey);
  const mutation = useDeleteResource();
  const onDone = useCallback(() => {
    void client.invalidateQueries({ queryKey: gatewayKeys.detail(regionId, vpnGatewayId) });
  }, [client, regionId, vpnGatewayId]);
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('delete.title', { name: label })}
    >
      <Stack>
        <Text size="sm">{t(`delete.warning.${kind}`, { name: label })}</Text>
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
