import {
  Alert,
  Button,
  Center,
  Code,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { loginRequestSchema } from '@vpn-console/shared/api/session';
import { useState } from 'react';
import { LanguageSwitch } from '../../../components/language-switch';
import { ApiRequestError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { issuesOf, issueText } from '../../../lib/issue-text';
import { useDemoAccounts } from '../api/get-demo-accounts';
import { useLogin } from '../api/login';

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useI18n();
  const demo = useDemoAccounts();
  const mutation = useLogin();
  // Two fields: validated with the shared schema directly. The form wrapper (react-hook-form)
  // would add ~14 kB gzip to the first screen (docs/decisions/0010-web-stack-and-first-screen-budget.md).
  const [values, setValues] = useState({ username: '', password: '' });
  const [touched, setTouched] = useState(false);
  const { catalogLocale } = useI18n();
  const parsed = loginRequestSchema.safeParse(values);
  const fieldError = (field: 'username' | 'password') => {
    if (!touched || parsed.success) return undefined;
    const issue = issuesOf(parsed.error).find((i) => i.path === field);
    return issue === undefined ? undefined : issueText(issue, catalogLocale);
  };
  const submit = () => {
    setTouched(true);
    if (parsed.success) mutation.mutate(parsed.data, { onSuccess: onLoggedIn });
  };

  const failure =
    mutation.error === null
      ? undefined
      : mutation.error instanceof ApiRequestError && mutation.error.status === 429
        ? t('login.tooMany')
        : mutation.error instanceof ApiRequestError && mutation.error.status === 401
          ? t('login.failed')
          : t('error.network');

  return (
    <Center mih="100vh" p="md" component="main">
      <Stack w={440} gap="md">
        {demo.data == null ? null : (
          <Alert color="yellow" title={t('demo.bannerTitle')}>
            {t('demo.bannerText')}
          </Alert>
        )}
        <Paper withBorder p="lg" radius="md">
          <Stack>
            <Title order={1} size="h2">
              {t('app.title')}
            </Title>
            <LanguageSwitch />
            <form
              noValidate
              aria-label={t('login.title')}
              onSubmit={(e) => {
                e.preventDefault();
                submit();
              }}
            >
              <Stack>
                <TextInput
                  label={t('login.username')}
                  required
                  autoComplete="username"
                  value={values.username}
                  error={fieldError('username')}
                  onChange={(e) => {
                    setValues({ ...values, username: e.currentTarget.value });
                  }}
                />
                <PasswordInput
                  label={t('login.password')}
                  required
                  autoComplete="current-password"
                  value={values.password}
                  error={fieldError('password')}
                  onChange={(e) => {
                    setValues({ ...values, password: e.currentTarget.value });
                  }}
                />
                {failure === undefined ? null : (
                  <Alert color="red" role="alert">
                    {failure}
                  </Alert>
                )}
                <Button type="submit" loading={mutation.isPending}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
        {demo.data == null ? null : (
          <Paper withBorder p="lg" radius="md">
            <Title order={2} size="h4" mb="xs">
              {t('login.demoAccounts')}
            </Title>
            <Text size="sm" mb="sm">
              {t('login.demoHint')}
            </Text>
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {demo.data.accounts.map((a) => (
                <Group component="li" key={a.username} justify="space-between" wrap="nowrap">
                  <div>
                    <Text size="sm" fw={600}>
                      {a.username} · {t(`role.${a.role}`)}
                    </Text>
                    <Text size="xs">
                      {t('login.password')}: <Code>{a.password}</Code>
                    </Text>
                  </div>
                  <Button
                    size="xs"
                    variant="light"
                    aria-label={t('login.useAccount', { username: a.username })}
                    onClick={() => {
                      setValues({ username: a.username, password: a.password });
                    }}
                  >
                    {t('login.use')}
                  </Button>
                </Group>
              ))}
            </Stack>
          </Paper>
        )}
      </Stack>
    </Center>
  );
}
