import { apiPaths } from '@vpn-console/shared/api/paths';
import { useMutation } from '@tanstack/react-query';
import { downloadSecretFile } from '../../../lib/api-client';

/** POST …/ssl-vpn-client-certs/{id}/bundle: the .ovpn with the private key (operators; audited). */
const downloadClientBundle = (regionId: string, id: string) =>
  downloadSecretFile(apiPaths.sslVpnClientBundle(regionId, id, 'ovpn'), `${id}.ovpn`);

export const useDownloadClientBundle = (regionId: string) =>
  useMutation({ mutationFn: (id: string) => downloadClientBundle(regionId, id), gcTime: 0 });
