// Sessions and roles (HTTP contract of /api/v1/session; owned by the BFF's auth module).
import { z } from 'zod';

export const roles = ['viewer', 'operator', 'admin'] as const;
export const roleSchema = z.enum(roles);
/** `viewer`: read only, no secrets; `operator`: also writes and reveals PSKs; `admin`: also accounts. */
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._@-]*$/);

/** `POST /api/v1/session` body. */
export const loginRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
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
  session: () => '/api/v1/session',
  accounts: () => '/api/v1/accounts',
  account: (id: string) => `/api/v1/accounts/${encodeURIComponent(id)}`,
  /** `DELETE`: an admin ends every session of the account. */
  accountSessions: (id: string) => `/api/v1/accounts/${encodeURIComponent(id)}/sessions`,
  audit: () => '/api/v1/audit',
  demo: () => '/api/v1/demo',
  ipsecServerPskReveal: (regionId: string, id: string) =>
    `/api/v1/regions/${encodeURIComponent(regionId)}/ipsec-servers/${encodeURIComponent(id)}/psk/reveal`,
  vpnConnectionPskReveal: (regionId: string, id: string) =>
    `/api/v1/regions/${encodeURIComponent(regionId)}/vpn-connections/${encodeURIComponent(id)}/psk/reveal`,
} as const;
