// Request bodies of the SSL-VPN client certificate routes.
import { z } from 'zod';
import { sslVpnClientCertNameSchema } from '../common/names';

/** POST …/ssl-vpn-servers/:id/client-certs */
export const createSslVpnClientCertSchema = z.strictObject({
  name: sslVpnClientCertNameSchema,
});
export type CreateSslVpnClientCertInput = z.input<typeof createSslVpnClientCertSchema>;

/** PATCH …/ssl-vpn-client-certs/:id (rename) */
export const renameSslVpnClientCertSchema = z.strictObject({
  name: sslVpnClientCertNameSchema,
});
export type RenameSslVpnClientCertInput = z.input<typeof renameSslVpnClientCertSchema>;
