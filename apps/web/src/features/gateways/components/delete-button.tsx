// Delete asks for confirmation naming the resource (the operator types its name), then follows
// the operation live.
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ErrorExplanation } from '../../../components/error-explanation';
import { OperationProgress } from '../../../components/operation-progress';
import { ApiRequestError, newIdempotencyKey } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useDeleteResource, type DeletableKind } from '../api/delete-resource';
import { gatewayKeys } from '../api/keys';

export function DeleteButton({
  kind,
  regionId,
  vpnGatewayId,
  id,
  name,
}: {
  kind: DeletableKind;
  regionId: string;
  vpnGatewayId: string;
  id: string;
  name: string;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [key] = useState(newIdempotencyKey);
  const mutation = useDeleteResource();
  const label = name === '' ? id : name;
  const onDone = useCallback(() => {
    void client.invalidateQueries({ queryKey: gatewayKeys.detail(regionId, vpnGatewayId) });
  }, [client, regionId, vpnGatewayId]);
  return (
    <>
      <Button
        size="xs"
        color="red"
        variant="light"
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('common.delete')}
      </Button>
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={open}
        onClose={() => {
          setOpen(false);
        }}
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
                <Button
                  variant="default"
                  onClick={() => {
                    setOpen(false);
                  }}
                >
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
    </>
  );
}
