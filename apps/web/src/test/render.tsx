import { act, render } from '@testing-library/react';
import { useEffect } from 'react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router';
import { createQueryClient, Providers } from '../app/providers';
import { AppRoutes } from '../app/routes';
import type { Language } from '../lib/i18n';

interface RouterHandle {
  url: string;
  go: (delta: number) => void;
}

/** Inside the router: tells the test the current URL and how to go back or forward. */
function RouterProbe({ onRender }: { onRender: (handle: RouterHandle) => void }) {
  const location = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    onRender({
      url: `${location.pathname}${location.search}`,
      go: (delta) => {
        void navigate(delta);
      },
    });
  }, [onRender, location, navigate]);
  return null;
}

/**
 * Renders the whole app at a URL with a fresh QueryClient. A list of URLs is a history: the app
 * is at the last one, the others are behind it (back).
 */
export const renderApp = (path: string | readonly string[], language: Language = 'en') => {
  const entries = typeof path === 'string' ? [path] : [...path];
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false },
  });
  let handle: RouterHandle = { url: entries.at(-1) ?? '/', go: () => undefined };
  const onRender = (next: RouterHandle) => {
    handle = next;
  };
  const utils = render(
    <Providers client={client} language={language} env="test">
      <MemoryRouter initialEntries={entries} initialIndex={entries.length - 1}>
        <AppRoutes />
        <RouterProbe onRender={onRender} />
      </MemoryRouter>
    </Providers>,
  );
  const router = {
    /** The URL the app is at now (path and query). */
    url: () => handle.url,
    /** The browser's back (-1) or forward (1). */
    go: (delta: number) => {
      act(() => {
        handle.go(delta);
      });
    },
  };
  return { ...utils, client, router };
};
