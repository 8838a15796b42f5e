import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useRegions } from '../features/gateways/api/list-regions';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';

export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const location = useLocation();
  const { data, isPending } = useSession();
  if (isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (data == null) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

export function RootRedirect() {
  const { t } = useI18n();
  const { data, isError } = useRegions();
  if (isError) return <Navigate to="/gateways" replace />;
  const first = data?.items[0]?.regionId;
  if (data === undefined) return <Loader aria-label={t('common.loading')} />;
  return <Navigate to={first === undefined ? '/gateways' : `/regions/${first}/gateways`} replace />;
}
