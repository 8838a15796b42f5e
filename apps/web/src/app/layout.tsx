// The shell: top bar (region, language, user and role), demo banner, live-stream state.
import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Stack,
  Text,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { Link, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { CompactSelect } from '../components/compact-select';
import { LanguageSwitch } from '../components/language-switch';
import { useRegions } from '../features/gateways/api/list-regions';
import { useLogout } from '../features/session/api/logout';
import { setUnauthorizedHandler } from '../lib/api-client';
import { useI18n } from '../lib/i18n';
import { useRegionName } from '../lib/region-name';
import { startEventStream, useStreamState } from '../lib/live-status';
import { markSessionExpired, useCapabilities, useSession, useSessionExpired } from '../lib/session';

// Only needed once a session ends under an open page: kept out of the first screen.
const SignInDialog = lazy(() =>
  import('../features/session/components/sign-in-dialog').then((m) => ({
    default: m.SignInDialog,
  })),
);

function StreamIndicator() {
  const { t, formatTime } = useI18n();
  const state = useStreamState().data;
  if (state === undefined) return null;
  return state.connected ? (
    <Badge color="green" variant="dot">
      {t('live.connected')}
    </Badge>
  ) : (
    <Badge color="yellow" variant="dot">
      {state.downSince === null
        ? t('live.disconnected')
        : t('live.staleSince', { time: formatTime(state.downSince) })}
    </Badge>
  );
}

function RegionPicker() {
  const { t } = useI18n();
  const { regionId } = useParams();
  const navigate = useNavigate();
  const regions = useRegions();
  const regionName = useRegionName();
  return (
    <CompactSelect
      label={t('shell.region')}
      width={220}
      options={[
        { value: '', label: t('shell.allRegions') },
        ...(regions.data?.items ?? []).map((r) => ({
          value: r.regionId,
          label: `${regionName(r.regionId, r.localName)} (${r.regionId})`,
        })),
      ]}
      value={regionId ?? ''}
      onChange={(v) => {
        void navigate(v === '' ? '/gateways' : `/regions/${v}/gateways`);
      }}
    />
  );
}

export function AppLayout() {
  const { t } = useI18n();
  const client = useQueryClient();
  const session = useSession().data;
  const caps = useCapabilities();
  const logout = useLogout();
  const navigate = useNavigate();
  const location = useLocation();

  const expired = useSessionExpired();

  // A 401 under an open page (not on a cold start: that goes to the sign-in page) or the
  // stream's `logout` event: the page stays and the sign-in dialog opens over it.
  useEffect(() => {
    setUnauthorizedHandler(() => {
      markSessionExpired(client);
    });
    return () => {
      setUnauthorizedHandler(undefined);
    };
  }, [client]);

  // The stream runs while the session does; signing in again opens a new one.
  useEffect(() => {
    if (expired) return undefined;
    return startEventStream({
      client,
      onLogout: () => {
        markSessionExpired(client);
      },
    });
  }, [client, expired]);

  if (session == null) return null;
  const region = /^\/regions\/([^/]+)/.exec(location.pathname)?.[1];

  const nav = [
    {
      to: region === undefined ? '/' : `/regions/${region}/gateways`,
      label: t('nav.gateways'),
      active:
        location.pathname.startsWith('/regions') &&
        !location.pathname.endsWith('/customer-gateways'),
    },
    { to: '/gateways', label: t('nav.allRegions'), active: location.pathname === '/gateways' },
    {
      to: region === undefined ? '/customer-gateways' : `/regions/${region}/customer-gateways`,
      label: t('nav.customerGateways'),
      active: location.pathname.endsWith('customer-gateways'),
    },
    { to: '/health', label: t('nav.health'), active: location.pathname === '/health' },
    ...(caps.canReadAudit
      ? [{ to: '/audit', label: t('nav.audit'), active: location.pathname === '/audit' }]
      : []),
    ...(caps.canManageAccounts
      ? [{ to: '/accounts', label: t('nav.accounts'), active: location.pathname === '/accounts' }]
      : []),
  ];

  return (
    <Box mih="100vh">
      <Box component="header" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {session.demo ? (
          <Alert color="yellow" radius={0} py={6} role="note" aria-label={t('demo.bannerTitle')}>
            <Text size="sm" fw={600}>
              {t('demo.bannerTitle')} — {t('demo.bannerText')}
            </Text>
          </Alert>
        ) : null}
        <Group mih={56} px="md" py={6} justify="space-between">
          <Anchor component={Link} to="/" fw={700} c="dark" underline="never">
            {t('app.title')}
          </Anchor>
          <Group gap="sm">
            <RegionPicker />
            <StreamIndicator />
            <LanguageSwitch />
            <Text size="sm">{session.account.username}</Text>
            <Badge variant="outline">{t(`role.${session.account.role}`)}</Badge>
            <Button
              size="xs"
              variant="default"
              loading={logout.isPending}
              onClick={() => {
                logout.mutate(undefined, {
                  onSettled: () => {
                    void navigate('/login', { replace: true });
                  },
                });
              }}
            >
              {t('shell.logout')}
            </Button>
          </Group>
        </Group>
      </Box>
      <Box style={{ display: 'flex', alignItems: 'stretch' }}>
        <Box
          component="nav"
          aria-label={t('shell.navigation')}
          w={200}
          p="xs"
          style={{ flexShrink: 0 }}
        >
          <Stack gap={2}>
            {nav.map((n) => (
              <Button
                key={n.to}
                component={Link}
                to={n.to}
                variant={n.active ? 'light' : 'subtle'}
                justify="flex-start"
                aria-current={n.active ? 'page' : undefined}
              >
                {n.label}
              </Button>
            ))}
          </Stack>
        </Box>
        {/* Keyed by account: signing in as another user loads the page afresh for that user. */}
        <Box key={session.account.id} component="main" p="md" style={{ flex: 1, minWidth: 0 }}>
          <Suspense
            fallback={
              <Center p="xl">
                <Loader aria-label={t('common.loading')} />
              </Center>
            }
          >
            <Outlet />
          </Suspense>
        </Box>
      </Box>
      {expired ? (
        <Suspense fallback={null}>
          <SignInDialog username={session.account.username} />
        </Suspense>
      ) : null}
    </Box>
  );
}
