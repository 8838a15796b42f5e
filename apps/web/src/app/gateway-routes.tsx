// The gateway list routes, and what an address with no page shows (here, not in a chunk of its own:
// it uses only what the list's first screen loads anyway, and a chunk more would split the shared
// ones and weigh on the 170 kB budget). An unknown address used to jump to the gateway list without
// a word, so a mistyped or outdated link looked like it worked; a region the account does not have
// said 'No VPN gateways here', as if the region were empty.
import { Alert, Anchor, Text } from '@mantine/core';
import { Link, Navigate, useParams } from 'react-router';
import { useRegions } from '../features/gateways/api/list-regions';
import {
  AllGatewaysPage,
  GatewayListPage,
} from '../features/gateways/components/gateway-list-page';
import { useI18n } from '../lib/i18n';

export function GatewayListRoute() {
  const { regionId } = useParams();
  const regions = useRegions();
  if (regionId === undefined) return <Navigate to="/" replace />;
  // A region the account does not have is said so, not shown as an empty list. The list does not
  // wait for the regions (its first screen would start later); when they cannot be read, the list
  // says what it can.
  if (regions.data !== undefined && !regions.data.items.some((r) => r.regionId === regionId))
    return <NotFound regionId={regionId} />;
  return <GatewayListPage regionId={regionId} />;
}

export function AllGatewaysRoute() {
  return <AllGatewaysPage />;
}

export function NotFound({ regionId }: { regionId?: string }) {
  const { t } = useI18n();
  return (
    <Alert color="yellow" role="alert">
      <Text size="sm" mb="xs">
        {regionId === undefined ? t('page.notFound') : t('region.notFound', { regionId })}
      </Text>
      <Anchor component={Link} to="/" size="sm">
        {t('page.toGateways')}
      </Anchor>
    </Alert>
  );
}
