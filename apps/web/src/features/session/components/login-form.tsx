// The sign-in fields shared by the login page and the in-place sign-in dialog: two fields
// validated with the shared `loginRequestSchema` directly (no form wrapper: it would add ~14 kB
// gzip to the first screen, docs/decisions/0010-web-stack-and-first-screen-budget.md), and the
// demo accounts in demo mode.
import {
  Alert,
  Button,
  Code,
  Group,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { DemoAccountList as DemoAccounts } from '@vpn-console/shared/api/demo';
import { loginRequestSchema, type LoginRequest } from '@vpn-console/shared/api/session';
import { useState } from 'react';
import { ApiRequestError } from '../../../lib/api-client';
import { useI18n, type I18n } from '../../../lib/i18n';
import { issuesOf, issueText } from '../../../lib/issue-text';

export interface LoginFormState {
  values: LoginRequest;
  setValues: (values: LoginRequest) => void;
  fieldError: (field: 'username' | 'password') => string | undefined;
  /** Marks the fields touched and returns the request when it is valid. */
  validated: () => LoginRequest | undefined;
}

export const useLoginForm = (initial: LoginRequest = { username: '', password: '' }) => {
  const { catalogLocale } = useI18n();
  const [values, setValues] = useState(initial);
  const [touched, setTouched] = useState(false);
  const parsed = loginRequestSchema.safeParse(values);
  const state: LoginFormState = {
    values,
    setValues,
    fieldError: (field) => {
      if (!touched || parsed.success) return undefined;
      const issue = issuesOf(parsed.error).find((i) => i.path === field);
      return issue === undefined ? undefined : issueText(issue, catalogLocale);
    },
    validated: () => {
      setTouched(true);
      return parsed.success ? parsed.data : undefined;
    },
  };
  return state;
};

/** Why a sign-in failed, in the chosen language (undefined when it did not). */
export const loginFailureText = (error: Error | null, t: I18n['t']): string | undefined =>
  error === null
    ? undefined
    : error instanceof ApiRequestError && error.status === 429
      ? t('login.tooMany')
      : error instanceof ApiRequestError && error.status === 401
        ? t('login.failed')
        : t('error.network');

export function LoginFields({
  form,
  failure,
  pending,
  onSubmit,
}: {
  form: LoginFormState;
  failure: string | undefined;
  pending: boolean;
  onSubmit: (request: LoginRequest) => void;
}) {
  const { t } = useI18n();
  const { values, setValues } = form;
  return (
    <form
      noValidate
      aria-label={t('login.title')}
      onSubmit={(e) => {
        e.preventDefault();
        const request = form.validated();
        if (request !== undefined) onSubmit(request);
      }}
    >
      <Stack>
        <TextInput
          label={t('login.username')}
          required
          autoComplete="username"
          value={values.username}
          error={form.fieldError('username')}
          onChange={(e) => {
            setValues({ ...values, username: e.currentTarget.value });
          }}
        />
        <PasswordInput
          label={t('login.password')}
          required
          autoComplete="current-password"
          value={values.password}
          error={form.fieldError('password')}
          onChange={(e) => {
            setValues({ ...values, password: e.currentTarget.value });
          }}
        />
        {failure === undefined ? null : (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Button type="submit" loading={pending}>
          {t('login.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function DemoAccountList({
  demo,
  onUse,
  headingOrder,
}: {
  demo: DemoAccounts;
  onUse: (account: LoginRequest) => void;
  headingOrder: 2 | 3;
}) {
  const { t } = useI18n();
  return (
    <div>
      <Title order={headingOrder} size="h4" mb="xs">
        {t('login.demoAccounts')}
      </Title>
      <Text size="sm" mb="sm">
        {t('login.demoHint')}
      </Text>
      <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
        {demo.accounts.map((a) => (
          <Group component="li" key={a.username} justify="space-between" wrap="nowrap">
            <div>
              <Text size="sm" fw={600}>
                {a.username} · {t(`role.${a.role}`)}
              </Text>
              <Text size="xs">
                {t('common.labelled', { label: t('login.password') })}
                <Code>{a.password}</Code>
              </Text>
            </div>
            <Button
              size="xs"
              variant="light"
              aria-label={t('login.useAccount', { username: a.username })}
              onClick={() => {
                onUse({ username: a.username, password: a.password });
              }}
            >
              {t('login.use')}
            </Button>
          </Group>
        ))}
      </Stack>
    </div>
  );
}
