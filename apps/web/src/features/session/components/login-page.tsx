import { Alert, Center, Paper, Stack, Title } from '@mantine/core';
import { LanguageSwitch } from '../../../components/language-switch';
import { useI18n } from '../../../lib/i18n';
import { useDemoAccounts } from '../api/get-demo-accounts';
import { useLogin } from '../api/login';
import { DemoAccountList, LoginFields, loginFailureText, useLoginForm } from './login-form';

export function LoginPage({ onLoggedIn }: { onLoggedIn: () => void }) {
  const { t } = useI18n();
  const demo = useDemoAccounts();
  const mutation = useLogin();
  const form = useLoginForm();

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
            <LoginFields
              form={form}
              failure={loginFailureText(mutation.error, t)}
              pending={mutation.isPending}
              onSubmit={(request) => {
                mutation.mutate(request, { onSuccess: onLoggedIn });
              }}
            />
          </Stack>
        </Paper>
        {demo.data == null ? null : (
          <Paper withBorder p="lg" radius="md">
            <DemoAccountList demo={demo.data} onUse={form.setValues} headingOrder={2} />
          </Paper>
        )}
      </Stack>
    </Center>
  );
}
