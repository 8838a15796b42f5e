// One confirmation for every account change an admin makes (issue 17: role changes and Disable
// applied in one click): it says what happens to the person, asks for the new password when
// resetting it, and shows the server's refusal (LastAdmin, SelfLockout, a weak password) in place.
import { Alert, Button, Group, Modal, PasswordInput, Stack, Text } from '@mantine/core';
import type { AccountView } from '@vpn-console/shared/api/accounts';
import { passwordSchema } from '@vpn-console/shared/api/accounts';
import type { Role } from '@vpn-console/shared/api/session';
import { useState } from 'react';
import { ErrorExplanation } from '../../../components/error-explanation';
import { ApiRequestError } from '../../../lib/api-client';
import { accountsWords } from '../messages';
import { useWords } from '../../../lib/i18n';
import { issuesOf, issueText } from '../../../lib/issue-text';

export type AccountAction =
  | { kind: 'role'; account: AccountView; role: Role }
  | { kind: 'disable' | 'enable' | 'endSessions' | 'password'; account: AccountView };

export function AccountActionDialog({
  action,
  pending,
  error,
  onConfirm,
  onClose,
}: {
  action: AccountAction;
  pending: boolean;
  error: unknown;
  onConfirm: (password?: string) => void;
  onClose: () => void;
}) {
  const { t, w: ta, catalogLocale } = useWords(accountsWords);
  const [password, setPassword] = useState('');
  const [touched, setTouched] = useState(false);
  const username = action.account.username;
  const role = action.kind === 'role' ? t(`role.${action.role}`) : '';
  const checked = passwordSchema.safeParse(password);
  const passwordIssue = checked.success ? undefined : issuesOf(checked.error)[0];
  const serverIssue =
    error instanceof ApiRequestError
      ? error.error.issues?.find((i) => i.path === 'password')
      : undefined;
  const passwordError =
    serverIssue !== undefined
      ? issueText(serverIssue, catalogLocale)
      : touched && passwordIssue !== undefined
        ? issueText(passwordIssue, catalogLocale)
        : undefined;
  const submit = () => {
    if (action.kind === 'password') {
      setTouched(true);
      if (!checked.success) return;
      onConfirm(password);
      return;
    }
    onConfirm();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      title={ta(`accounts.confirm.${action.kind}.title`, { username, role })}
    >
      <Stack>
        <Text size="sm">{ta(`accounts.confirm.${action.kind}.body`, { username, role })}</Text>
        {action.kind === 'password' ? (
          <PasswordInput
            label={ta('accounts.newPassword')}
            description={ta('accounts.passwordHint')}
            required
            value={password}
            error={passwordError}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
            }}
            onBlur={() => {
              setTouched(true);
            }}
          />
        ) : null}
        {error instanceof ApiRequestError && serverIssue === undefined ? (
          <ErrorExplanation error={error.error} />
        ) : null}
        {error !== null && !(error instanceof ApiRequestError) ? (
          <Alert color="red" role="alert">
            {t('error.title')}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            color={action.kind === 'disable' || action.kind === 'endSessions' ? 'red' : 'blue'}
            loading={pending}
            onClick={submit}
          >
            {ta(`accounts.confirm.${action.kind}.button`)}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
