// Delete asks for confirmation naming the resource (the operator types its name), then follows
// the operation live. The dialog is a lazy chunk loaded on the first press; once loaded it stays
// mounted, so its typed name, Idempotency-Key and operation live as long as the button.
import { Button } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import type { DeletableKind } from '../api/delete-resource';

const DeleteDialog = lazy(() =>
  import('./delete-dialog').then((m) => ({ default: m.DeleteDialog })),
);

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
  const [open, setOpen] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const label = name === '' ? id : name;
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
            kind={kind}
            regionId={regionId}
            vpnGatewayId={vpnGatewayId}
            id={id}
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
