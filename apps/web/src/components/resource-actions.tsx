// The actions on a resource card (one group for every kind): Edit opens the resource's wizard,
// Delete asks for confirmation naming the resource (the operator types its name), then follows
// the operation live. Nothing is shown to a role that cannot write. The dialog is a lazy chunk
// loaded on the first press; once loaded it stays mounted, so its typed name, Idempotency-Key and
// operation live as long as the button.
import { Button, Group } from '@mantine/core';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import type { DeletableKind } from '../lib/delete-resource';
import { ActionLink } from './action-link';
import { useI18n } from '../lib/i18n';
import { useCapabilities } from '../lib/session';

const DeleteDialog = lazy(() =>
  import('./delete-dialog').then((m) => ({ default: m.DeleteDialog })),
);

export interface ResourceRef {
  kind: DeletableKind;
  regionId: string;
  vpnGatewayId: string;
  id: string;
  name: string;
}

function DeleteButton({ resource }: { resource: ResourceRef }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const label = resource.name === '' ? resource.id : resource.name;
  return (
    <>
      <Button
        size="xs"
        color="red"
        variant="light"
        onClick={() => {
          setLoaded(true);
          setOpen(true);
        }}
      >
        {t('common.delete')}
      </Button>
      {loaded ? (
        <Suspense fallback={null}>
          <DeleteDialog
            kind={resource.kind}
            regionId={resource.regionId}
            vpnGatewayId={resource.vpnGatewayId}
            id={resource.id}
            label={label}
            opened={open}
            onClose={() => {
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}

/**
 * Edit and Delete for one resource, plus any further actions a card adds before them (`children`,
 * shown only to roles that can write, like Edit and Delete).
 */
export function ResourceActions({
  resource,
  editTo,
  children,
}: {
  resource: ResourceRef;
  editTo: string;
  children?: ReactNode;
}) {
  const { t } = useI18n();
  const { canWrite } = useCapabilities();
  if (!canWrite) return null;
  return (
    <Group gap="xs">
      {children}
      <ActionLink size="xs" variant="light" to={editTo} action="change">
        {t('common.edit')}
      </ActionLink>
      <DeleteButton resource={resource} />
    </Group>
  );
}
