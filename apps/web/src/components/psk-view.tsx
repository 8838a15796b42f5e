// A PSK as people may see it: masked with its fingerprint; operators reveal after a confirmation.
import { Button, Code, Group, Stack, Text } from '@mantine/core';
import type { SecretView } from '@vpn-console/shared/api/views';
import { lazy, Suspense, useState } from 'react';
import { ApiRequestError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { useCapabilities } from '../lib/session';
import { useRevealPsk, type RevealRequest } from '../lib/reveal-psk';

// Lazy (issue 6): the confirmation's Modal loads on the first Reveal, the error catalog only when
// a reveal fails; neither is part of the gateway page's first screen.
const PskRevealDialog = lazy(() =>
  import('./psk-reveal-dialog').then((m) => ({ default: m.PskRevealDialog })),
);
// The "Check a key" form loads when opened (not part of the first screen either).
const PskCheckForm = lazy(() =>
  import('./psk-check-form').then((m) => ({ default: m.PskCheckForm })),
);
const ErrorExplanation = lazy(() =>
  import('./error-explanation').then((m) => ({ default: m.ErrorExplanation })),
);

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
  const [dialogLoaded, setDialogLoaded] = useState(false);
  const [checking, setChecking] = useState(false);
  const reveal = useRevealPsk();
  if (psk === undefined) return <Text size="sm">{t('psk.none')}</Text>;
  const revealed = reveal.data?.psk ?? undefined;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Code aria-label={t('psk.masked')}>{revealed ?? psk.masked}</Code>
        <Text size="xs" c="dimmed" title={t('psk.fingerprintHint')}>
          {t('common.labelled', { label: t('psk.fingerprint') })}
          <Code>{psk.fingerprint}</Code>
        </Text>
        <Button
          size="compact-xs"
          variant="subtle"
          aria-expanded={checking}
          onClick={() => {
            setChecking((open) => !open);
          }}
        >
          {t('psk.check')}
        </Button>
        {canReveal && revealed === undefined ? (
          <Button
            size="compact-xs"
            variant="light"
            color="orange"
            onClick={() => {
              setDialogLoaded(true);
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
      {checking ? (
        <Suspense fallback={null}>
          <PskCheckForm target={target} />
        </Suspense>
      ) : null}
      {reveal.error instanceof ApiRequestError ? (
        <Suspense fallback={null}>
          <ErrorExplanation error={reveal.error.error} />
        </Suspense>
      ) : null}
      {dialogLoaded ? (
        <Suspense fallback={null}>
          <PskRevealDialog
            opened={confirming}
            onClose={() => {
              setConfirming(false);
            }}
            pending={reveal.isPending}
            resourceName={resourceName}
            onConfirm={() => {
              reveal.mutate(target, {
                onSettled: () => {
                  setConfirming(false);
                },
              });
            }}
          />
        </Suspense>
      ) : null}
    </Stack>
  );
}
