// Sessions and roles (HTTP contract of /api/v1/session; owned by the BFF's auth module).
import { z } from 'zod';
import { printableTextSchema } from '../common/text';
import { ISSUE_CODES } from '../errors/issue-codes';
import { pathTo } from './paths';
import * as r from './route-paths';

export const roles = ['viewer', 'operator', 'admin'] as const;
export const roleSchema = z.enum(roles);
/** `viewer`: read only, no secrets; `operator`: also writes and reveals PSKs; `admin`: also accounts. */
export type Role = z.infer<typeof roleSchema>;

/** A user name: printable ASCII only (letters, digits, `.`, `_`, `@`, `-`), 1–64 characters. */
export const usernameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/, ISSUE_CODES.USERNAME_CHARSET);

/** A name typed at the login: any printable text (no controls), so the lookup never fails. */
const loginNameSchema = printableTextSchema(1, 64);

/** `POST /api/v1/session` body. */
export const loginRequestSchema = z.strictObject({
  username: loginNameSchema,
  password: z.string().min(1).max(1024),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

/** `GET /api/v1/session` (and the `POST` answer): who am I. */
export const sessionViewSchema = z.object({
  account: z.object({
    id: z.string(),
    username: z.string(),
    role: roleSchema,
  }),
  /** True when the BFF runs against the emulator (demo mode). */
  demo: z.boolean(),
  /** When the session ends at the latest (absolute timeout), ISO 8601 UTC. */
  expiresAt: z.string(),
  /** Idle timeout in seconds: the session ends after this long without a request. */
  idleTimeoutSeconds: z.number().int(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** Header every state-changing request must carry (CSRF defence with SameSite=Strict). */
export const csrfHeader = { name: 'X-Requested-With', value: 'XMLHttpRequest' } as const;

export const sessionPaths = {
  session: () => pathTo(r.getSession),
  accounts: () => pathTo(r.listAccounts),
  account: (id: string) => pathTo(r.getAccount, id),
  /** `DELETE`: an admin ends every session of the account. */
  accountSessions: (id: string) => pathTo(r.endAccountSessions, id),
  audit: () => pathTo(r.listAudit),
  demo: () => pathTo(r.demoAccounts),
  ipsecServerPskReveal: (regionId: string, id: string) =>
    pathTo(r.revealIpsecServerPsk, regionId, id),
  vpnConnectionPskReveal: (regionId: string, id: string) =>
    pathTo(r.revealVpnConnectionPsk, regionId, id),
  ipsecServerPskCheck: (regionId: string, id: string) =>
    pathTo(r.checkIpsecServerPsk, regionId, id),
  vpnConnectionPskCheck: (regionId: string, id: string) =>
    pathTo(r.checkVpnConnectionPsk, regionId, id),
} as const;
