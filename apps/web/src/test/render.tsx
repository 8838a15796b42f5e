import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { createQueryClient, Providers } from '../app/providers';
import { AppRoutes } from '../app/routes';
import type { Language } from '../lib/i18n';

/** Renders the whole app at a URL with a fresh QueryClient. */
export const renderApp = (path: string, language: Language = 'en') => {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false },
  });
  const utils = render(
    <Providers client={client} language={language} env="test">
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </Providers>,
  );
  return { ...utils, client };
};
