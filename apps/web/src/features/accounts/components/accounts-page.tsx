import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  createAccountRequestSchema,
  type AccountView,
  type CreateAccountRequest,
} from '@vpn-console/shared/api/accounts';
import { roles, type Role } from '@vpn-console/shared/api/session';
import { ISSUE_CODES } from '@vpn-console/shared/errors/issue-codes';
import { useState } from 'react';
import { applyServerIssues, SchemaForm, useSchemaForm } from '../../../components/form';
import { SelectField } from '../../../components/choice-fields';
import { SecretField, TextField } from '../../../components/fields';
import { ErrorExplanation } from '../../../components/error-explanation';
import { ApiRequestError } from '../../../lib/api-client';
import { accountsWords } from '../messages';
import { useWords } from '../../../lib/i18n';
import { useCapabilities, useSession } from '../../../lib/session';
import { useChangeAccount } from '../api/change-account';
import { useCreateAccount } from '../api/create-account';
import { useEndSessions } from '../api/end-sessions';
import { useAccounts } from '../api/list-accounts';
import { AccountActionDialog, type AccountAction } from './account-action-dialog';
import { DemoControls } from './demo-controls';

const isRole = (v: string | null): v is Role => roles.some((r) => r === v);

/** Why this account's role and state cannot be changed here, or undefined when they can. */
const lockReason = (
  account: AccountView,
  selfId: string | undefined,
  enabledAdmins: number,
): 'self' | 'lastAdmin' | undefined => {
  if (account.id === selfId) return 'self';
  if (account.role === 'admin' && !account.disabled && enabledAdmins <= 1) return 'lastAdmin';
  return undefined;
};

