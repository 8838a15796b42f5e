// A PSK as people may see it: masked with its fingerprint; operators reveal after a confirmation.
import { Button, Code, Group, Modal, Stack, Text } from '@mantine/core';
import type { SecretView } from '@vpn-console/shared/api/views';
import { useState } from 'react';
import { ErrorExplanation } from '../../../components/error-explanation';
import { ApiRequestError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCapabilities } from '../../../lib/session';
import { useRevealPsk, type RevealRequest } from '../api/reveal-psk';

export function PskView({
  psk,
  target,
  resourceName,
}: {
  psk: SecretView | undefined;
  target: RevealRequest;
  resourceName: string;
}) {
  const { t } = useI18n();
  const { canReveal } = useCapabilities();
  const [confirming, setConfirming] = useState(false);
  const reveal = useRevealPsk();
  if (psk === undefined) return <Text size="sm">{t('psk.none')}</Text>;
  const revealed = reveal.data?.psk ?? undefined;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Code aria-label={t('psk.masked')}>{revealed ?? psk.masked}</Code>
        <Text size="xs" c="dimmed">
          {t('psk.fingerprint')}: <Code>{psk.fingerprint}</Code>
        </Text>
        {canReveal && revealed === undefined ? (
          <Button
            size="compact-xs"
            variant="light"
            color="orange"
            onClick={() => {
              setConfirming(true);
            }}
          >
            {t('psk.reveal')}
          </Button>
        ) : null}
        {revealed === undefined ? null : (
          <Button
            size="compact-xs"
            variant="subtle"
            onClick={() => {
              reveal.reset();
            }}
          >
            {t('psk.hide')}
          </Button>
        )}
      </Group>
      {reveal.error instanceof ApiRequestError ? (
        <ErrorExplanation error={reveal.error.error} />
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('common.close') }}
        opened={confirming}
        onClose={() => {
          setConfirming(false);
        }}
        title={t('psk.revealTitle')}
      >
        <Stack>
          <Text size="sm">{t('psk.revealConfirm', { name: resourceName })}</Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('common.cancel')}
            </Button>
            <Button
              color="orange"
              loading={reveal.isPending}
              onClick={() => {
                reveal.mutate(target, {
                  onSettled: () => {
                    setConfirming(false);
                  },
                });
              }}
            >
              {t('psk.revealNow')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
