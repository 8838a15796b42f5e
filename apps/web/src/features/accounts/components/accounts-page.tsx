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
  Title,
} from '@mantine/core';
import {
  createAccountRequestSchema,
  type CreateAccountRequest,
} from '@vpn-console/shared/api/accounts';
import { roles, type Role } from '@vpn-console/shared/api/session';
import { applyServerIssues, SchemaForm, useSchemaForm } from '../../../components/form';
import { SelectField } from '../../../components/choice-fields';
import { SecretField, TextField } from '../../../components/fields';
import { ErrorExplanation } from '../../../components/error-explanation';
import { ApiRequestError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useCapabilities } from '../../../lib/session';
import { useChangeAccount } from '../api/change-account';
import { useCreateAccount } from '../api/create-account';
import { useAccounts } from '../api/list-accounts';

const isRole = (v: string | null): v is Role => roles.some((r) => r === v);

export function AccountsPage() {
  const { t } = useI18n();
  const { canManageAccounts } = useCapabilities();
  const accounts = useAccounts(canManageAccounts);
  const create = useCreateAccount();
  const change = useChangeAccount();
  const form = useSchemaForm(createAccountRequestSchema, {
    username: '',
    password: '',
    role: 'viewer',
  });
  if (!canManageAccounts) return <Alert color="red">{t('accounts.forbidden')}</Alert>;
  const roleOptions = roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
  const submit = (values: CreateAccountRequest) => {
    create.mutate(values, {
      onSuccess: () => {
        form.reset();
      },
      onError: (error) => {
        if (error instanceof ApiRequestError) {
          applyServerIssues(form, error.error.issues ?? [], ['username', 'password', 'role']);
        }
      },
    });
  };
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('accounts.title')}
      </Title>
      {accounts.isPending ? <Loader aria-label={t('common.loading')} /> : null}
      {accounts.data === undefined ? null : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('login.username')}</Table.Th>
              <Table.Th>{t('login.role')}</Table.Th>
              <Table.Th>{t('accounts.state')}</Table.Th>
              <Table.Th>{t('accounts.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.data.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{a.username}</Table.Td>
                <Table.Td>
                  <Select
                    size="xs"
                    w={140}
                    aria-label={t('accounts.roleOf', { username: a.username })}
                    data={roleOptions}
                    value={a.role}
                    allowDeselect={false}
                    onChange={(v) => {
                      if (isRole(v)) change.mutate({ id: a.id, change: { role: v } });
                    }}
                  />
                </Table.Td>
                <Table.Td>
                  <Badge color={a.disabled ? 'gray' : 'green'} variant="light">
                    {a.disabled ? t('accounts.disabled') : t('accounts.enabled')}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="light"
                    color={a.disabled ? 'green' : 'red'}
                    onClick={() => {
                      change.mutate({ id: a.id, change: { disabled: !a.disabled } });
                    }}
                  >
                    {a.disabled ? t('accounts.enable') : t('accounts.disable')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {change.error instanceof ApiRequestError ? (
        <ErrorExplanation error={change.error.error} />
      ) : null}
      <Paper withBorder p="md" maw={480}>
        <Title order={2} size="h4" mb="sm">
          {t('accounts.create')}
        </Title>
        <SchemaForm form={form} onSubmit={submit} label={t('accounts.create')}>
          <Stack>
            <TextField name="username" label={t('login.username')} required />
            <SecretField
              name="password"
              label={t('login.password')}
              required
              description={t('accounts.passwordHint')}
            />
            <SelectField name="role" label={t('login.role')} options={roleOptions} required />
            <Group>
              <Button type="submit" loading={create.isPending}>
                {t('accounts.create')}
              </Button>
            </Group>
          </Stack>
        </SchemaForm>
      </Paper>
    </Stack>
  );
}
