// Composition of the app-wide providers: theme, language, server-state cache.
import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ApiRequestError } from '../lib/api-client';
import { I18nProvider, type Language } from '../lib/i18n';
import { cssVariablesResolver, theme } from './theme';

export const createQueryClient = (): QueryClient =>
  new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          count < 2 &&
          !(error instanceof ApiRequestError && error.status >= 400 && error.status < 500),
      },
      mutations: { retry: false },
    },
  });

export function Providers({
  client,
  children,
  language,
  env,
}: {
  client: QueryClient;
  children: ReactNode;
  language?: Language;
  /** 'test' turns off transitions and portals (component tests). */
  env?: 'default' | 'test';
}) {
  return (
    <MantineProvider
      env={env ?? 'default'}
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
    >
      <I18nProvider {...(language === undefined ? {} : { initialLanguage: language })}>
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
