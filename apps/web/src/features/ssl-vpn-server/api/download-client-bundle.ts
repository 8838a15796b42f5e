import { pathTo } from '@vpn-console/shared/api/paths';
import * as route from '@vpn-console/shared/api/route-paths';
import { useMutation } from '@tanstack/react-query';
import { downloadSecretFile } from '../../../lib/api-client';

/** POST …/ssl-vpn-client-certs/{id}/bundle: the .ovpn with the private key (operators; audited). */
const downloadClientBundle = (regionId: string, id: string) =>
  downloadSecretFile(
    `${pathTo(route.downloadSslVpnClientBundle, regionId, id)}?format=ovpn`,
    `${id}.ovpn`,
  );

export const useDownloadClientBundle = (regionId: string) =>
  useMutation({ mutationFn: (id: string) => downloadClientBundle(regionId, id), gcTime: 0 });