export function AccountsPage() {
  const { t, w: ta, formatDateTime } = useWords(accountsWords);
  const { canManageAccounts } = useCapabilities();
  const session = useSession();
  const accounts = useAccounts(canManageAccounts);
  const create = useCreateAccount();
  const change = useChangeAccount();
  const end = useEndSessions();
  const [action, setAction] = useState<AccountAction | undefined>(undefined);
  const [done, setDone] = useState<string | undefined>(undefined);
  const form = useSchemaForm(createAccountRequestSchema, {
    username: '',
    password: '',
    role: 'viewer',
  });
  if (!canManageAccounts) return <Alert color="red">{ta('accounts.forbidden')}</Alert>;
  const selfId = session.data?.account.id;
  const items = accounts.data?.items ?? [];
  const enabledAdmins = items.filter((a) => a.role === 'admin' && !a.disabled).length;
  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const submit = (values: CreateAccountRequest) => {
    const key = values.username.toLowerCase();
    if (items.some((a) => a.username.toLowerCase() === key)) {
      form.setError(
        'username',
        { type: ISSUE_CODES.USERNAME_TAKEN, message: '{}' },
        { shouldFocus: true },
      );
      return;
    }
    setDone(undefined);
    create.mutate(values, {
      onSuccess: (created) => {
        form.reset();
        setDone(ta('accounts.done.create', { username: created.username }));
      },
      onError: (error) => {
        if (error instanceof ApiRequestError) {
          applyServerIssues(form, error.error.issues ?? [], ['username', 'password', 'role']);
        }
      },
    });
  };
  const open = (next: AccountAction) => {
    change.reset();
    end.reset();
    setDone(undefined);
    setAction(next);
  };
  const confirm = (password?: string) => {
    if (action === undefined) return;
    const { account } = action;
    const finished = () => {
      setDone(
        ta(`accounts.done.${action.kind}`, {
          username: account.username,
          role: action.kind === 'role' ? t(`role.${action.role}`) : '',
        }),
      );
      setAction(undefined);
    };
    if (action.kind === 'endSessions') {
      end.mutate(account.id, { onSuccess: finished });
      return;
    }
    const body =
      action.kind === 'role'
        ? { role: action.role }
        : action.kind === 'password'
          ? { password: password ?? '' }
          : { disabled: action.kind === 'disable' };
    change.mutate({ id: account.id, change: body }, { onSuccess: finished });
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        {ta('accounts.title')}
      </Title>
      {session.data?.demo === true ? <DemoControls /> : null}
      {accounts.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {done === undefined ? null : (
        <Alert color="green" role="status">
          {done}
        </Alert>
      )}
      {accounts.data === undefined ? null : (
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('login.username')}</Table.Th>
                <Table.Th>{t('login.role')}</Table.Th>
                <Table.Th>{ta('accounts.state')}</Table.Th>
                <Table.Th>{ta('accounts.lastLogin')}</Table.Th>
                <Table.Th>{ta('accounts.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => {
                const locked = lockReason(a, selfId, enabledAdmins);
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {a.username}
                      </Text>
                      {locked === undefined ? null : (
                        <Text size="xs" c="dimmed">
                          {ta(locked === 'self' ? 'accounts.selfNote' : 'accounts.lastAdminNote')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        size="xs"
                        w={140}
                        aria-label={ta('accounts.roleOf', { username: a.username })}
                        data={roleOptions}
                        value={a.role}
                        allowDeselect={false}
                        disabled={locked !== undefined}
                        onChange={(v) => {
                          if (isRole(v) && v !== a.role)
                            open({ kind: 'role', account: a, role: v });
                        }}
                      />
                    </Table.Td>
                    <Table.Td>
                      <Badge color={a.disabled ? 'gray' : 'green'} variant="light">
                        {a.disabled ? ta('accounts.disabled') : ta('accounts.enabled')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {a.lastLoginAt === null
                          ? ta('accounts.never')
                          : formatDateTime(a.lastLoginAt)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="wrap">
                        <Button
                          size="xs"
                          variant="light"
                          color={a.disabled ? 'green' : 'red'}
                          disabled={locked !== undefined}
                          aria-label={ta(a.disabled ? 'accounts.enableOf' : 'accounts.disableOf', {
                            username: a.username,
                          })}
                          onClick={() => {
                            open({ kind: a.disabled ? 'enable' : 'disable', account: a });
                          }}
                        >
                          {a.disabled ? ta('accounts.enable') : ta('accounts.disable')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          aria-label={ta('accounts.resetPasswordOf', { username: a.username })}
                          onClick={() => {
                            open({ kind: 'password', account: a });
                          }}
                        >
                          {ta('accounts.resetPassword')}
                        </Button>
                        <Button
                          size="xs"
                          variant="default"
                          disabled={a.id === selfId}
                          aria-label={ta('accounts.endSessionsOf', { username: a.username })}
                          onClick={() => {
                            open({ kind: 'endSessions', account: a });
                          }}
                        >
                          {ta('accounts.endSessions')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {action === undefined ? null : (
        <AccountActionDialog
          key={`${action.kind}-${action.account.id}`}
          action={action}
          pending={change.isPending || end.isPending}
          error={action.kind === 'endSessions' ? end.error : change.error}
          onConfirm={confirm}
          onClose={() => {
            setAction(undefined);
          }}
        />
      )}
      <Paper withBorder p="md" maw={480}>
        <Title order={2} size="h4" mb="sm">
          {ta('accounts.create')}
        </Title>
        <SchemaForm form={form} onSubmit={submit} label={ta('accounts.create')}>
          <Stack>
            <TextField name="username" label={t('login.username')} required />
            <SecretField
              name="password"
              label={t('login.password')}
              required
              description={ta('accounts.passwordHint')}
            />
            <SelectField name="role" label={t('login.role')} options={roleOptions} required />
            {create.error instanceof ApiRequestError &&
            (create.error.error.issues ?? []).length === 0 ? (
              <ErrorExplanation error={create.error.error} />
            ) : null}
            <Group>
              <Button type="submit" loading={create.isPending}>
                {ta('accounts.create')}
              </Button>
            </Group>
          </Stack>
        </SchemaForm>
      </Paper>
    </Stack>
  );
}
