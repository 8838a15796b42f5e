import { ipsecClientProfileSchema } from '@vpn-console/shared/api/remote-access';
import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest, downloadSecretFile } from '../../../lib/api-client';

/** GET …/ipsec-servers/{id}/client-profile (PSK masked). */
const getIpsecClientProfile = (regionId: string, id: string) =>
  apiRequest(ipsecClientProfileSchema, pathTo(route.getIpsecClientProfile, regionId, id));

const ipsecClientProfileQueryOptions = (regionId: string, id: string) =>
  queryOptions({
    queryKey: ['ipsec-client-profile', regionId, id] as const,
    queryFn: () => getIpsecClientProfile(regionId, id),
  });

export const useIpsecClientProfile = (regionId: string, id: string, enabled: boolean) =>
  useQuery({ ...ipsecClientProfileQueryOptions(regionId, id), enabled });

/** POST …/client-profile/download: the file with the PSK (operators; audited). */
export const useDownloadIpsecProfile = (regionId: string, id: string) =>
  useMutation({
    mutationFn: (format: 'swanctl' | 'settings') =>
      downloadSecretFile(
        `${pathTo(route.downloadIpsecClientProfile, regionId, id)}?format=${format}`,
        format === 'swanctl' ? `${id}.swanctl.conf` : `${id}.ikev2-settings.txt`,
      ),
    gcTime: 0,
  });
