import { Alert, Code, Text } from '@mantine/core';
import type { ApiError } from '@vpn-console/shared/api/errors';
import { explainError } from '../lib/cloud-error-text';
import { useI18n } from '../lib/i18n';

/** A failure explained from the error catalog, with what to do next. */
export function ErrorExplanation({ error, title }: { error: ApiError; title?: string }) {
  const { t, catalogLocale } = useI18n();
  const e = explainError(error.code, catalogLocale, {
    highlighted: (error.issues?.length ?? 0) > 0,
  });
  return (
    <Alert color="red" role="alert" title={title ?? t('error.title')}>
      <Text size="sm">{e.text}</Text>
      <Text size="sm" mt={4}>
        <strong>{t('error.whatToDo')}</strong> {e.whatToDo}
      </Text>
      <Text size="xs" mt={4} c="dimmed">
        {t('common.labelled', { label: t('error.code') })}
        <Code>{error.code}</Code>
        {error.requestId === undefined ? null : (
          <>
            {' · '}
            {t('common.labelled', { label: t('error.requestId') })}
            <Code>{error.requestId}</Code>
          </>
        )}
      </Text>
    </Alert>
  );
}
