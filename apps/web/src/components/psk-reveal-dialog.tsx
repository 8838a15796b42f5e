// The confirmation before a PSK is revealed (and recorded in the audit log). A lazy chunk of the
// gateway page: Modal loads when Reveal is first pressed (issue 6).
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useI18n } from '../lib/i18n';

export function PskRevealDialog({
  opened,
  onClose,
  onConfirm,
  pending,
  resourceName,
}: {
  opened: boolean;
  onClose: () => void;
  onConfirm: () => void;
  pending: boolean;
  resourceName: string;
}) {
  const { t } = useI18n();
  return (
    <Modal
      closeButtonProps={{ 'aria-label': t('common.close') }}
      opened={opened}
      onClose={onClose}
      title={t('psk.revealTitle')}
    >
      <Stack>
        <Text size="sm">{t('psk.revealConfirm', { name: resourceName })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button color="orange" loading={pending} onClick={onConfirm}>
            {t('psk.revealNow')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
