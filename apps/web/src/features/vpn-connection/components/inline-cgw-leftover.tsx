// After a connection create failed, the customer gateways the wizard created inline for it just
// before (issue 17 item 5): said plainly, with one click to delete each (an audited delete,
// followed to its end) or to keep it.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorExplanation } from '../../../components/error-explanation';
import { OperationProgress } from '../../../components/operation-progress';
import { wizardWords } from '../../../components/wizard/messages';
import { useWords } from '../../../lib/i18n';
import { ApiRequestError, newIdempotencyKey } from '../../../lib/api-client';
import { useDeleteResource } from '../../../lib/delete-resource';
import { vpnConnectionKeys } from '../api/keys';

export interface InlineCustomerGateway {
  id: string;
  ipAddress: string;
  name?: string | undefined;
}

function Leftover({
  regionId,
  cgw,
  onDeleted,
}: {
  regionId: string;
  cgw: InlineCustomerGateway;
  onDeleted: (id: string) => void;
}) {
  const { t, w: tw } = useWords(wizardWords);
  const client = useQueryClient();
  const [key] = useState(newIdempotencyKey);
  const [kept, setKept] = useState(false);
  const [deleted, setDeleted] = useState(false);
  const remove = useDeleteResource();
  const name = cgw.name === undefined || cgw.name === '' ? cgw.id : cgw.name;
  if (kept) return <Text size="sm">{tw('cgwLeft.kept', { name })}</Text>;
  if (deleted) return <Text size="sm">{tw('cgwLeft.deleted', { name })}</Text>;
  return (
    <Alert color="yellow" title={tw('cgwLeft.title')}>
      <Stack gap="xs">
        <Text size="sm">{tw('cgwLeft.text', { name, ip: cgw.ipAddress })}</Text>
        {remove.data === undefined ? (
          <Group gap="xs">
            <Button
              size="xs"
              color="red"
              loading={remove.isPending}
              onClick={() => {
                remove.mutate({
                  kind: 'customer-gateway',
                  regionId,
                  id: cgw.id,
                  idempotencyKey: key,
                });
              }}
            >
              {tw('cgwLeft.delete', { name })}
            </Button>
            <Button
              size="xs"
              variant="default"
              onClick={() => {
                setKept(true);
              }}
            >
              {tw('cgwLeft.keep')}
            </Button>
          </Group>
        ) : (
          <OperationProgress
            operationId={remove.data.id}
            onDone={(ok) => {
              void client.invalidateQueries({
                queryKey: vpnConnectionKeys.customerGateways(regionId),
              });
              if (ok) {
                setDeleted(true);
                onDeleted(cgw.id);
              }
            }}
          />
        )}
        {remove.error instanceof ApiRequestError ? (
          <ErrorExplanation error={remove.error.error} title={t('error.title')} />
        ) : null}
      </Stack>
    </Alert>
  );
}

/** One notice per customer gateway the failed create left behind. */
export function InlineCustomerGatewaysLeft({
  regionId,
  created,
  onDeleted,
}: {
  regionId: string;
  created: readonly InlineCustomerGateway[];
  /** A deleted one (its notice stays, saying so): the wizard goes back to creating it. */
  onDeleted: (id: string) => void;
}) {
  if (created.length === 0) return null;
  return (
    <Stack gap="xs">
      {created.map((cgw) => (
        <Leftover key={cgw.id} regionId={regionId} cgw={cgw} onDeleted={onDeleted} />
      ))}
    </Stack>
  );
}
