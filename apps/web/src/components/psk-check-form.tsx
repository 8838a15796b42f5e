// "Check a key": anyone signed in compares a key they have with the resource's PSK without
// seeing it. The server answers only match or not; every check is audited and rate-limited.
import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import { ApiRequestError } from '../lib/api-client';
import { useCheckPsk } from '../lib/check-psk';
import { useI18n } from '../lib/i18n';
import type { RevealRequest } from '../lib/reveal-psk';

const ErrorExplanation = lazy(() =>
  import('./error-explanation').then((m) => ({ default: m.ErrorExplanation })),
);

export function PskCheckForm({ target }: { target: RevealRequest }) {
  const { t } = useI18n();
  const [candidate, setCandidate] = useState('');
  const check = useCheckPsk();
  const answer = check.data?.match;
  return (
    <Stack gap={4}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (candidate === '') return;
          check.mutate({ target, psk: candidate });
        }}
      >
        <Group gap="xs" align="end">
          <PasswordInput
            size="xs"
            label={t('psk.checkLabel')}
            autoComplete="off"
            value={candidate}
            onChange={(event) => {
              setCandidate(event.currentTarget.value);
              check.reset();
            }}
          />
          <Button
            type="submit"
            size="compact-sm"
            variant="light"
            disabled={candidate === ''}
            loading={check.isPending}
          >
            {t('psk.checkSubmit')}
          </Button>
        </Group>
      </form>
      {answer === undefined ? null : (
        <Text size="sm" role="status" c={answer ? 'green' : 'red'}>
          {answer ? t('psk.checkMatch') : t('psk.checkNoMatch')}
        </Text>
      )}
      {check.error instanceof ApiRequestError ? (
        <Suspense fallback={null}>
          <ErrorExplanation error={check.error.error} />
        </Suspense>
      ) : null}
      <Text size="xs" c="dimmed">
        {t('psk.checkAudited')}
      </Text>
    </Stack>
  );
}
