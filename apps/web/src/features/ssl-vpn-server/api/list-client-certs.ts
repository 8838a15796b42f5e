import { sslVpnClientCertListSchema } from '@vpn-console/shared/api/remote-access';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import { sslClientKeys } from './client-keys';

/** GET …/ssl-vpn-servers/{id}/client-certs (no key material). */
const listClientCerts = (regionId: string, sslVpnServerId: string) =>
  apiRequest(
    sslVpnClientCertListSchema,
    pathTo(route.listSslVpnClientCerts, regionId, sslVpnServerId),
  );

const clientCertsQueryOptions = (regionId: string, sslVpnServerId: string) =>
  queryOptions({
    queryKey: sslClientKeys.certs(regionId, sslVpnServerId),
    queryFn: () => listClientCerts(regionId, sslVpnServerId),
  });

export const useClientCerts = (regionId: string, sslVpnServerId: string) =>
  useQuery(clientCertsQueryOptions(regionId, sslVpnServerId));
