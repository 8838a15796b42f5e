import type { SslVpnClientCertView, SslVpnClientView } from '@vpn-console/shared/api/remote-access';
import type {
  SslVpnClient,
  SslVpnClientCert,
} from '@vpn-console/shared/responses/ssl-vpn-client-cert';
import { defined } from '../present-common';

const DAY_MS = 86_400_000;
const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

export const presentClientCert = (
  c: SslVpnClientCert,
  regionId: string,
  now: number,
): SslVpnClientCertView => ({
  id: c.SslVpnClientCertId,
  regionId: c.RegionId ?? regionId,
  sslVpnServerId: c.SslVpnServerId ?? '',
  name: c.Name ?? '',
  status: c.Status ?? 'normal',
  ...defined({
    createdAt: iso(c.CreateTime),
    expiresAt: iso(c.EndTime),
    daysLeft:
      c.EndTime === undefined ? undefined : Math.max(0, Math.floor((c.EndTime - now) / DAY_MS)),
  }),
});

/** `CN=vsc-…` → `vsc-…` (a user name of two-factor authentication stays as it is). */
const commonNameOf = (raw: string | undefined) => (raw ?? '').replace(/^CN=/, '');

export const presentClient = (
  c: SslVpnClient,
  certNames: ReadonlyMap<string, string>,
): SslVpnClientView => {
  const commonName = commonNameOf(c.CommonName);
  return {
    commonName,
    ...defined({
      certName: certNames.get(commonName),
      ip: c.Ip,
      port: c.Port === undefined ? undefined : String(c.Port),
      privateIp: c.PrivateIp,
      status: c.Status,
      connectedAt: iso(c.ConnectedTime),
      sendBytes: c.SendBytes,
      receiveBytes: c.ReceiveBytes,
    }),
  };
};
