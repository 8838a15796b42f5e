// In-place sign-in: the session ended while a page was open (a 401, the stream's `logout`
// event). A modal dialog asks to sign in again over the page, which stays mounted — route,
// wizard and form state included. Loaded lazily: the first screen never needs it.
import { Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { resumeSession } from '../../../lib/session';
import { useDemoAccounts } from '../api/get-demo-accounts';
import { login } from '../api/login';
import { DemoAccountList, LoginFields, loginFailureText, useLoginForm } from './login-form';

/**
 * Shown while the session has ended under an open page; it closes itself once the user has
 * signed in again (resumeSession clears the flag that renders it).
 */
export function SignInDialog({
  username,
}: {
  /** The account the page was signed in as (prefilled; another one may be used). */
  username: string;
}) {
  const { t } = useI18n();
  const client = useQueryClient();
  const demo = useDemoAccounts();
  const form = useLoginForm({ username, password: '' });
  // Where the user was (e.g. the wizard's submit button): focus goes back there afterwards.
  const [returnTo] = useState(() =>
    document.activeElement instanceof HTMLElement ? document.activeElement : null,
  );
  const mutation = useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      const account = resumeSession(client, session);
      if (account === 'same' && returnTo?.isConnected === true) {
        setTimeout(() => {
          returnTo.focus();
        }, 0);
      }
    },
  });

  return (
    <Modal
      opened
      onClose={() => undefined}
      title={t('session.expiredTitle')}
      withCloseButton={false}
      closeOnClickOutside={false}
      closeOnEscape={false}
      centered
      size="md"
    >
      <Stack>
        <Text size="sm">{t('session.expiredText')}</Text>
        <Text size="sm" c="dimmed">
          {t('session.otherAccountNote')}
        </Text>
        <LoginFields
          form={form}
          failure={loginFailureText(mutation.error, t)}
          pending={mutation.isPending}
          onSubmit={(request) => {
            mutation.mutate(request);
          }}
        />
        {demo.data == null ? null : (
          <DemoAccountList demo={demo.data} onUse={form.setValues} headingOrder={3} />
        )}
      </Stack>
    </Modal>
  );
}
